package io.keyframe.metrics.bootstrap;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap (Efron &amp; Tibshirani 1993, ch. 13): resample the n units with replacement
 * {@code replicates} times, recompute the statistic, and take the (1−level)/2 and (1+level)/2
 * percentiles (linear interpolation, as {@code numpy.percentile}). A fixed seed makes intervals
 * reproducible; replicates where the statistic is undefined (NaN) are dropped and counted.
 *
 * @param replicates number of resamples (e.g. 1000)
 * @param level coverage in (0,1), e.g. 0.95
 * @param seed random seed
 */
public record PercentileBootstrap(int replicates, double level, long seed) {
  public PercentileBootstrap {
    if (replicates < 1)
      throw new IllegalArgumentException("replicates must be positive: " + replicates);
    if (!(level > 0 && level < 1))
      throw new IllegalArgumentException("level not in (0,1): " + level);
  }

  /** 1000 replicates, 95 %, seed 42. */
  public static PercentileBootstrap standard() {
    return new PercentileBootstrap(1000, 0.95, 42);
  }

  /**
   * An interval for a statistic of n units.
   *
   * @param n number of units (items) to resample
   * @param statistic computes the statistic on a resample given as unit indices (NaN = undefined)
   */
  public Interval interval(int n, ToDoubleFunction<int[]> statistic) {
    if (n == 0) return new Interval(Double.NaN, Double.NaN, 0, replicates);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] values = new double[replicates];
    int m = 0;
    int[] idx = new int[n];
    for (int b = 0; b < replicates; b++) {
      for (int i = 0; i < n; i++) idx[i] = rnd.nextInt(n);
      double v = statistic.applyAsDouble(idx);
      if (!Double.isNaN(v)) values[m++] = v;
    }
    if (m == 0) return new Interval(Double.NaN, Double.NaN, 0, replicates);
    double[] sorted = Arrays.copyOf(values, m);
    Arrays.sort(sorted);
    return new Interval(
        percentile(sorted, 100 * (1 - level) / 2),
        percentile(sorted, 100 * (1 + level) / 2),
        m,
        replicates - m);
  }

  /** numpy's default (linear) percentile of sorted values. */
  public static double percentile(double[] sorted, double q) {
    double pos = (sorted.length - 1) * q / 100.0;
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double frac = pos - lo;
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
  }

  /**
   * A confidence interval.
   *
   * @param low lower bound (NaN when no replicate was defined)
   * @param high upper bound
   * @param used replicates where the statistic was defined
   * @param dropped replicates where it was not
   */
  public record Interval(double low, double high, int used, int dropped) {
    public boolean isDefined() {
      return used > 0;
    }
  }
}
