package io.keyframe.report.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * An immutable snapshot of the Parquet outputs: for every contract table, the rows of its newest
 * complete run (a run is complete once its row exists in {@code runs}; newest = latest
 * {@code ended_at}), reading only the part files the run's {@link RunManifest} lists. Tables never
 * written are empty with the contract's columns.
 */
public final class ReportData {
  private final Map<String, Table> tables;
  private final Map<String, String> runOfTable;
  private final List<BatchEffort> effort;
  private final DetectionIndex detections;
  private final CommandLog commandLog;

  private ReportData(Map<String, Table> tables, Map<String, String> runOfTable, List<BatchEffort> effort, CommandLog commandLog) {
    this.commandLog = commandLog;
    this.tables = tables;
    this.runOfTable = runOfTable;
    this.effort = List.copyOf(effort);
    this.detections = new DetectionIndex(tables.get("detections"));
  }

  /**
   * Loads {@code root/tables/*}. {@code root} is the output root ({@code keyframe-out/}); a root
   * without a {@code tables} folder yields empty tables.
   */
  public static ReportData load(Path root) {
    Path tablesDir = root.resolve("tables");
    TableSpec runsSpec = ParquetContract.spec("runs");
    Table runs = ParquetTableReader.empty(runsSpec);
    Map<String, RunManifest> manifests = new HashMap<>();
    for (Path runDir : ParquetTableReader.subPartitions(tablesDir.resolve("runs"), ParquetContract.RUN_ID)) {
      runs.append(ParquetTableReader.readRun(runsSpec, runDir));
      RunManifest.read(runDir).ifPresent(m -> manifests.put(ParquetTableReader.partitionValue(runDir, ParquetContract.RUN_ID), m));
    }
    Map<String, Long> endedAt = new HashMap<>();
    for (int r = 0; r < runs.rowCount(); r++) {
      endedAt.merge(runs.stringColumn(ParquetContract.RUN_ID).get(r), runs.longColumn("ended_at").get(r), Math::max);
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<String, String> runOf = new LinkedHashMap<>();
    tables.put("runs", runs.sortDescendingOn("ended_at"));
    List<BatchEffort> effort = new ArrayList<>();
    for (TableSpec spec : ParquetContract.TABLES.values()) {
      if (spec.name().equals("runs")) {
        continue;
      }
      List<Path> complete = ParquetTableReader.subPartitions(tablesDir.resolve(spec.name()), ParquetContract.RUN_ID)
          .stream()
          .filter(d -> endedAt.containsKey(ParquetTableReader.partitionValue(d, ParquetContract.RUN_ID)))
          .sorted(Comparator.comparing((Path d) -> endedAt.get(ParquetTableReader.partitionValue(d, ParquetContract.RUN_ID)))
              .thenComparing(Path::toString))
          .toList();
      if (complete.isEmpty()) {
        tables.put(spec.name(), ParquetTableReader.empty(spec));
        continue;
      }
      Path newest = complete.get(complete.size() - 1);
      tables.put(spec.name(), readOwned(spec, newest, manifests));
      runOf.put(spec.name(), ParquetTableReader.partitionValue(newest, ParquetContract.RUN_ID));
      if (spec.name().equals("detections")) {
        for (Path d : complete) {
          Table t = d.equals(newest) ? tables.get("detections") : readOwned(spec, d, manifests);
          long keyframes = t.booleanColumn("keyframe").isTrue().size();
          String run = ParquetTableReader.partitionValue(d, ParquetContract.RUN_ID);
          effort.add(new BatchEffort(run, endedAt.get(run), t.rowCount(), keyframes));
        }
      }
    }
    return new ReportData(tables, runOf, effort, CommandLog.read(root));
  }

  /** A run's partition of {@code spec}, only the files its manifest lists (all files for runs without one). */
  private static Table readOwned(TableSpec spec, Path runDir, Map<String, RunManifest> manifests) {
    RunManifest manifest = manifests.get(ParquetTableReader.partitionValue(runDir, ParquetContract.RUN_ID));
    return manifest == null
        ? ParquetTableReader.readRun(spec, runDir)
        : ParquetTableReader.readRun(spec, runDir, file -> manifest.lists(spec.name(), runDir, file));
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

  /** Detections of the newest run, indexed by video and frame. */
  /** The CLI's audit log under the output root, verified at load time. */
  public CommandLog commandLog() {
    return commandLog;
  }

  public DetectionIndex detections() {
    return detections;
  }
}
