package io.keyframe.tracker.detector;

import java.util.Collection;
import java.util.List;

/**
 * The output layouts keyframe can read, each with the translator that reads it and the input
 * signature it expects (checked before any frame is processed).
 */
public enum DetectorLayout {
  /**
   * DETR family with built-in post-processing (DEIMv2, D-FINE, RT-DETR exports): inputs {@code
   * images} [N,3,S,S] RGB /255 and {@code orig_target_sizes} int64 [N,2] (w,h); outputs {@code
   * labels} [N,K], {@code boxes} [N,K,4] xyxy in original pixels, {@code scores} [N,K].
   */
  DETR_LABELS_BOXES_SCORES(List.of("images", "orig_target_sizes")),
  /**
   * YOLOX raw head: input {@code images} [1,3,S,S] letterboxed BGR 0..255; output [1,A,5+C] with
   * per-anchor (dx, dy, log w, log h, objectness, class scores) on stride 8/16/32 grids.
   */
  YOLOX_RAW_HEAD(List.of("images"));

  private final List<String> inputNames;

  DetectorLayout(List<String> inputNames) {
    this.inputNames = inputNames;
  }

  /** Input names the model must have, in order. */
  public List<String> inputNames() {
    return inputNames;
  }

  /**
   * Guesses the layout from a model's inputs: an {@code orig_target_sizes} input means DETR-style.
   */
  public static DetectorLayout guess(Collection<String> inputNames) {
    return inputNames.contains("orig_target_sizes") ? DETR_LABELS_BOXES_SCORES : YOLOX_RAW_HEAD;
  }
}
