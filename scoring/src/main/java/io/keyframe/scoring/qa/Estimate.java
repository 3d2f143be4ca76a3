package io.keyframe.scoring.qa;

/**
 * A point value with a bootstrap confidence interval (NaN bounds when not computable).
 *
 * @param value the statistic on all data
 * @param low lower bound of the interval
 * @param high upper bound
 */
public record Estimate(double value, double low, double high) {
  public static Estimate of(double value) {
    return new Estimate(value, Double.NaN, Double.NaN);
  }

  /** {@code 0.912 [0.880, 0.940]}, or {@code -} when undefined. */
  public String format() {
    if (Double.isNaN(value)) return "-";
    if (Double.isNaN(low)) return String.format("%.3f", value);
    return String.format("%.3f [%.3f, %.3f]", value, low, high);
  }
}
