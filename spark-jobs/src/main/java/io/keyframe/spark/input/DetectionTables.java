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
    "video_id", "source", "frame", "track_id", "label", "x", "y", "w", "h", "score", "mask_rle", "mask_h", "mask_w",
    "occluded", "outside", "keyframe", "class_probabilities", "visibility"
  };

  private DetectionTables() {}

  /** The rows of {@code sources} (all sources when empty) from the tables at {@code paths}. */
  public static Dataset<Row> read(SparkSession spark, List<String> paths, List<String> sources) {
    if (paths.isEmpty()) throw new IllegalArgumentException("no detections table given");
    // Run folders of different runs are separate partition roots: read each, then union.
    Dataset<Row> rows = null;
    for (String p : paths) {
      Dataset<Row> one =
          spark.read().parquet(p).select(java.util.Arrays.stream(COLUMNS).map(functions::col).toArray(org.apache.spark.sql.Column[]::new));
      rows = rows == null ? one : rows.unionByName(one);
    }
    return sources.isEmpty() ? rows : rows.where(functions.col("source").isin(sources.toArray()));
  }
}
