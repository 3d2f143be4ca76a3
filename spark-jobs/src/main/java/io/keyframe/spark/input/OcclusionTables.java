package io.keyframe.spark.input;

import io.keyframe.dataset.OcclusionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Reads {@code occlusion_events} tables into events per video (small: one row per occlusion). */
public final class OcclusionTables {
  private OcclusionTables() {}

  /**
   * video id → events of {@code source} (every source when null), from the tables at {@code paths}.
   */
  public static Map<String, List<OcclusionEvent>> byVideo(
      SparkSession spark, List<String> paths, String source) {
    Map<String, List<OcclusionEvent>> out = new HashMap<>();
    // A run with no occlusions writes no partition folder for them.
    List<String> present = InputFiles.existing(spark, paths);
    if (present.isEmpty()) return out;
    Dataset<Row> rows =
        RunFolders.read(
            spark,
            present,
            "video_id",
            "source",
            "track_id",
            "start_frame",
            "end_frame",
            "cause",
            "full");
    if (source != null) rows = rows.where(functions.col("source").equalTo(source));
    for (Row r : rows.collectAsList())
      out.computeIfAbsent(r.<String>getAs("video_id"), k -> new ArrayList<>())
          .add(
              new OcclusionEvent(
                  r.<Integer>getAs("track_id"),
                  r.<Integer>getAs("start_frame"),
                  r.<Integer>getAs("end_frame"),
                  r.getAs("cause"),
                  r.<Boolean>getAs("full")));
    return out;
  }
}
