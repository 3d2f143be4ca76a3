package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalNumberTest {
  @Test
  void printsIntegersWithoutAPointAndDecimalsAsGiven() {
    assertThat(CanonicalNumber.format(399)).isEqualTo("399");
    assertThat(CanonicalNumber.format(-1)).isEqualTo("-1");
    assertThat(CanonicalNumber.format(113.84)).isEqualTo("113.84");
    assertThat(CanonicalNumber.format(1e-7)).isEqualTo("0.0000001");
    assertThat(CanonicalNumber.format(1e20)).isEqualTo("100000000000000000000");
  }

  @Test
  void everyFiniteDoubleParsesBackToItself() {
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 5_000; i++) {
      double v = Double.longBitsToDouble(r.nextLong());
      if (!Double.isFinite(v)) continue;
      String s = CanonicalNumber.format(v);
      assertThat(s).doesNotContain("E");
      assertThat(Double.parseDouble(s)).isEqualTo(v);
      assertThat(CanonicalNumber.format(Double.parseDouble(s))).isEqualTo(s);
    }
  }

  @Test
  void refusesWhatNoFormatCanCarry() {
    assertThatThrownBy(() -> CanonicalNumber.format(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalNumber.format(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
