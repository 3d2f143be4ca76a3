package io.keyframe.tracker.detector;

import io.keyframe.metrics.iou.BoxIou;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy class-wise non-maximum suppression (as in YOLOX's {@code multiclass_nms_class_aware}). */
final class NonMaximumSuppression {
  private NonMaximumSuppression() {}

  /**
   * Keeps, per class, boxes in descending score that overlap no kept box by more than {@code iou}.
   */
  static List<ModelDetection> classWise(List<ModelDetection> dets, double iou) {
    List<ModelDetection> sorted = new ArrayList<>(dets);
    sorted.sort(Comparator.comparingDouble(ModelDetection::score).reversed());
    List<ModelDetection> kept = new ArrayList<>();
    for (ModelDetection d : sorted) {
      boolean keep = true;
      for (ModelDetection k : kept)
        if (k.classIndex() == d.classIndex() && BoxIou.of(k.box(), d.box()) > iou) {
          keep = false;
          break;
        }
      if (keep) kept.add(d);
    }
    return kept;
  }
}
