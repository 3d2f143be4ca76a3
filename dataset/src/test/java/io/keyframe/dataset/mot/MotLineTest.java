package io.keyframe.dataset.mot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte-level fields answer what the JDK's String route answers, bit for bit. */
class MotLineTest {
  private static MotLine line(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    MotLine l = new MotLine();
    l.set(b, 0, b.length, b.length == text.length(), 1);
    return l;
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
        "\u2003"
      })
  void realEqualsDoubleParseDouble(String field) {
    assertSameAsJdk(field);
  }

  @Test
  void randomDecimalsEqualDoubleParseDouble() {
    Random r = new Random(42);
    for (int k = 0; k < 50_000; k++) {
      int intDigits = r.nextInt(8), fracDigits = r.nextInt(24);
      StringBuilder b = new StringBuilder();
      if (r.nextInt(4) == 0) b.append('-');
      for (int i = 0; i < intDigits; i++) b.append((char) ('0' + r.nextInt(10)));
      if (fracDigits > 0 || r.nextBoolean()) b.append('.');
      for (int i = 0; i < fracDigits; i++) b.append((char) ('0' + r.nextInt(10)));
      assertSameAsJdk(b.toString());
    }
  }

  private static void assertSameAsJdk(String field) {
    MotLine l = line("1," + field + ",3");
    assertThat(l.columns()).isEqualTo(("1," + field + ",3").split(",", -1).length);
    assertThat(l.text(1)).isEqualTo(field.trim());
    Double want;
    try {
      want = Double.parseDouble(field.trim());
    } catch (NumberFormatException e) {
      want = null;
    }
    if (want == null) assertThatThrownBy(() -> l.real(1)).isInstanceOf(NumberFormatException.class);
    else
      assertThat(Double.doubleToRawLongBits(l.real(1)))
          .as(field)
          .isEqualTo(Double.doubleToRawLongBits(want));
    Integer wantInt;
    try {
      wantInt = Integer.parseInt(field.trim());
    } catch (NumberFormatException e) {
      wantInt = null;
    }
    if (wantInt == null)
      assertThatThrownBy(() -> l.integer(1)).isInstanceOf(NumberFormatException.class);
    else assertThat(l.integer(1)).as(field).isEqualTo(wantInt);
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
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",", "1,2,,", "a,b,c", ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,"})
  void columnsAreSplitsColumns(String text) {
    MotLine l = line(text);
    String[] want = text.split(",", -1);
    assertThat(l.columns()).isEqualTo(want.length);
    for (int k = 0; k < want.length; k++) assertThat(l.text(k)).isEqualTo(want[k].trim());
  }
}
