package io.keyframe.spark.output;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables of README "Parquet outputs", with their exact Parquet schemas. Tables partitioned
 * by video carry a {@code video_id} column in Spark that becomes the partition folder (not a file
 * column); {@code run_id} is never a column, only a folder.
 */
public enum Table {
  RUNS(
      Partitioning.RUN,
      f("job", StringType), f("started_at", LongType), f("ended_at", LongType), f("code_version", StringType),
      f("params_json", StringType), f("inputs_json", StringType), f("models_json", StringType),
      f("row_counts_json", StringType), nullable("tracker_path", StringType)),
  DETECTIONS(
      Partitioning.VIDEO,
      f("source", StringType), f("frame", IntegerType), f("track_id", IntegerType), f("label", StringType),
      f("x", DoubleType), f("y", DoubleType), f("w", DoubleType), f("h", DoubleType), f("score", DoubleType),
      nullable("mask_rle", StringType), f("mask_h", IntegerType), f("mask_w", IntegerType),
      f("occluded", BooleanType), f("outside", BooleanType), f("keyframe", BooleanType),
      nullable("class_probabilities", StringType), f("visibility", DoubleType)),
  OCCLUSION_EVENTS(
      Partitioning.VIDEO,
      f("source", StringType), f("track_id", IntegerType), f("start_frame", IntegerType), f("end_frame", IntegerType),
      f("cause", StringType), f("full", BooleanType), f("recommended_keyframe", IntegerType)),
  TRACKING_METRICS(
      Partitioning.VIDEO,
      f("pred_source", StringType), f("ref_source", StringType), f("label", StringType),
      f("mota", DoubleType), f("motp", DoubleType), f("idf1", DoubleType), f("idp", DoubleType), f("idr", DoubleType),
      f("hota", DoubleType), f("deta", DoubleType), f("assa", DoubleType), f("loca", DoubleType),
      f("detre", DoubleType), f("detpr", DoubleType), f("assre", DoubleType), f("asspr", DoubleType),
      f("num_switches", IntegerType), f("num_fragmentations", IntegerType), f("num_false_positives", IntegerType),
      f("num_misses", IntegerType), f("mostly_tracked", IntegerType), f("partially_tracked", IntegerType),
      f("mostly_lost", IntegerType), f("num_objects", IntegerType), nullable("idsw_after_occlusion", IntegerType),
      nullable("frag_after_occlusion", IntegerType)),
  ID_SWITCHES(
      Partitioning.VIDEO,
      f("pred_source", StringType), f("frame", IntegerType), f("gt_id", IntegerType), f("old_pred_id", IntegerType),
      f("new_pred_id", IntegerType), f("after_occlusion", BooleanType)),
  AGREEMENT(
      Partitioning.VIDEO,
      f("rater_a", StringType), f("rater_b", StringType), f("label", StringType), f("n_matched", IntegerType),
      f("n_unmatched_a", IntegerType), f("n_unmatched_b", IntegerType), f("mean_iou", DoubleType),
      f("iou_lo", DoubleType), f("iou_hi", DoubleType), f("kappa", DoubleType), f("kappa_lo", DoubleType),
      f("kappa_hi", DoubleType), f("alpha", DoubleType)),
  CONFUSION(
      Partitioning.VIDEO,
      f("rater_a", StringType), f("rater_b", StringType), f("label_a", StringType), f("label_b", StringType),
      f("count", IntegerType)),
  SIGNALS(Partitioning.VIDEO, f("frame", IntegerType), f("signal", StringType), f("value", DoubleType)),
  QUEUE(
      Partitioning.RUN,
      f("rank", IntegerType), f("video_id", StringType), f("frame_start", IntegerType), f("frame_end", IntegerType),
      f("score", DoubleType), f("cost_minutes", DoubleType), f("cumulative_minutes", DoubleType),
      f("reasons", StringType), f("object_ids", StringType), f("labels", StringType)),
  SPOT_CHECK(
      Partitioning.RUN, f("video_id", StringType), f("frame", IntegerType), f("label", StringType),
      f("stratum", StringType)),
  COMPARE(
      Partitioning.VIDEO,
      f("model_a", StringType), f("model_b", StringType), f("label", StringType), f("metric", StringType),
      f("value_a", DoubleType), f("value_b", DoubleType), f("delta", DoubleType), f("ci_lo", DoubleType),
      f("ci_hi", DoubleType)),
  COMPARE_FRAMES(
      Partitioning.VIDEO,
      f("model_a", StringType), f("model_b", StringType), f("frame", IntegerType), f("disagreement", DoubleType),
      f("detail", StringType)),
  THROUGHPUT(
      Partitioning.VIDEO,
      f("job", StringType), f("frames", IntegerType), f("seconds", DoubleType), f("frames_per_s", DoubleType)),
  /** Input rows a job refused, with where and why; see README "Parquet outputs". */
  QUARANTINE(
      Partitioning.VIDEO,
      f("job", StringType), f("source", StringType), f("file", StringType), f("line", LongType),
      f("frame", LongType), nullable("field", StringType), f("reason", StringType));

  /** How a table's folders are partitioned below {@code tables/<table>/}. */
  public enum Partitioning {
    /** {@code run_id=<run>/part-*.parquet} */
    RUN,
    /** {@code run_id=<run>/video_id=<video>/part-*.parquet} */
    VIDEO
  }

  /** The partition column of {@link Partitioning#VIDEO} tables. */
  public static final String VIDEO_ID = "video_id";

  /** Rows combining all videos use this video id; rows combining all classes use it as label. */
  public static final String ALL = "__all__";

  private final Partitioning partitioning;
  private final StructType fileSchema;

  Table(Partitioning partitioning, StructField... fields) {
    this.partitioning = partitioning;
    this.fileSchema = new StructType(fields);
  }

  /** Folder name under {@code tables/}: the lower-case enum name. */
  public String folder() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public Partitioning partitioning() {
    return partitioning;
  }

  /** Columns inside the Parquet files. */
  public StructType fileSchema() {
    return fileSchema;
  }

  /** Columns of the DataFrame a job hands to the writer: the file columns, plus {@code video_id} last for video tables. */
  public StructType frameSchema() {
    return partitioning == Partitioning.VIDEO ? fileSchema.add(f(VIDEO_ID, StringType)) : fileSchema;
  }

  /** File column names in order. */
  public List<String> columns() {
    return Arrays.asList(fileSchema.fieldNames());
  }

  private static StructField f(String name, DataType type) {
    return new StructField(name, type, false, org.apache.spark.sql.types.Metadata.empty());
  }

  private static StructField nullable(String name, DataType type) {
    return new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty());
  }
}
