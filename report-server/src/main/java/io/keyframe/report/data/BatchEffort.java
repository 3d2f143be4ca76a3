package io.keyframe.report.data;

/**
 * Human effort saved by pre-annotation in one batch (one complete run of the detections table):
 * boxes a person had to draw (CVAT keyframes) against all boxes the run delivered.
 *
 * @param runId the run
 * @param endedAt run end, epoch ms
 * @param boxes all detection rows of the run
 * @param keyframeBoxes rows flagged {@code keyframe} (drawn or corrected by a person)
 */
public record BatchEffort(String runId, long endedAt, long boxes, long keyframeBoxes) {
  public BatchEffort {
    if (boxes < 0 || keyframeBoxes < 0 || keyframeBoxes > boxes) {
      throw new IllegalArgumentException("bad box counts " + keyframeBoxes + "/" + boxes);
    }
  }

  /** Fraction of boxes that needed no manual drawing; 0 for an empty run. */
  public double savedFraction() {
    return boxes == 0 ? 0 : (boxes - keyframeBoxes) / (double) boxes;
  }
}
