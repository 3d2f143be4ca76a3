package io.keyframe.metrics.agreement;

/**
 * An agreement coefficient, or the reason it is undefined (a single rater, no variation, ...):
 * reports print the reason instead of NaN.
 *
 * @param value the coefficient; NaN exactly when {@code undefinedReason} is set
 * @param undefinedReason why there is no value, or null
 */
public record Agreement(double value, String undefinedReason) {
  public Agreement {
    if (undefinedReason == null && !Double.isFinite(value))
      throw new IllegalArgumentException("a defined agreement must be finite: " + value);
    if (undefinedReason != null) value = Double.NaN;
  }

  public static Agreement of(double value) {
    return new Agreement(value, null);
  }

  public static Agreement undefined(String reason) {
    return new Agreement(Double.NaN, reason);
  }

  public boolean isDefined() {
    return undefinedReason == null;
  }

  /** Fixed-precision text, or "undefined (reason)". */
  public String format(int decimals) {
    return isDefined()
        ? String.format(java.util.Locale.ROOT, "%." + decimals + "f", value)
        : "undefined (" + undefinedReason + ")";
  }
}
