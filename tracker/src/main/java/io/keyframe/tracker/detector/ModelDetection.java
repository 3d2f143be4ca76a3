package io.keyframe.tracker.detector;

import io.keyframe.dataset.Box;
import java.util.Objects;

/**
 * One box straight out of a detector, before class mapping.
 *
 * @param classIndex the model's class index (COCO's 80 contiguous classes for the shipped models)
 * @param score confidence in [0,1]
 * @param box box in original image pixels
 */
public record ModelDetection(int classIndex, double score, Box box) {
  public ModelDetection {
    if (classIndex < 0)
      throw new IllegalArgumentException("class index is negative: " + classIndex);
    if (!(score >= 0 && score <= 1))
      throw new IllegalArgumentException("score not in [0,1]: " + score);
    Objects.requireNonNull(box, "box");
  }
}
