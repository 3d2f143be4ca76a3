package io.keyframe.spark.input;

import io.keyframe.spark.rows.VideoFrames;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
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

  /** What a job does with one video's detection rows, given its {@code videos} row. */
  @FunctionalInterface
  public interface PerVideo<T> extends java.io.Serializable {
    /**
     * @param frames the video's size, rate and length from the {@code videos} table beside the
     *     detections ({@link VideoTables}), or null when there is none (runs from before it)
     * @param rows the video's rows, readable once ({@link VideoGroups})
     */
    T apply(String videoId, VideoFrames frames, Iterable<Row> rows) throws Exception;
  }

  /**
   * One result per video: the rows of {@code sources} (all when empty) from the tables at {@code
   * paths}, grouped by video and sorted by {@code sortColumns} in the executors ({@link
   * VideoGroups#map}), each video handed to {@code f} with its {@code videos} row.
   *
   * @param masks false to read {@code mask_rle} as null, as {@link #read(SparkSession, List, List,
   *     boolean)}
   */
  public static <T> JavaRDD<T> perVideo(
      SparkSession spark,
      List<String> paths,
      List<String> sources,
      boolean masks,
      PerVideo<T> f,
      String... sortColumns) {
    Dataset<Row> rows = read(spark, paths, sources, masks);
    Map<String, VideoFrames> frames = VideoTables.besideDetections(spark, paths);
    return VideoGroups.map(
        rows, (video, batch) -> f.apply(video, frames.get(video), batch), sortColumns);
  }

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
