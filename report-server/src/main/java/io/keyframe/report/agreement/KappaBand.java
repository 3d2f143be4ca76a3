package io.keyframe.report.agreement;

/**
 * The conventional reading of a kappa value: Landis, J.R. and Koch, G.G. (1977), "The measurement
 * of observer agreement for categorical data", Biometrics 33(1):159-174, Table 1.
 */
public enum KappaBand {
  POOR("poor", Double.NEGATIVE_INFINITY),
  SLIGHT("slight", 0.0),
  FAIR("fair", 0.21),
  MODERATE("moderate", 0.41),
  SUBSTANTIAL("substantial", 0.61),
  ALMOST_PERFECT("almost perfect", 0.81);

  private final String text;
  private final double from;

  KappaBand(String text, double from) {
    this.text = text;
    this.from = from;
  }

  /** The band's words, as the paper names it. */
  public String text() {
    return text;
  }

  /**
   * The band of {@code kappa} rounded to two decimals (the paper's bands are 0.00-0.20, 0.21-0.40,
   * ...); null for NaN.
   */
  public static KappaBand of(double kappa) {
    if (Double.isNaN(kappa)) {
      return null;
    }
    double k = Math.round(kappa * 100) / 100.0;
    KappaBand out = POOR;
    for (KappaBand b : values()) {
      if (k >= b.from) {
        out = b;
      }
    }
    return out;
  }
}
