package io.keyframe.spark.input;

import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.VideoFrames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the {@code videos} tables that stand beside a job's {@code detections} tables: the run that
 * brought a video in (ingest, generate) writes its frame size, rate and length there, so that no
 * job guesses them from box extents. A detections table at {@code tables/detections/run_id=R} has
 * its videos at {@code tables/videos/run_id=R}, one at {@code tables/detections} at {@code
 * tables/videos}. Runs that bring no video in (track) write none, and neither did runs from before
 * the table existed: those videos are left out of the map.
 */
public final class VideoTables {
  private VideoTables() {}

  /**
   * The {@code videos} table path beside a {@code detections} table path, or null when the path is
   * not laid out as {@code tables/detections[/run_id=R]}.
   */
  static String besideDetections(String detections) {
    Path p = new Path(detections);
    if (p.getName().equals("detections") && p.getParent() != null)
      return new Path(p.getParent(), "videos").toString();
    Path parent = p.getParent();
    if (parent != null && parent.getName().equals("detections") && parent.getParent() != null)
      return new Path(new Path(parent.getParent(), "videos"), p.getName()).toString();
    return null;
  }

  /** The {@code videos} tables that exist beside {@code detections}, in their order. */
  public static List<String> paths(SparkSession spark, List<String> detections) {
    List<String> beside = new ArrayList<>();
    for (String d : detections) {
      String v = besideDetections(d);
      if (v != null && !beside.contains(v)) beside.add(v);
    }
    return InputFiles.existing(spark, beside);
  }

  /**
   * video id → its frames, from the {@code videos} tables beside {@code detections} (small: one row
   * per video). Where two tables hold the same video, the later path's row wins, as a later run's
   * detections replace an earlier one's.
   */
  public static Map<String, VideoFrames> besideDetections(
      SparkSession spark, List<String> detections) {
    Map<String, VideoFrames> out = new HashMap<>();
    for (String p : paths(spark, detections))
      for (Row r :
          // The contract's schema: video IDs stay strings ("0042" is not the number 42).
          spark
              .read()
              .schema(Table.VIDEOS.frameSchema())
              .parquet(p)
              .select("video_id", "width", "height", "fps", "frames")
              .collectAsList()) out.put(r.getString(0), VideoFrames.of(r));
    return out;
  }
}
