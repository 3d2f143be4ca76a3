package io.keyframe.spark.input;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Reads {@code detections} tables (run folders written by any job) with the contract's columns. */
public final class DetectionTables {
  /** Every column a job needs to rebuild detections, {@code video_id} first. */
  public static final String[] COLUMNS = {
    "video_id",
    "source",
    "frame",
    "track_id",
    "label",
    "x",
    "y",
    "w",
    "h",
    "score",
    "mask_rle",
    "mask_h",
    "mask_w",
    "occluded",
    "outside",
    "keyframe",
    "class_probabilities",
    "visibility"
  };

  private DetectionTables() {}

  /**
   * The tables a job reading {@code detections} takes in, for its input hashes: those paths, then
   * the {@code videos} tables beside them ({@link VideoTables}).
   */
  public static List<String> withVideos(SparkSession spark, List<String> detections) {
    List<String> out = new java.util.ArrayList<>(detections);
    out.addAll(VideoTables.paths(spark, detections));
    return out;
  }

  /** The rows of {@code sources} (all sources when empty) from the tables at {@code paths}. */
  public static Dataset<Row> read(SparkSession spark, List<String> paths, List<String> sources) {
    return read(spark, paths, sources, true);
  }

  /**
   * As {@link #read(SparkSession, List, List)}; without masks {@code mask_rle} reads as null, which
   * spares decoding RLE for jobs that compare boxes only.
   */
  public static Dataset<Row> read(
      SparkSession spark, List<String> paths, List<String> sources, boolean masks) {
    if (paths.isEmpty()) throw new IllegalArgumentException("no detections table given");
    Dataset<Row> rows = RunFolders.read(spark, paths, COLUMNS);
    if (!masks) rows = rows.withColumn("mask_rle", functions.lit(null).cast("string"));
    return sources.isEmpty() ? rows : rows.where(functions.col("source").isin(sources.toArray()));
  }
}
