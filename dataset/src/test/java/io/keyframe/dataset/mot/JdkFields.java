package io.keyframe.dataset.mot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/** A {@link MotLine} field checked against the JDK's String route: trim, then parse. */
final class JdkFields {
  private JdkFields() {}

  /**
   * Column {@code col} of {@code line}, whose text is {@code field}, answers as {@code
   * field.trim()}, {@link Double#parseDouble} and {@link Integer#parseInt} do: the same bits, or a
   * {@link NumberFormatException} where they throw one; the fast path's value, where it has one, is
   * the JDK's too. One assertion of one summary per field (this runs hundreds of thousands of
   * times).
   */
  static void assertSameAsJdk(MotLine line, int col, String field) {
    String t = field.trim();
    String want =
        t + " | " + real(() -> Double.parseDouble(t)) + " | " + integer(() -> Integer.parseInt(t));
    String real = real(() -> line.real(col)), integer = integer(() -> line.integer(col));
    String got = line.text(col) + " | " + real + " | " + integer;
    double plain = line.plain(col);
    if (plain == plain && !real(() -> plain).equals(real)) got += " | fast path " + plain;
    if (line.plainInteger(col) && !Integer.toString((int) plain).equals(integer))
      got += " | fast int " + (int) plain;
    if (!got.equals(want)) assertThat(got).as("field '%s'", field).isEqualTo(want);
  }

  private static String real(DoubleSupplier parse) {
    try {
      return Long.toHexString(Double.doubleToRawLongBits(parse.getAsDouble()));
    } catch (NumberFormatException e) {
      return "NumberFormatException";
    }
  }

  private static String integer(IntSupplier parse) {
    try {
      return Integer.toString(parse.getAsInt());
    } catch (NumberFormatException e) {
      return "NumberFormatException";
    }
  }
}
