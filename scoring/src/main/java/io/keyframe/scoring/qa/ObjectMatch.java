package io.keyframe.scoring.qa;

import io.keyframe.dataset.Detection;
import java.util.Objects;

/**
 * Two annotators' detections of what is taken to be the same object in one frame.
 *
 * @param iou their overlap (mask IoU when both have masks, else box IoU)
 */
public record ObjectMatch(int frame, Detection a, Detection b, double iou) {
  public ObjectMatch {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (!(iou >= 0 && iou <= 1)) throw new IllegalArgumentException("iou not in [0,1]: " + iou);
  }
}
