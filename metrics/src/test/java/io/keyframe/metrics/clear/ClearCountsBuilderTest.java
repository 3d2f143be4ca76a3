package io.keyframe.metrics.clear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClearCountsBuilderTest {

  @Test
  void countsSetByNameEqualThePositionalConstructorsAndUnsetOnesAreZero() {
    ClearCounts named =
        ClearCounts.builder(Convention.PY_MOTMETRICS)
            .frames(3)
            .objects(10)
            .predictions(9)
            .matches(6)
            .switches(1)
            .falsePositives(2)
            .misses(3)
            .fragmentations(1)
            .mostlyTracked(2)
            .uniqueObjects(4)
            .transfers(1)
            .motpSum(0.7)
            .build();
    assertThat(named)
        .isEqualTo(
            new ClearCounts(
                Convention.PY_MOTMETRICS, 3, 10, 9, 6, 1, 2, 3, 1, 2, 0, 0, 4, 1, 0, 0, 0.7));
    // MOTA = 1 - (FN + IDSW + FP) / GT = 1 - (3 + 1 + 2) / 10
    assertThat(named.mota()).isCloseTo(1 - 6.0 / 10, within(1e-12));
    // MOTP = distance sum / (matches + switches) = 0.7 / 7
    assertThat(named.motp()).isCloseTo(0.7 / 7, within(1e-12));
  }

  @Test
  void anEmptyBuilderIsZeroAndTheBuilderValidatesLikeTheConstructor() {
    assertThat(ClearCounts.builder(Convention.TRACKEVAL).build())
        .isEqualTo(ClearCounts.zero(Convention.TRACKEVAL));
    assertThatThrownBy(() -> ClearCounts.builder(Convention.TRACKEVAL).misses(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> ClearCounts.builder(null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("convention");
  }
}
