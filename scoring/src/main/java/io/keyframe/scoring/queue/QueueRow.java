package io.keyframe.scoring.queue;

import java.util.Objects;

/**
 * One row of the expert queue: a frame or a span of adjacent frames of one video, its score, cost
 * and why it is there. Mirrors the {@code queue} Parquet table of the README.
 *
 * @param rank 1-based position in the queue
 * @param videoId the video's ID as given (pseudonymise before writing shared tables)
 * @param frameStart first frame (0-based, inclusive)
 * @param frameEnd last frame (inclusive)
 * @param score combined score in [0,1] (the span's best frame)
 * @param costMinutes expert minutes for the span
 * @param cumulativeMinutes minutes for this row and every row ranked above it
 * @param reasons top signals and their normalised values, e.g. {@code entropy=0.91; occlusion=1.00}
 * @param objectIds comma list of the track IDs behind the signals
 * @param labels comma list of the classes on those frames
 */
public record QueueRow(
    int rank,
    String videoId,
    int frameStart,
    int frameEnd,
    double score,
    double costMinutes,
    double cumulativeMinutes,
    String reasons,
    String objectIds,
    String labels) {
  public QueueRow {
    if (rank < 1) throw new IllegalArgumentException("rank must be >= 1: " + rank);
    Objects.requireNonNull(videoId, "videoId");
    if (frameStart < 0 || frameEnd < frameStart)
      throw new IllegalArgumentException("bad span " + frameStart + ".." + frameEnd);
    reasons = reasons == null ? "" : reasons;
    objectIds = objectIds == null ? "" : objectIds;
    labels = labels == null ? "" : labels;
  }

  /** Number of frames in the row. */
  public int frames() {
    return frameEnd - frameStart + 1;
  }
}
