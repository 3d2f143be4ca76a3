package io.keyframe.spark.rows;

import io.keyframe.dataset.OcclusionEvent;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@link OcclusionEvent} → row of the {@code occlusion_events} table (columns in {@link
 * io.keyframe.spark.output.Table#OCCLUSION_EVENTS} order, {@code video_id} last).
 */
public final class OcclusionRows {
  private OcclusionRows() {}

  /**
   * The row of {@code e}, found by {@code source} in video {@code videoId}.
   *
   * @param recommendedKeyframe the frame to label so the object is re-found after the occlusion
   */
  public static Row toRow(
      String videoId, String source, OcclusionEvent e, int recommendedKeyframe) {
    return RowFactory.create(
        source,
        e.trackId(),
        e.startFrame(),
        e.endFrame(),
        e.cause(),
        e.full(),
        recommendedKeyframe,
        videoId);
  }
}
