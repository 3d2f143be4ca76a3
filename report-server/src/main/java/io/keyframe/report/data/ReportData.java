package io.keyframe.report.data;

import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.dataset.contract.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * An immutable snapshot of the Parquet outputs: for every contract table, the rows of its newest
 * complete run (a run is complete once its row exists in {@code runs}; newest = latest {@code
 * ended_at}), reading only the part files the run's {@link RunManifest} lists. Tables never written
 * are empty with the contract's columns.
 *
 * <p>{@code detections} is the exception: each run writes only its own sources (generate writes the
 * ground truth, annotators and the model; each tracker run its tracker), so its rows are, per video
 * and source, those of the newest complete run that wrote them. {@code videos} likewise keeps each
 * video's newest row.
 */
public final class ReportData {
  private final Map<String, Table> tables;
  private final Map<String, String> runOfTable;
  private final List<BatchEffort> effort;
  private final DetectionIndex detections;
  private final CommandLog commandLog;
  private final Map<String, VideoInfo> videos;

  private ReportData(
      Map<String, Table> tables,
      Map<String, String> runOfTable,
      List<BatchEffort> effort,
      CommandLog commandLog) {
    this.commandLog = commandLog;
    this.tables = tables;
    this.runOfTable = runOfTable;
    this.effort = List.copyOf(effort);
    this.videos = VideoInfo.of(tables.get("videos"));
    this.detections = new DetectionIndex(tables.get("detections"), videos);
  }

  /**
   * Loads {@code root/tables/*}. {@code root} is the output root ({@code keyframe-out/}); a root
   * without a {@code tables} folder yields empty tables.
   */
  public static ReportData load(Path root) {
    Path tablesDir = root.resolve("tables");
    TableDef runsSpec = OutputTables.RUNS;
    Table runs = ParquetTableReader.empty(runsSpec);
    Map<String, RunManifest> manifests = new HashMap<>();
    for (Path runDir :
        ParquetTableReader.subPartitions(tablesDir.resolve("runs"), OutputTables.RUN_ID)) {
      runs.append(ParquetTableReader.readRun(runsSpec, runDir));
      RunManifest.read(runDir)
          .ifPresent(
              m ->
                  manifests.put(ParquetTableReader.partitionValue(runDir, OutputTables.RUN_ID), m));
    }
    Map<String, Long> endedAt = new HashMap<>();
    for (int r = 0; r < runs.rowCount(); r++) {
      endedAt.merge(
          runs.stringColumn(OutputTables.RUN_ID).get(r),
          runs.longColumn("ended_at").get(r),
          Math::max);
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<String, String> runOf = new LinkedHashMap<>();
    tables.put("runs", runs.sortDescendingOn("ended_at"));
    List<BatchEffort> effort = new ArrayList<>();
    for (TableDef spec : OutputTables.ALL_TABLES.values()) {
      if (spec.name().equals("runs")) {
        continue;
      }
      List<Path> complete =
          ParquetTableReader.subPartitions(tablesDir.resolve(spec.name()), OutputTables.RUN_ID)
              .stream()
              .filter(
                  d ->
                      endedAt.containsKey(
                          ParquetTableReader.partitionValue(d, OutputTables.RUN_ID)))
              .sorted(
                  Comparator.comparing(
                          (Path d) ->
                              endedAt.get(
                                  ParquetTableReader.partitionValue(d, OutputTables.RUN_ID)))
                      .thenComparing(Path::toString))
              .toList();
      if (complete.isEmpty()) {
        tables.put(spec.name(), ParquetTableReader.empty(spec));
        continue;
      }
      Path newest = complete.get(complete.size() - 1);
      tables.put(spec.name(), readOwned(spec, newest, manifests));
      runOf.put(spec.name(), ParquetTableReader.partitionValue(newest, OutputTables.RUN_ID));
      if (spec.name().equals("detections") || spec.name().equals("videos")) {
        List<Table> newestFirst = new ArrayList<>();
        for (int i = complete.size() - 1; i >= 0; i--)
          newestFirst.add(
              i == complete.size() - 1
                  ? tables.get(spec.name())
                  : readOwned(spec, complete.get(i), manifests));
        tables.put(
            spec.name(),
            newestPerVideo(spec, newestFirst, spec.name().equals("detections") ? "source" : null));
      }
      if (spec.name().equals("detections")) {
        for (Path d : complete) {
          Table t = readOwned(spec, d, manifests);
          long keyframes = t.booleanColumn("keyframe").isTrue().size();
          String run = ParquetTableReader.partitionValue(d, OutputTables.RUN_ID);
          effort.add(new BatchEffort(run, endedAt.get(run), t.rowCount(), keyframes));
        }
      }
    }
    return new ReportData(tables, runOf, effort, CommandLog.read(root));
  }

  /**
   * The rows of {@code newestFirst} (one table per run, newest first) keeping, per video (and per
   * {@code source} when given), only the newest run's rows.
   */
  private static Table newestPerVideo(TableDef spec, List<Table> newestFirst, String source) {
    Table out = ParquetTableReader.empty(spec);
    Set<String> seen = new HashSet<>();
    for (Table t : newestFirst) {
      Set<String> mine = new HashSet<>();
      Selection keep = new BitmapBackedSelection();
      for (int r = 0; r < t.rowCount(); r++) {
        String key =
            t.stringColumn(OutputTables.VIDEO_ID).get(r)
                + (source == null ? "" : "\u0000" + t.stringColumn(source).get(r));
        if (!seen.contains(key)) {
          keep.add(r);
          mine.add(key);
        }
      }
      out.append(t.where(keep));
      seen.addAll(mine);
    }
    return out;
  }

  /**
   * A run's partition of {@code spec}, only the files its manifest lists (all files for runs
   * without one).
   */
  private static Table readOwned(TableDef spec, Path runDir, Map<String, RunManifest> manifests) {
    RunManifest manifest =
        manifests.get(ParquetTableReader.partitionValue(runDir, OutputTables.RUN_ID));
    return manifest == null
        ? ParquetTableReader.readRun(spec, runDir)
        : ParquetTableReader.readRun(
            spec, runDir, file -> manifest.lists(spec.name(), runDir, file));
  }

  /** Size, rate and length of each video the {@code videos} table names. */
  public Map<String, VideoInfo> videos() {
    return videos;
  }

  /** True when the root holds at least one complete run. */
  public boolean hasRuns() {
    return !tables.get("runs").isEmpty();
  }

  /** Rows of the newest complete run of {@code name} (a contract table name). */
  public Table table(String name) {
    Table t = tables.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no such table: " + name);
    }
    return t;
  }

  /** The run whose rows {@link #table} returns, empty if no complete run wrote this table. */
  public Optional<String> runOf(String table) {
    return Optional.ofNullable(runOfTable.get(table));
  }

  /** Effort saved per complete detections run, oldest first. */
  public List<BatchEffort> effortByBatch() {
    return effort;
  }

  /** The CLI's audit log under the output root, verified at load time. */
  public CommandLog commandLog() {
    return commandLog;
  }

  /** Detections of every source (each from its newest run), indexed by video and frame. */
  public DetectionIndex detections() {
    return detections;
  }
}
