package io.keyframe.report.data;

import io.keyframe.dataset.contract.Column;
import io.keyframe.dataset.contract.ColumnType;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.dataset.contract.TableDef;
import io.keyframe.dataset.contract.parquet.RunPartitionReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads one run partition of a contract table into a Tablesaw {@link Table}, adding the Hive-style
 * partition values ({@code run_id}, and {@code video_id} for per-video tables) as string columns.
 * The files are read by dataset's {@link RunPartitionReader} (the CLI's reader too), which widens
 * numbers to the contract's types and names the file in every error. Nested cells become JSON
 * strings ({@link NestedCells}).
 */
public final class ParquetTableReader {
  private ParquetTableReader() {}

  /** An empty table with the contract's columns plus the partition columns. */
  public static Table empty(TableDef spec) {
    Table t = Table.create(spec.name());
    for (Column c : spec.columns()) {
      t.addColumns(newColumn(c));
    }
    t.addColumns(StringColumn.create(OutputTables.RUN_ID));
    if (spec.perVideo()) {
      t.addColumns(StringColumn.create(OutputTables.VIDEO_ID));
    }
    return t;
  }

  /**
   * Reads {@code tables/<table>/run_id=<run>/} (all its video partitions) into one table.
   *
   * @param runDir the {@code run_id=...} folder
   */
  public static Table readRun(TableDef spec, Path runDir) {
    return readRun(spec, runDir, file -> true);
  }

  /**
   * As {@link #readRun(TableDef, Path)}, reading only the part files {@code owned} accepts (see
   * {@link RunManifest}).
   */
  public static Table readRun(TableDef spec, Path runDir, Predicate<Path> owned) {
    Table t = empty(spec);
    List<Column> columns = spec.columns();
    StringColumn runIds = t.stringColumn(OutputTables.RUN_ID);
    StringColumn videoIds = spec.perVideo() ? t.stringColumn(OutputTables.VIDEO_ID) : null;
    RunPartitionReader.read(
        spec,
        runDir,
        owned,
        row -> {
          for (int i = 0; i < columns.size(); i++) {
            append(t.column(i), columns.get(i).type(), row.values()[i]);
          }
          runIds.append(row.runId());
          if (videoIds != null) {
            videoIds.append(row.videoId());
          }
        });
    return t;
  }

  /** The {@code <name>=<value>} sub-folders of {@code dir}, sorted by name. */
  public static List<Path> subPartitions(Path dir, String name) {
    return RunPartitionReader.subPartitions(dir, name);
  }

  /** Decoded value of a {@code name=value} folder; Spark escapes special characters as %XX. */
  public static String partitionValue(Path dir, String name) {
    return RunPartitionReader.partitionValue(dir, name);
  }

  private static void append(tech.tablesaw.columns.Column<?> col, ColumnType type, Object value) {
    if (value == null) {
      col.appendMissing();
      return;
    }
    if (!(type instanceof ColumnType.Scalar scalar)) {
      ((StringColumn) col).append(NestedCells.json(value));
      return;
    }
    switch (scalar) {
      case STRING -> ((StringColumn) col).append((String) value);
      case BOOLEAN -> ((BooleanColumn) col).append((Boolean) value);
      case INT -> ((IntColumn) col).append((Integer) value);
      case LONG -> ((LongColumn) col).append((Long) value);
      case DOUBLE -> ((DoubleColumn) col).append((Double) value);
    }
  }

  private static tech.tablesaw.columns.Column<?> newColumn(Column c) {
    if (!(c.type() instanceof ColumnType.Scalar scalar)) {
      return StringColumn.create(c.name());
    }
    return switch (scalar) {
      case STRING -> StringColumn.create(c.name());
      case INT -> IntColumn.create(c.name());
      case LONG -> LongColumn.create(c.name());
      case DOUBLE -> DoubleColumn.create(c.name());
      case BOOLEAN -> BooleanColumn.create(c.name());
    };
  }
}
