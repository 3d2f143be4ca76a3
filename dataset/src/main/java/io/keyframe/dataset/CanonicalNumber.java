package io.keyframe.dataset;

/**
 * The one way keyframe's writers print numbers: integral values without a decimal point, others as
 * the shortest decimal that Java parses back to the same double, never in exponent form. Reading a
 * file and writing it again therefore gives the same values and, from the second write on, the same
 * bytes; integer-valued MOTChallenge files come back byte for byte.
 */
public final class CanonicalNumber {
  private CanonicalNumber() {}

  /** Formats a finite double; NaN and infinities are rejected because no format can carry them. */
  public static String format(double v) {
    if (!Double.isFinite(v))
      throw new IllegalArgumentException("cannot write a non-finite number: " + v);
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    String s = Double.toString(v);
    if (s.indexOf('E') < 0) return s;
    return new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
  }
}
