package io.keyframe.metrics.clear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.metrics.tracking.ScopeCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documented behaviour on awkward input; expected values are hand arithmetic. */
class BadInputTest {
  static final Video VIDEO = new Video("v", 10, 200, 100, 10, "v.mp4");
  static final List<String> LABELS = List.of("bed_rail", "iv_pole");

  static AnnotationSet set(List<Detection> ds) {
    return new AnnotationSet(VIDEO, Provenance.unknown(), LABELS, ds);
  }

  @Test
  void duplicateTrackIdInAFrameIsRejectedNamingTheFrame() {
    AnnotationSet gt =
        set(
            List.of(
                Detection.of(3, 5, "bed_rail", new Box(0, 0, 10, 10)),
                Detection.of(3, 5, "bed_rail", new Box(50, 0, 10, 10))));
    assertThatThrownBy(() -> TrackingEvaluation.standard().evaluate(gt, set(List.of())))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("frame 3")
        .hasMessageContaining("track id 5 more than once");
  }

  @Test
  void framesOutsideTheGroundTruthRangeCountAsFalsePositives() {
    // Ground truth in frames 0-4, predictions in frames 2-7 (py-motmetrics uses the union of
    // frames).
    List<Detection> gt = new ArrayList<>(), pred = new ArrayList<>();
    for (int f = 0; f < 5; f++) gt.add(Detection.of(f, 1, "bed_rail", new Box(0, 0, 10, 10)));
    for (int f = 2; f < 8; f++) pred.add(Detection.of(f, 9, "bed_rail", new Box(0, 0, 10, 10)));
    ScopeCounts r = TrackingEvaluation.standard().evaluate(set(gt), set(pred));
    assertThat(r.clear().frames()).isEqualTo(8);
    assertThat(r.clear().misses()).isEqualTo(2);
    assertThat(r.clear().falsePositives()).isEqualTo(3);
    assertThat(r.clear().matches()).isEqualTo(3);
    // MOTA = 1 - (2 + 0 + 3) / 5 = 0; IDF1 = 2*3 / (5 + 6) = 6/11.
    assertThat(r.clear().mota()).isEqualTo(0.0);
    assertThat(r.identity().idf1()).isEqualTo(6.0 / 11);
  }

  @Test
  void perClassScoresMatchOnlyWithinAClass() {
    // Same box, different class: overall (class-agnostic, as py-motmetrics) it is a match; per
    // class it is a miss and an FP.
    AnnotationSet gt = set(List.of(Detection.of(0, 1, "bed_rail", new Box(0, 0, 10, 10))));
    AnnotationSet pred = set(List.of(Detection.of(0, 2, "iv_pole", new Box(0, 0, 10, 10))));
    assertThat(TrackingEvaluation.standard().evaluate(gt, pred).clear().matches()).isEqualTo(1);
    List<ScopeCounts> perClass = TrackingEvaluation.standard().perClass(gt, pred);
    assertThat(perClass).extracting(ScopeCounts::name).containsExactly("v/bed_rail", "v/iv_pole");
    assertThat(perClass.get(0).clear().misses()).isEqualTo(1);
    assertThat(perClass.get(1).clear().falsePositives()).isEqualTo(1);
    assertThat(TrackingEvaluation.combine(perClass, "all").clear().matches()).isZero();
  }

  @Test
  void nanSimilarityIsRejected() {
    assertThatThrownBy(
            () ->
                new TrackingSequence.Builder("x")
                    .frame(0, new int[] {1}, new int[] {1}, new double[] {Double.NaN}))
        .hasMessageContaining("NaN");
  }
}
