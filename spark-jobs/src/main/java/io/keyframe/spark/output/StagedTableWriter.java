package io.keyframe.spark.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Writes a run's tables so that readers never see a half-written partition. Spark writes each table
 * into {@code OUT/.staging/<run>/<table>/}; {@link #commit()} then renames every finished partition
 * folder into {@code OUT/tables/<table>/run_id=<run>/[video_id=<v>/]}. A rename is atomic on local
 * disks and HDFS, so a killed job leaves either the previous partition or the new one, never a mix.
 *
 * <p>Re-running with the same run id first wipes that run's staging folder, then replaces partitions
 * one by one; files are renamed to {@code part-NNNNN.parquet} in Spark's task order, so identical rows
 * give identical files.
 */
public final class StagedTableWriter {
  private final SparkSession spark;
  private final FileSystem fs;
  private final Path root;
  private final String runId;
  private final Path staging;
  private final Map<Table, Long> staged = new LinkedHashMap<>();

  private StagedTableWriter(SparkSession spark, String outputRoot, String runId) {
    if (!runId.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("run id must be [A-Za-z0-9._-]+: " + runId);
    this.spark = spark;
    this.runId = runId;
    try {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      Path rootPath = new Path(outputRoot);
      FileSystem any = rootPath.getFileSystem(conf);
      // The local checksummed file system hides its .crc files from listings; work on the raw one so
      // tidy() can drop them and renames do not drag stale checksums along.
      this.fs = any instanceof org.apache.hadoop.fs.LocalFileSystem local ? local.getRawFileSystem() : any;
      this.root = fs.makeQualified(rootPath);
      this.staging = new Path(root, ".staging/" + runId);
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the staging folder", e);
    }
  }

  /** Opens a writer for run {@code runId} under {@code outputRoot}, discarding what a killed attempt left in staging. */
  public static StagedTableWriter open(SparkSession spark, String outputRoot, String runId) {
    return new StagedTableWriter(spark, outputRoot, runId);
  }

  public String runId() {
    return runId;
  }

  /** The folder holding {@code table}'s committed partitions of this run. */
  public Path committedPath(Table table) {
    return new Path(root, "tables/" + table.folder() + "/run_id=" + runId);
  }

  /**
   * Writes {@code rows} (schema {@link Table#frameSchema()}, column order included) into staging.
   * Rows are spread one video per task and sorted by {@code sortColumns} so reruns produce the same
   * files. Returns the number of rows written.
   */
  public long stage(Table table, Dataset<Row> rows, String... sortColumns) {
    if (staged.containsKey(table)) throw new IllegalStateException(table.folder() + " already staged in run " + runId);
    if (!rows.schema().equals(table.frameSchema()))
      rows = conform(table, rows);
    Path target = new Path(staging, table.folder());
    Column[] sort = Arrays.stream(sortColumns).map(functions::col).toArray(Column[]::new);
    Dataset<Row> ordered;
    if (table.partitioning() == Table.Partitioning.VIDEO) {
      ordered = rows.repartition(functions.col(Table.VIDEO_ID));
      if (sort.length > 0) ordered = ordered.sortWithinPartitions(sort);
      ordered.write().mode(SaveMode.Overwrite).partitionBy(Table.VIDEO_ID).parquet(target.toString());
    } else {
      // Run tables are small (queues, provenance): one file keeps them easy to read.
      ordered = rows.coalesce(1);
      if (sort.length > 0) ordered = ordered.sortWithinPartitions(sort);
      ordered.write().mode(SaveMode.Overwrite).parquet(target.toString());
    }
    long count = countStaged(target);
    staged.put(table, count);
    return count;
  }

  /** Row counts of the tables staged so far, in staging order. */
  public Map<Table, Long> rowCounts() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(staged));
  }

  /** Moves every staged partition into place, replacing earlier attempts of this run, and removes staging. */
  public void commit() {
    try {
      for (Table table : staged.keySet()) commitTable(table);
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("commit of run " + runId + " failed; re-run to finish it", e);
    }
  }

  /** Commits only {@code table} (e.g. the quarantine of a failed run) and discards the rest of staging. */
  public void commitOnly(Table table) {
    try {
      if (staged.containsKey(table)) commitTable(table);
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("commit of " + table.folder() + " failed", e);
    }
  }

  /** Discards everything staged in this run; committed partitions stay. */
  public void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the staging folder", e);
    }
  }

  private void commitTable(Table table) throws IOException {
    Path stagedTable = new Path(staging, table.folder());
    Path committed = committedPath(table);
    if (table.partitioning() == Table.Partitioning.RUN) {
      tidy(stagedTable);
      replace(stagedTable, committed);
      return;
    }
    if (!fs.exists(stagedTable)) return;
    for (FileStatus child : sorted(fs.listStatus(stagedTable))) {
      if (!child.isDirectory() || !child.getPath().getName().startsWith(Table.VIDEO_ID + "=")) continue;
      tidy(child.getPath());
      replace(child.getPath(), new Path(committed, child.getPath().getName()));
    }
  }

  /** Renames {@code from} onto {@code to}; an existing {@code to} is moved aside first, then deleted. */
  private void replace(Path from, Path to) throws IOException {
    fs.mkdirs(to.getParent());
    Path aside = null;
    if (fs.exists(to)) {
      aside = new Path(staging, ".replaced/" + to.getParent().getName() + "/" + to.getName());
      fs.mkdirs(aside.getParent());
      if (!fs.rename(to, aside)) throw new IOException("cannot move the old partition aside: " + to);
    }
    if (!fs.rename(from, to)) throw new IOException("cannot rename " + from + " to " + to);
    if (aside != null) fs.delete(aside, true);
  }

  /** Drops checksum and marker files and gives data files stable names in task order. */
  private void tidy(Path dir) throws IOException {
    List<Path> parts = new ArrayList<>();
    for (FileStatus f : sorted(fs.listStatus(dir))) {
      String name = f.getPath().getName();
      if (name.startsWith("part-") && name.endsWith(".parquet")) parts.add(f.getPath());
      else if (name.endsWith(".crc") || name.startsWith("_")) fs.delete(f.getPath(), false);
    }
    for (int i = 0; i < parts.size(); i++) {
      Path stable = new Path(dir, String.format("part-%05d.parquet", i));
      if (!parts.get(i).equals(stable) && !fs.rename(parts.get(i), stable))
        throw new IOException("cannot rename " + parts.get(i));
    }
  }

  private long countStaged(Path target) {
    try {
      if (!fs.exists(target)) return 0;
      var files = fs.listFiles(target, true);
      boolean any = false;
      while (files.hasNext() && !any) any = files.next().getPath().getName().endsWith(".parquet");
      if (!any) return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Parquet counts come from the footers, so this reads no data pages.
    return spark.read().parquet(target.toString()).count();
  }

  private static Dataset<Row> conform(Table table, Dataset<Row> rows) {
    List<String> want = Arrays.asList(table.frameSchema().fieldNames());
    List<String> have = Arrays.asList(rows.schema().fieldNames());
    if (!have.containsAll(want) || have.size() != want.size())
      throw new IllegalArgumentException(table.folder() + ": columns " + have + " do not match the contract " + want);
    Column[] cols = new Column[want.size()];
    for (int i = 0; i < cols.length; i++) {
      var field = table.frameSchema().fields()[i];
      cols[i] = functions.col(field.name()).cast(field.dataType()).as(field.name());
    }
    return rows.select(cols);
  }

  private static FileStatus[] sorted(FileStatus[] files) {
    Arrays.sort(files, Comparator.comparing(f -> f.getPath().getName()));
    return files;
  }
}
