package io.keyframe.scoring.queue;

import java.util.Objects;

/**
 * One sampled frame of the QA spot check; mirrors the {@code spot_check} Parquet table.
 *
 * @param videoId the video
 * @param frame 0-based frame
 * @param label the class the frame was stratified by ({@code __none__} for an empty frame)
 * @param stratum {@code videoId/label}
 */
public record SpotCheckRow(String videoId, int frame, String label, String stratum) {
  public SpotCheckRow {
    Objects.requireNonNull(videoId, "videoId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(stratum, "stratum");
    if (frame < 0) throw new IllegalArgumentException("frame is negative: " + frame);
  }
}
