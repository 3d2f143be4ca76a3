package io.keyframe.spark.output;

import io.keyframe.dataset.contract.Column;
import io.keyframe.dataset.contract.ColumnType;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.dataset.contract.TableDef;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables of the Parquet contract ({@link OutputTables}) as Spark schemas. Tables
 * partitioned by video carry a {@code video_id} column in Spark that becomes the partition folder
 * (not a file column); {@code run_id} is never a column, only a folder. Nothing about a table is
 * defined here: names, columns and types all come from the contract.
 */
public enum Table {
  RUNS(OutputTables.RUNS),
  VIDEOS(OutputTables.VIDEOS),
  DETECTIONS(OutputTables.DETECTIONS),
  OCCLUSION_EVENTS(OutputTables.OCCLUSION_EVENTS),
  TRACKING_METRICS(OutputTables.TRACKING_METRICS),
  ID_SWITCHES(OutputTables.ID_SWITCHES),
  AGREEMENT(OutputTables.AGREEMENT),
  CONFUSION(OutputTables.CONFUSION),
  AGREEMENT_OBJECTS(OutputTables.AGREEMENT_OBJECTS),
  SIGNALS(OutputTables.SIGNALS),
  QUEUE(OutputTables.QUEUE),
  SPOT_CHECK(OutputTables.SPOT_CHECK),
  COMPARE(OutputTables.COMPARE),
  COMPARE_FRAMES(OutputTables.COMPARE_FRAMES),
  THROUGHPUT(OutputTables.THROUGHPUT),
  /** Input rows a job refused, with where and why; see README "Parquet outputs". */
  QUARANTINE(OutputTables.QUARANTINE);

  /** How a table's folders are partitioned below {@code tables/<table>/}. */
  public enum Partitioning {
    /** {@code run_id=<run>/part-*.parquet} */
    RUN,
    /** {@code run_id=<run>/video_id=<video>/part-*.parquet} */
    VIDEO
  }

  /** The partition column of {@link Partitioning#VIDEO} tables. */
  public static final String VIDEO_ID = OutputTables.VIDEO_ID;

  /** Rows combining all videos use this video id; rows combining all classes use it as label. */
  public static final String ALL = OutputTables.ALL;

  private final TableDef def;
  private final StructType fileSchema;

  Table(TableDef def) {
    this.def = def;
    this.fileSchema = structOf(def.columns());
  }

  /** The contract's definition of this table. */
  public TableDef def() {
    return def;
  }

  /** Folder name under {@code tables/}. */
  public String folder() {
    return def.name();
  }

  public Partitioning partitioning() {
    return def.perVideo() ? Partitioning.VIDEO : Partitioning.RUN;
  }

  /** Columns inside the Parquet files. */
  public StructType fileSchema() {
    return fileSchema;
  }

  /**
   * Columns of the DataFrame a job hands to the writer: the file columns, plus {@code video_id}
   * last for video tables.
   */
  public StructType frameSchema() {
    return def.perVideo()
        ? fileSchema.add(new StructField(VIDEO_ID, DataTypes.StringType, false, Metadata.empty()))
        : fileSchema;
  }

  /** File column names in order. */
  public List<String> columns() {
    return def.columnNames();
  }

  /**
   * The Spark type of a contract type: scalars as themselves, lists as arrays, maps as maps,
   * structs as structs.
   */
  static DataType sparkType(ColumnType t) {
    if (t instanceof ColumnType.ListOf l) return new ArrayType(sparkType(l.element()), false);
    if (t instanceof ColumnType.MapOf m)
      return new MapType(sparkType(m.key()), sparkType(m.value()), false);
    if (t instanceof ColumnType.StructOf s) return structOf(s.fields());
    return switch ((ColumnType.Scalar) t) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }

  private static StructType structOf(List<Column> columns) {
    StructField[] fields = new StructField[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      Column c = columns.get(i);
      fields[i] = new StructField(c.name(), sparkType(c.type()), c.nullable(), Metadata.empty());
    }
    return new StructType(fields);
  }
}
