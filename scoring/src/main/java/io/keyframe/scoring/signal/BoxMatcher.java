package io.keyframe.scoring.signal;

import io.keyframe.dataset.Box;

/**
 * The two matching primitives the disagreement signals need; implemented by the metrics module's
 * IoU and Hungarian assignment so that scoring never re-implements them.
 */
interface BoxMatcher {
  /** The matcher every signal uses. */
  BoxMatcher DEFAULT = new MetricsMatcher();

  /** Intersection over union of two boxes. */
  double iou(Box a, Box b);

  /**
   * One-to-one assignment maximising total IoU; pairs below {@code minIou} are left unmatched.
   *
   * @return for each row, the matched column or -1
   */
  int[] assign(double[][] iou, double minIou);
}
