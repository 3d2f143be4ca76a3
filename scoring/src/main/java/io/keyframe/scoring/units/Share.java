package io.keyframe.scoring.units;

import java.util.Locale;

/**
 * A share of a whole in [0, 1], read from what people type: {@code 10%} or {@code 0.1}. A bare
 * number above 1 is refused rather than guessed: {@code 10} could mean 10 % or 1000 %.
 *
 * @param value the fraction, 0 = none, 1 = all
 */
public record Share(double value) {
  public Share {
    if (!(value >= 0 && value <= 1))
      throw new IllegalArgumentException("share " + value + " is outside [0, 1] (0% to 100%)");
  }

  /**
   * Parses {@code 10%}, {@code 12.5 %} or a fraction {@code 0.1}; {@code 1} means all.
   *
   * @param what what the share is of, for the message (e.g. "--rate")
   * @throws IllegalArgumentException naming {@code what}, the text, and the two accepted spellings
   */
  public static Share parse(String text, String what) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    boolean percent = t.endsWith("%");
    String number = percent ? t.substring(0, t.length() - 1).trim() : t;
    double v;
    try {
      v = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not a share: write a percentage (10%) or a fraction (0.1)");
    }
    if (!Double.isFinite(v) || v < 0)
      throw new IllegalArgumentException(what + " '" + text + "' must be between 0% and 100%");
    if (percent) {
      if (v > 100) throw new IllegalArgumentException(what + " '" + text + "' is above 100%");
      return new Share(v / 100);
    }
    if (v > 1)
      throw new IllegalArgumentException(
          what
              + " '"
              + text
              + "' is ambiguous: a bare number must be a fraction in [0, 1];"
              + " write "
              + format(v)
              + "% for "
              + format(v)
              + " percent, or "
              + format(v / 100)
              + " as a fraction");
    return new Share(v);
  }

  /** {@code 10%}, {@code 12.5%}. */
  public String percent() {
    return format(value * 100) + "%";
  }

  @Override
  public String toString() {
    return percent();
  }

  private static String format(double v) {
    String s =
        String.format(Locale.ROOT, "%.6f", v).replaceFirst("0+$", "").replaceFirst("\\.$", "");
    return s.isEmpty() ? "0" : s;
  }
}
