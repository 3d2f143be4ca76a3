package io.keyframe.dataset.mot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level fields answer what the JDK's String route answers, bit for bit, on both routes: a
 * line handed over whole ({@link MotLine#set}, streamed files) and a line cut from a file's bytes
 * ({@link MotLine#cut}, the one-pass parse).
 */
class MotLineTest {
  private static MotLine line(String text) {
    byte[] b = utf8(text);
    MotLine l = new MotLine();
    l.set(b, 0, b.length, b.length == text.length(), 1);
    return l;
  }

  /**
   * The line cut from a buffer that holds it between other lines, ended by {@code end}; the bytes
   * after the limit are not read.
   */
  private static MotLine cut(String text, String end) {
    int start = "9,9,9\n".length(), limit = start + utf8(text + end).length;
    byte[] b = utf8("9,9,9\n" + text + end + "5,5");
    MotLine l = new MotLine();
    assertThat(l.cut(b, start, limit, 2)).as("next line's start").isEqualTo(limit);
    assertThat(l.number()).isEqualTo(2);
    return l;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Both routes' lines for {@code text}; the cut one ended each way a line can end. */
  private static List<MotLine> routes(String text) {
    return List.of(line(text), cut(text, ""), cut(text, "\n"), cut(text, "\r"), cut(text, "\r\n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "+0",
        "-0.0",
        "1.",
        ".5",
        "+.5",
        "-.5",
        "00012.50",
        "1e3",
        "1E-3",
        "0x1p3",
        "2d",
        "3f",
        "Infinity",
        "-Infinity",
        "NaN",
        " 7.25 ",
        "\t-1\t",
        "1.2.3",
        "",
        " ",
        ".",
        "-",
        "+",
        "--1",
        "1-",
        "9007199254740992",
        "9007199254740993",
        "123456789012345678",
        "1234567890123456789",
        "0.1234567890123456789012",
        "0.00000000000000000000001",
        "4.9e-324",
        "1.7976931348623157e308",
        "183.989",
        "1807.879",
        "-12.5",
        "\u0661\u0662",
        "٣.5",
        "1\u00a0",
        "\u2003",
        "00",
        "-00",
        "-00.000",
        "000000000000000000000000001",
        "0.0000000000000000000001",
        "1.0000000000000000000000",
        "9007199254740992.5",
        "900719925474099.3",
        "123456789012345678.9",
        "12345678901234567.89",
        "1.5E10",
        "1e",
        "1e+",
        "+-1",
        "-+1",
        "1 2",
        " 12 ",
        "+1.5",
        "0.1",
        "0.3",
        "2.675",
        "1.005",
        "4294967296",
        "-2147483649",
        "1.5\u0000",
        "\u0000-3"
      })
  void realEqualsDoubleParseDouble(String field) {
    assertSameAsJdk(field);
  }

  @Test
  void randomDecimalsEqualDoubleParseDouble() {
    Random r = new Random(42);
    for (int k = 0; k < 25_000; k++) {
      int intDigits = r.nextInt(8), fracDigits = r.nextInt(24);
      StringBuilder b = new StringBuilder();
      if (r.nextInt(4) == 0) b.append('-');
      for (int i = 0; i < intDigits; i++) b.append((char) ('0' + r.nextInt(10)));
      if (fracDigits > 0 || r.nextBoolean()) b.append('.');
      for (int i = 0; i < fracDigits; i++) b.append((char) ('0' + r.nextInt(10)));
      // Two routes, not every line ending: the cases above and the random lines cover those.
      String text = "1," + b + ",3";
      JdkFields.assertSameAsJdk(line(text), 1, b.toString());
      JdkFields.assertSameAsJdk(cut(text, "\r\n"), 1, b.toString());
    }
  }

  @Test
  void randomLinesCutFromAFileAreReadLineLinesParsedAsTheJdkParses() {
    Random r = new Random(7);
    String[] odd = {"", " ", "1e3", " 4.5", "6 ", "-", ".", "0x10", "NaN", "1.2.3", "+7", "-0"};
    String[] ends = {"\n", "\r", "\r\n"};
    for (int file = 0; file < 200; file++) {
      StringBuilder text = new StringBuilder();
      int lines = 1 + r.nextInt(6);
      for (int k = 0; k < lines; k++) {
        int columns = r.nextInt(12);
        for (int c = 0; c < columns; c++) {
          if (c > 0) text.append(',');
          text.append(r.nextInt(5) == 0 ? odd[r.nextInt(odd.length)] : decimal(r));
        }
        if (k < lines - 1 || r.nextBoolean()) text.append(ends[r.nextInt(ends.length)]);
      }
      byte[] b = utf8(text.toString());
      List<String> want = text.toString().lines().toList();
      MotLine l = new MotLine();
      int pos = 0;
      for (int k = 0; k < want.size(); k++) {
        assertThat(pos).isLessThan(b.length);
        pos = l.cut(b, pos, b.length, k + 1);
        String[] fields = want.get(k).split(",", -1);
        assertThat(l.columns()).as(text.toString()).isEqualTo(fields.length);
        for (int c = 0; c < fields.length; c++) JdkFields.assertSameAsJdk(l, c, fields[c]);
      }
      assertThat(pos).as("every byte cut").isEqualTo(b.length);
    }
  }

  /** A random plain decimal: sign, up to 20 integer digits (leading zeros too), fraction. */
  private static String decimal(Random r) {
    StringBuilder b = new StringBuilder();
    int sign = r.nextInt(6);
    if (sign == 0) b.append('-');
    else if (sign == 1) b.append('+');
    int intDigits = r.nextInt(4) == 0 ? r.nextInt(21) : r.nextInt(5), fracDigits = r.nextInt(25);
    for (int i = 0; i < intDigits; i++) b.append((char) ('0' + r.nextInt(10)));
    if (fracDigits > 0 || r.nextInt(3) == 0) b.append('.');
    for (int i = 0; i < fracDigits; i++) b.append((char) ('0' + r.nextInt(10)));
    return b.toString();
  }

  private static void assertSameAsJdk(String field) {
    String text = "1," + field + ",3";
    for (MotLine l : routes(text)) {
      assertThat(l.columns()).isEqualTo(text.split(",", -1).length);
      JdkFields.assertSameAsJdk(l, 1, field);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2147483647",
        "-2147483648",
        "2147483648",
        "999999999",
        "-999999999",
        "1000000000",
        "+42",
        "007",
        "3.0",
        "١٢"
      })
  void integerEqualsIntegerParseInt(String field) {
    assertSameAsJdk(field);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "\t \u000b\f\r", "\u001c\u001f", "\u0000", " x ", "\u2003", "\u00a0"})
  void blankIsStringIsBlank(String text) {
    assertThat(line(text).isBlank()).isEqualTo(text.isBlank());
    // cut() serves ASCII files only, and ends the line at \r
    if (text.chars().allMatch(ch -> ch < 0x80) && text.indexOf('\r') < 0)
      assertThat(cut(text, "\n").isBlank()).isEqualTo(text.isBlank());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",", "1,2,,", "a,b,c", ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,"})
  void columnsAreSplitsColumns(String text) {
    String[] want = text.split(",", -1);
    for (MotLine l : routes(text)) {
      assertThat(l.columns()).isEqualTo(want.length);
      for (int k = 0; k < want.length; k++) JdkFields.assertSameAsJdk(l, k, want[k]);
    }
  }
}
