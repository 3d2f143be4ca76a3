package io.keyframe.scoring.queue;

/**
 * Options of {@link SpotCheck#sample}.
 *
 * @param rate share of frames to sample, in (0,1] (QA default 0.1)
 * @param seed random seed; the same seed and batch give the same sample
 * @param allowOverlap when true, frames already in the expert queue may be sampled too
 */
public record SpotCheckOptions(double rate, long seed, boolean allowOverlap) {
  public SpotCheckOptions {
    if (!(rate > 0 && rate <= 1))
      throw new IllegalArgumentException(
          "spot-check rate must be in (0,1], e.g. 0.1 for 10%: " + rate);
  }

  /** 10% with the given seed, never overlapping the expert queue. */
  public static SpotCheckOptions tenPercent(long seed) {
    return new SpotCheckOptions(0.1, seed, false);
  }
}
