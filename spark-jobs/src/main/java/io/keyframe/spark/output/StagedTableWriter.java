package io.keyframe.spark.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Writes a run's tables so that readers see a run whole or not at all. Spark writes each table into
 * {@code OUT/.staging/<run>/<table>/}; {@link #commit()} then swaps the run's whole set of
 * partitions in under {@code OUT/tables/<table>/run_id=<run>/}, in this order:
 *
 * <ol>
 *   <li>a journal {@code .staging/<run>/_journal.json} names every table the swap touches;
 *   <li>the run's old {@code runs} row is moved aside first, so the old run stops being visible;
 *   <li>every other old partition folder of this run id is moved aside (all tables, so a re-run
 *       with fewer videos or tables leaves nothing stale behind);
 *   <li>each new table folder is renamed in;
 *   <li>the new {@code runs} folder, holding the row and {@code _manifest.json} (every partition
 *       and file of the run), is renamed in last: this single rename is the commit point;
 *   <li>set-aside copies, the journal and staging are deleted.
 * </ol>
 *
 * <p>A process killed anywhere in between leaves the journal; the next writer on that root (under
 * the {@link OutputLock}, so there is only one) rolls the swap back, restoring the set-aside run,
 * or, past the commit point, finishes the clean-up. Renames are atomic on local disks and HDFS.
 *
 * <p>Files are renamed to {@code part-NNNNN.parquet} in Spark's task order, so identical rows give
 * identical files.
 */
public final class StagedTableWriter {
  /**
   * Test seam: called before every rename of a commit; a fault test throws here to stand for kill
   * -9.
   */
  @FunctionalInterface
  interface RenameHook {
    void beforeRename(String step, Path from, Path to) throws IOException;
  }

  static volatile RenameHook renameHook = (step, from, to) -> {};

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private final SparkSession spark;
  private final FileSystem fs;
  private final Path root;
  private final String runId;
  private final Path staging;
  private final OutputLock lock;
  private final Map<Table, Long> staged = new LinkedHashMap<>();

  private StagedTableWriter(SparkSession spark, String outputRoot, String runId) {
    if (!runId.matches("[A-Za-z0-9._-]+"))
      throw new IllegalArgumentException("run id must be [A-Za-z0-9._-]+: " + runId);
    this.spark = spark;
    this.runId = runId;
    try {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      Path rootPath = new Path(outputRoot);
      FileSystem any = rootPath.getFileSystem(conf);
      // The local checksummed file system hides its .crc files from listings; work on the raw one
      // so
      // tidy() can drop them and renames do not drag stale checksums along.
      this.fs =
          any instanceof org.apache.hadoop.fs.LocalFileSystem local
              ? local.getRawFileSystem()
              : any;
      this.root = fs.makeQualified(rootPath);
      this.staging = new Path(root, ".staging/" + runId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the staging folder", e);
    }
    this.lock = OutputLock.acquire(fs, root, runId);
    try {
      recover(fs, root);
      fs.delete(new Path(root, ".staging"), true);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e instanceof IOException io
          ? new UncheckedIOException("cannot recover the output root " + root, io)
          : (RuntimeException) e;
    }
  }

  /**
   * Opens a writer for run {@code runId} under {@code outputRoot}: takes the root's lock, repairs
   * what a killed commit left (any run) and discards what killed attempts left in staging.
   *
   * @throws OutputLock.HeldException if another live job writes to the same root
   */
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
    if (staged.containsKey(table))
      throw new IllegalStateException(table.folder() + " already staged in run " + runId);
    if (!rows.schema().equals(table.frameSchema())) rows = conform(table, rows);
    Path target = new Path(staging, table.folder());
    Column[] sort = Arrays.stream(sortColumns).map(functions::col).toArray(Column[]::new);
    Dataset<Row> ordered;
    if (table.partitioning() == Table.Partitioning.VIDEO) {
      // video_id leads the sort: partitionBy needs rows ordered by it and, when the plan's order
      // does
      // not start with it, re-sorts by video_id alone, losing the order of the other columns.
      Column[] byVideo = new Column[sort.length + 1];
      byVideo[0] = functions.col(Table.VIDEO_ID);
      System.arraycopy(sort, 0, byVideo, 1, sort.length);
      ordered = rows.repartition(functions.col(Table.VIDEO_ID)).sortWithinPartitions(byVideo);
      ordered
          .write()
          .mode(SaveMode.Overwrite)
          .partitionBy(Table.VIDEO_ID)
          .parquet(target.toString());
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

  /**
   * Swaps this run's whole set of partitions for the staged one (see the class comment), then
   * releases the lock.
   */
  public void commit() {
    try {
      swap();
    } catch (IOException e) {
      throw new UncheckedIOException("commit of run " + runId + " failed; re-run to finish it", e);
    } finally {
      lock.close();
    }
  }

  /**
   * Commits only {@code table} (the quarantine of a failed run) and discards the rest of staging.
   * The run's earlier partitions are replaced too, and no {@code runs} row is written: readers see
   * no run.
   */
  public void commitOnly(Table table) {
    try {
      for (Table t : new ArrayList<>(staged.keySet())) {
        if (t != table) {
          fs.delete(new Path(staging, t.folder()), true);
          staged.remove(t);
        }
      }
      swap();
    } catch (IOException e) {
      throw new UncheckedIOException("commit of " + table.folder() + " failed", e);
    } finally {
      lock.close();
    }
  }

  /**
   * Discards everything staged in this run and releases the lock; committed partitions stay.
   * Idempotent.
   */
  public void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the staging folder", e);
    } finally {
      lock.close();
    }
  }

  /**
   * Stands for this process being killed: the lock file stays behind with no live holder (fault
   * tests only).
   */
  void die() {
    lock.die();
  }

  private void swap() throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (Table table : Table.values()) {
      Path stagedTable = new Path(staging, table.folder());
      boolean isNew = staged.containsKey(table) && fs.exists(stagedTable);
      if (isNew) tidyTable(table, stagedTable);
      boolean isOld = fs.exists(committedPath(table));
      if (isNew || isOld) entries.add(new Entry(table.folder(), isOld, isNew));
    }
    if (staged.containsKey(Table.RUNS)) writeManifest(entries);
    Journal journal = new Journal(runId, entries);
    writeAtomically(new Path(staging, JOURNAL), JSON.writeValueAsBytes(journal));
    // Old runs row first: from here until the new one is in, readers see no run with this id.
    for (Entry e : journal.runsFirst())
      if (e.old()) move("aside", journal.target(root, e), journal.aside(root, e));
    for (Entry e : journal.runsLast())
      if (e.fresh()) move("in", journal.staged(root, e), journal.target(root, e));
    renameHook.beforeRename("committed", staging, null);
    finish(fs, root, journal);
  }

  private void tidyTable(Table table, Path stagedTable) throws IOException {
    if (table.partitioning() == Table.Partitioning.RUN) {
      tidy(stagedTable);
      return;
    }
    for (FileStatus child : sorted(fs.listStatus(stagedTable))) {
      if (child.isDirectory() && child.getPath().getName().startsWith(Table.VIDEO_ID + "="))
        tidy(child.getPath());
      else fs.delete(child.getPath(), true); // _SUCCESS and its checksum
    }
  }

  /** {@code _manifest.json} beside the runs row: every table, partition and file of the run. */
  private void writeManifest(List<Entry> entries) throws IOException {
    Map<String, Map<String, List<String>>> tables = new TreeMap<>();
    for (Entry e : entries) {
      if (!e.fresh() || e.table().equals(Table.RUNS.folder())) continue;
      Path dir = new Path(staging, e.table());
      Map<String, List<String>> partitions = new TreeMap<>();
      for (FileStatus child : sorted(fs.listStatus(dir))) {
        if (child.isDirectory())
          partitions.put(child.getPath().getName(), partFiles(child.getPath()));
      }
      List<String> direct = partFiles(dir);
      if (!direct.isEmpty()) partitions.put("", direct);
      tables.put(e.table(), partitions);
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("run_id", runId);
    manifest.put("tables", tables);
    writeAtomically(
        new Path(new Path(staging, Table.RUNS.folder()), MANIFEST),
        JSON.writeValueAsBytes(manifest));
  }

  private List<String> partFiles(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    for (FileStatus f : sorted(fs.listStatus(dir)))
      if (f.isFile() && f.getPath().getName().endsWith(".parquet"))
        names.add(f.getPath().getName());
    return names;
  }

  private void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path temp = new Path(file.getParent(), "." + file.getName() + ".tmp");
    try (var out = fs.create(temp, true)) {
      out.write(bytes);
    }
    if (!fs.rename(temp, file)) throw new IOException("cannot rename " + temp + " to " + file);
  }

  private void move(String step, Path from, Path to) throws IOException {
    renameHook.beforeRename(step, from, to);
    rename(fs, from, to);
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    fs.mkdirs(to.getParent());
    if (!fs.rename(from, to)) throw new IOException("cannot rename " + from + " to " + to);
  }

  /**
   * Past the commit point: drop the set-aside copies, then the journal (with the rest of staging).
   */
  private static void finish(FileSystem fs, Path root, Journal journal) throws IOException {
    fs.delete(new Path(root, ".staging/" + journal.runId() + "/" + REPLACED), true);
    fs.delete(new Path(root, ".staging/" + journal.runId()), true);
  }

  /**
   * Repairs every commit a killed writer left half done. Before the commit point (a new table
   * folder still in staging) it rolls back: new folders return to staging, set-aside ones return to
   * their place, the runs row last, so the old run reappears whole. Past it, it only cleans up.
   * Each step is idempotent, so a kill during recovery is repaired by the next start.
   */
  static void recover(FileSystem fs, Path root) throws IOException {
    Path stagingRoot = new Path(root, ".staging");
    if (!fs.exists(stagingRoot)) return;
    for (FileStatus run : sorted(fs.listStatus(stagingRoot))) {
      Path journalFile = new Path(run.getPath(), JOURNAL);
      if (!fs.exists(journalFile)) continue;
      Journal journal;
      try (var in = fs.open(journalFile)) {
        journal = JSON.readValue(in.readAllBytes(), Journal.class);
      }
      boolean committed =
          journal.entries().stream()
              .filter(Entry::fresh)
              .noneMatch(e -> exists(fs, journal.staged(root, e)));
      if (!committed) {
        System.err.println(
            "keyframe: rolling back the interrupted commit of run " + journal.runId());
        for (Entry e : journal.runsFirst()) {
          if (e.fresh()
              && !exists(fs, journal.staged(root, e))
              && exists(fs, journal.target(root, e)))
            rename(fs, journal.target(root, e), journal.staged(root, e));
        }
        for (Entry e : journal.runsLast()) {
          if (e.old() && exists(fs, journal.aside(root, e)))
            rename(fs, journal.aside(root, e), journal.target(root, e));
        }
      }
      finish(fs, root, journal);
    }
  }

  private static boolean exists(FileSystem fs, Path p) {
    try {
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String JOURNAL = "_journal.json";
  static final String MANIFEST = "_manifest.json";
  private static final String REPLACED = ".replaced";

  /**
   * One table a commit touches: whether this run id had a folder there before, and whether it
   * brings one.
   */
  record Entry(String table, boolean old, boolean fresh) {}

  /**
   * What a commit is about to do, written before its first rename; paths derive from run id and
   * table.
   */
  record Journal(String runId, List<Entry> entries) {
    Journal {
      entries = List.copyOf(entries);
    }

    Path target(Path root, Entry e) {
      return new Path(root, "tables/" + e.table() + "/run_id=" + runId);
    }

    Path staged(Path root, Entry e) {
      return new Path(root, ".staging/" + runId + "/" + e.table());
    }

    Path aside(Path root, Entry e) {
      return new Path(root, ".staging/" + runId + "/" + REPLACED + "/" + e.table());
    }

    /** The runs entry first (hide the old run before touching its data). */
    List<Entry> runsFirst() {
      List<Entry> out = new ArrayList<>(entries);
      out.sort(Comparator.comparing((Entry e) -> !e.table().equals(Table.RUNS.folder())));
      return out;
    }

    /** The runs entry last (show the run only once its data is in place). */
    List<Entry> runsLast() {
      List<Entry> out = new ArrayList<>(entries);
      out.sort(Comparator.comparing((Entry e) -> e.table().equals(Table.RUNS.folder())));
      return out;
    }
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
      throw new IllegalArgumentException(
          table.folder() + ": columns " + have + " do not match the contract " + want);
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
