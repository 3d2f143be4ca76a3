package io.keyframe.scoring.qa;

/**
 * When a double-labelled item goes to the expert. An item is flagged when any limit is crossed.
 *
 * @param matchIou IoU at which two shapes count as the same object
 * @param minMeanIou lowest acceptable mean IoU of matched objects
 * @param minKappa lowest acceptable Cohen's kappa on the classes of matched objects
 * @param minMatchedFraction lowest acceptable share of objects that both annotators drew
 * @param maxIdMismatchRate highest acceptable share of matched objects whose track IDs do not
 *     correspond
 */
public record ReviewThresholds(
    double matchIou,
    double minMeanIou,
    double minKappa,
    double minMatchedFraction,
    double maxIdMismatchRate) {
  public ReviewThresholds {
    if (!(matchIou > 0 && matchIou <= 1))
      throw new IllegalArgumentException("matchIou not in (0,1]: " + matchIou);
    if (!(minMeanIou >= 0 && minMeanIou <= 1))
      throw new IllegalArgumentException("minMeanIou not in [0,1]: " + minMeanIou);
    if (!(minKappa >= -1 && minKappa <= 1))
      throw new IllegalArgumentException("minKappa not in [-1,1]: " + minKappa);
    if (!(minMatchedFraction >= 0 && minMatchedFraction <= 1))
      throw new IllegalArgumentException("minMatchedFraction not in [0,1]");
    if (!(maxIdMismatchRate >= 0 && maxIdMismatchRate <= 1))
      throw new IllegalArgumentException("maxIdMismatchRate not in [0,1]");
  }

  /**
   * Match at IoU 0.5; flag mean IoU below 0.7, kappa below 0.6 (the lower edge of "substantial" in
   * Landis and Koch 1977), fewer than 80 % of objects drawn by both, more than 5 % ID mismatches.
   */
  public static ReviewThresholds defaults() {
    return new ReviewThresholds(0.5, 0.7, 0.6, 0.8, 0.05);
  }
}
