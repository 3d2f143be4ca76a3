package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The value semantics records rely on when they hold a {@link FrozenArray} instead of an array. */
class FrozenArrayTest {
  @Test
  void valuesAreCopiedInAndOutSoNeitherSideCanChangeThem() {
    int[] in = {3, 1, 4};
    FrozenArray.OfInt a = new FrozenArray.OfInt(in);
    in[0] = 9;
    int[] out = a.toArray();
    out[1] = 9;
    assertThat(a.toArray()).containsExactly(3, 1, 4);
    assertThat(a.get(2)).isEqualTo(4);
    assertThat(a.length()).isEqualTo(3);
    // 3 + 1 + 4, in a long so large counts cannot overflow.
    assertThat(a.sum()).isEqualTo(8L);
    assertThat(new FrozenArray.OfInt(Integer.MAX_VALUE, Integer.MAX_VALUE).sum())
        .isEqualTo(2L * Integer.MAX_VALUE);
  }

  @Test
  void equalValuesAreEqualWithEqualHashesAndPrintAsTheArray() {
    assertThat(new FrozenArray.OfInt(1, 2)).isEqualTo(new FrozenArray.OfInt(1, 2));
    assertThat(new FrozenArray.OfInt(1, 2)).isNotEqualTo(new FrozenArray.OfInt(2, 1));
    assertThat(new FrozenArray.OfInt(1, 2).hashCode())
        .isEqualTo(new FrozenArray.OfInt(1, 2).hashCode());
    assertThat(new FrozenArray.OfInt(1, 2)).hasToString("[1, 2]");
    assertThat(new FrozenArray.OfDouble(0.5, 2)).hasToString("[0.5, 2.0]");
    // An int array and a double array with the same numbers are different values.
    assertThat((Object) new FrozenArray.OfInt(1)).isNotEqualTo(new FrozenArray.OfDouble(1));
  }

  @Test
  void doublesCompareAsArraysEqualsDoesNaNEqualsNaNAndZeroSignsDiffer() {
    // Arrays.equals(double[], double[]) compares bit patterns (Double.equals): NaN equals NaN,
    // 0.0 and -0.0 differ. A record of NaN metrics (nothing evaluated) must equal itself.
    assertThat(new FrozenArray.OfDouble(Double.NaN))
        .isEqualTo(new FrozenArray.OfDouble(Double.NaN));
    assertThat(new FrozenArray.OfDouble(0.0)).isNotEqualTo(new FrozenArray.OfDouble(-0.0));
    double[] in = {0.25, 0.75};
    FrozenArray.OfDouble d = new FrozenArray.OfDouble(in);
    in[0] = 1;
    assertThat(d.toArray()).containsExactly(0.25, 0.75);
    assertThat(d.get(1)).isEqualTo(0.75);
  }
}
