package io.keyframe.metrics.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.metrics.clear.Convention;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric list itself: names as the reference tools spell them, and which way is better. */
class TrackingMetricTest {
  @Test
  void summaryColumnsAreTheMotChallengeTableOfPyMotmetricsThenHota() {
    // py-motmetrics' motchallenge_metric_names, in its order, then HOTA's headline fields.
    List<String> headers =
        Arrays.stream(TrackingMetric.values()).flatMap(m -> m.summaryHeader().stream()).toList();
    assertThat(headers)
        .containsExactly(
            "IDF1", "IDP", "IDR", "Rcll", "Prcn", "GT", "MT", "PT", "ML", "FP", "FN", "IDs", "FM",
            "MOTA", "MOTP", "IDt", "IDa", "IDm", "HOTA", "DetA", "AssA", "LocA");
  }

  @Test
  void keysAreUniqueAndFoundAgain() {
    for (TrackingMetric m : TrackingMetric.values())
      assertThat(TrackingMetric.byKey(m.key())).contains(m);
    assertThat(TrackingMetric.byKey("MOTA")).contains(TrackingMetric.MOTA);
    assertThat(TrackingMetric.byKey("nope")).isEmpty();
  }

  @Test
  void errorsAreLowerIsBetterAndScoresHigherIsBetterUnderBothConventions() {
    for (Convention c : Convention.values()) {
      for (TrackingMetric m :
          List.of(
              TrackingMetric.MOTA,
              TrackingMetric.IDF1,
              TrackingMetric.HOTA,
              TrackingMetric.DETA,
              TrackingMetric.ASSA)) assertThat(m.higherIsBetter(c)).as(m + " " + c).isTrue();
      for (TrackingMetric m :
          List.of(
              TrackingMetric.NUM_SWITCHES,
              TrackingMetric.NUM_FALSE_POSITIVES,
              TrackingMetric.NUM_MISSES))
        assertThat(m.direction(c))
            .as(m + " " + c)
            .isEqualTo(TrackingMetric.Direction.LOWER_IS_BETTER);
      assertThat(TrackingMetric.NUM_OBJECTS.direction(c))
          .isEqualTo(TrackingMetric.Direction.NEITHER);
    }
  }
}
