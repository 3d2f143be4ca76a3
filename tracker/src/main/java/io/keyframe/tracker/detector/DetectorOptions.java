package io.keyframe.tracker.detector;

import java.util.Objects;

/**
 * How to run a detector.
 *
 * @param layout output layout, or null to guess it from the model's inputs
 * @param classes model classes to project classes
 * @param scoreThreshold boxes below this score are dropped; keep it low (0.1) when the output feeds
 *     the tracker, whose second association stage lives on low-score boxes
 * @param nmsIou NMS overlap for raw-head layouts (0.45, YOLOX's default)
 * @param batchSize frames per forward call; models with a fixed batch of 1 run frame by frame
 * @param intraOpThreads ONNX Runtime intra-op threads (0 = runtime default)
 */
public record DetectorOptions(
    DetectorLayout layout,
    ClassMapping classes,
    double scoreThreshold,
    double nmsIou,
    int batchSize,
    int intraOpThreads) {
  public DetectorOptions {
    Objects.requireNonNull(classes, "classes");
    if (!(scoreThreshold >= 0 && scoreThreshold <= 1))
      throw new IllegalArgumentException("score threshold not in [0,1]: " + scoreThreshold);
    if (!(nmsIou > 0 && nmsIou <= 1))
      throw new IllegalArgumentException("NMS IoU not in (0,1]: " + nmsIou);
    if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
    if (intraOpThreads < 0) throw new IllegalArgumentException("intra-op threads is negative");
  }

  /**
   * Guessed layout, COCO-to-project classes, threshold 0.1 (ByteTrack's low bar), NMS 0.45, batch
   * 4, default threads.
   */
  public static DetectorOptions defaults() {
    return new DetectorOptions(null, ClassMapping.cocoDefault(), 0.1, 0.45, 4, 0);
  }

  public DetectorOptions withScoreThreshold(double t) {
    return new DetectorOptions(layout, classes, t, nmsIou, batchSize, intraOpThreads);
  }

  public DetectorOptions withClasses(ClassMapping c) {
    return new DetectorOptions(layout, c, scoreThreshold, nmsIou, batchSize, intraOpThreads);
  }
}
