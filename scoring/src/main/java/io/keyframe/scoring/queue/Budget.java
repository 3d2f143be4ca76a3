package io.keyframe.scoring.queue;

/**
 * How much expert time a queue may use: a fraction of the batch's frames, or expert minutes under
 * the {@link CostModel}. Exactly one of the two is set.
 *
 * @param fraction share of frames in (0,1], or NaN when the budget is in minutes
 * @param minutes expert minutes &gt; 0, or NaN when the budget is a fraction
 */
public record Budget(double fraction, double minutes) {
  public Budget {
    boolean byFraction = !Double.isNaN(fraction);
    boolean byMinutes = !Double.isNaN(minutes);
    if (byFraction == byMinutes)
      throw new IllegalArgumentException(
          "give the budget either as a fraction of frames or as minutes, not both");
    if (byFraction && !(fraction > 0 && fraction <= 1))
      throw new IllegalArgumentException(
          "budget "
              + fraction * 100
              + "% of frames is outside (0%, 100%]; the queue cannot hold more frames than the batch has");
    if (byMinutes && !(minutes > 0 && Double.isFinite(minutes)))
      throw new IllegalArgumentException(
          "budget in minutes must be a finite number > 0: " + minutes);
  }

  /** A share of the batch's frames, e.g. {@code 0.1} for 10%. */
  public static Budget ofFraction(double fraction) {
    return new Budget(fraction, Double.NaN);
  }

  /** Expert minutes. */
  public static Budget ofMinutes(double minutes) {
    return new Budget(Double.NaN, minutes);
  }

  /**
   * Parses {@code 120min} (expert minutes) or a share of frames as {@link Share} reads it: {@code
   * 10%} or {@code 0.1}; a bare number above 1 is refused as ambiguous.
   */
  public static Budget parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.endsWith("min")) {
      try {
        return ofMinutes(Double.parseDouble(t.substring(0, t.length() - 3).trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("budget '" + text + "' is not like 10%, 0.1 or 120min");
      }
    }
    if (t.endsWith("%")) {
      try {
        double percent = Double.parseDouble(t.substring(0, t.length() - 1).trim());
        // Above 100 %: the constructor says why a queue cannot be larger than the batch.
        if (percent > 100) return ofFraction(percent / 100);
      } catch (NumberFormatException e) {
        // Share.parse names the accepted spellings.
      }
    }
    double share = io.keyframe.scoring.units.Share.parse(text, "budget").value();
    if (share == 0)
      throw new IllegalArgumentException(
          "budget '" + text + "' is zero; give a share above 0% or minutes like 120min");
    return ofFraction(share);
  }

  /** True when the budget counts minutes. */
  public boolean inMinutes() {
    return !Double.isNaN(minutes);
  }

  /** Frames allowed out of {@code total} for a fraction budget (at least 1). */
  public int frames(int total) {
    return Math.max(1, (int) Math.floor(fraction * total + 1e-9));
  }

  @Override
  public String toString() {
    return inMinutes() ? minutes + "min" : fraction * 100 + "%";
  }
}
