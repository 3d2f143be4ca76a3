package io.keyframe.scoring.queue;

import java.util.Objects;

/**
 * Options of {@link LabelQueue#rank}.
 *
 * @param weights signal weights ({@link SignalWeights#defaults()})
 * @param budget how much to select ({@code 10%} of frames by default)
 * @param cost expert-minutes cost model
 * @param dedupWindow frames within which a near-identical, non-adjacent frame of the same video is
 *     deferred behind every other candidate (adjacent frames merge into spans instead)
 * @param dedupRadius embedding distance ({@link io.keyframe.scoring.signal.FrameEmbedding}) up to
 *     which two frames count as near-identical
 * @param topReasons how many signals each row names
 */
public record QueueOptions(
    SignalWeights weights,
    Budget budget,
    CostModel cost,
    int dedupWindow,
    double dedupRadius,
    int topReasons) {
  public QueueOptions {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(cost, "cost");
    if (dedupWindow < 0)
      throw new IllegalArgumentException("dedupWindow must be >= 0: " + dedupWindow);
    if (!(dedupRadius >= 0))
      throw new IllegalArgumentException("dedupRadius must be >= 0: " + dedupRadius);
    if (topReasons < 1)
      throw new IllegalArgumentException("topReasons must be >= 1: " + topReasons);
  }

  /**
   * Default weights, 10% of frames, default cost model, dedup within 15 frames at radius 0.05, 3
   * reasons.
   */
  public static QueueOptions defaults() {
    return new QueueOptions(
        SignalWeights.defaults(), Budget.ofFraction(0.10), CostModel.defaults(), 15, 0.05, 3);
  }

  public QueueOptions withWeights(SignalWeights w) {
    return new QueueOptions(w, budget, cost, dedupWindow, dedupRadius, topReasons);
  }

  public QueueOptions withBudget(Budget b) {
    return new QueueOptions(weights, b, cost, dedupWindow, dedupRadius, topReasons);
  }

  public QueueOptions withCost(CostModel c) {
    return new QueueOptions(weights, budget, c, dedupWindow, dedupRadius, topReasons);
  }
}
