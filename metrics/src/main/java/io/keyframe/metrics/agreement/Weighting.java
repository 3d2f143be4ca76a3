package io.keyframe.metrics.agreement;

/**
 * Disagreement weights between category indices i and j (sorted label order), as scikit-learn's.
 */
public enum Weighting {
  /** 0 on the diagonal, 1 elsewhere: plain kappa. */
  NONE,
  /** |i − j|. */
  LINEAR,
  /** (i − j)². */
  QUADRATIC;

  public double weight(int i, int j) {
    return switch (this) {
      case NONE -> i == j ? 0 : 1;
      case LINEAR -> Math.abs(i - j);
      case QUADRATIC -> (double) (i - j) * (i - j);
    };
  }

  /** Parses {@code none|linear|quadratic} (case-insensitive). */
  public static Weighting parse(String s) {
    if (s == null || s.isBlank()) return NONE;
    return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "none", "unweighted" -> NONE;
      case "linear" -> LINEAR;
      case "quadratic" -> QUADRATIC;
      default ->
          throw new IllegalArgumentException("weights must be none, linear or quadratic: " + s);
    };
  }
}
