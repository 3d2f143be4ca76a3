package io.keyframe.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch's outcome copies its per-kind counts, so a caller cannot change a reported result. */
class BatchOutcomeTest {

  @Test
  void batchOutcomeKeepsItsPerKindCounts() {
    long[] pair = {1, 4};
    BatchOutcome o =
        new BatchOutcome(
            "random",
            1,
            0,
            2,
            1,
            4,
            0,
            1,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Map.of("swap", pair));
    pair[0] = 3;
    o.byKind().get("swap")[1] = 0;
    assertThat(o.byKind().get("swap")).containsExactly(1, 4);
  }
}
