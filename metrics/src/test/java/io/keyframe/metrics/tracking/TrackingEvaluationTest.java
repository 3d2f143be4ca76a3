package io.keyframe.metrics.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.metrics.clear.Convention;
import io.keyframe.metrics.sequence.TrackingSequence.Similarity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One evaluation, two conventions. The scenario: one ground-truth bed rail over 5 frames, tracked
 * exactly (IoU 1) in frames 0-3 and missed in frame 4; one iv pole over 2 frames, never predicted.
 * Expected values are hand arithmetic from py-motmetrics' and TrackEval's documented rules.
 */
class TrackingEvaluationTest {
  static final Video VIDEO = new Video("v", 10, 200, 100, 5, "v.mp4");
  static final List<String> LABELS = List.of("bed_rail", "iv_pole");

  static AnnotationSet set(List<Detection> ds) {
    return new AnnotationSet(VIDEO, Provenance.unknown(), LABELS, ds);
  }

  static AnnotationSet gt() {
    List<Detection> ds = new ArrayList<>();
    for (int f = 0; f < 5; f++) ds.add(Detection.of(f, 1, "bed_rail", new Box(0, 0, 10, 10)));
    return set(ds);
  }

  static AnnotationSet pred() {
    List<Detection> ds = new ArrayList<>();
    for (int f = 0; f < 4; f++) ds.add(Detection.of(f, 7, "bed_rail", new Box(0, 0, 10, 10)));
    return set(ds);
  }

  @Test
  void theConventionDecidesMostlyTrackedAtFourFifthsAndWhatMotpMeans() {
    TrackingCounts py = TrackingEvaluation.standard().evaluate(gt(), pred()).counts();
    TrackingCounts te = TrackingEvaluation.trackEval(0.5).evaluate(gt(), pred()).counts();
    assertThat(py.convention()).isEqualTo(Convention.PY_MOTMETRICS);
    assertThat(te.convention()).isEqualTo(Convention.TRACKEVAL);
    // Tracked 4 of 5 frames: py-motmetrics says mostly tracked at ratio >= 0.8, TrackEval needs >
    // 0.8.
    assertThat(TrackingMetric.MOSTLY_TRACKED.of(py)).isEqualTo(1);
    assertThat(TrackingMetric.PARTIALLY_TRACKED.of(py)).isEqualTo(0);
    assertThat(TrackingMetric.MOSTLY_TRACKED.of(te)).isEqualTo(0);
    assertThat(TrackingMetric.PARTIALLY_TRACKED.of(te)).isEqualTo(1);
    // MOTP: mean distance 1 - IoU = 0 (py-motmetrics), mean IoU = 1 (TrackEval).
    assertThat(TrackingMetric.MOTP.of(py)).isEqualTo(0.0);
    assertThat(TrackingMetric.MOTP.of(te)).isEqualTo(1.0);
    assertThat(TrackingMetric.MOTP.higherIsBetter(Convention.PY_MOTMETRICS)).isFalse();
    assertThat(TrackingMetric.MOTP.higherIsBetter(Convention.TRACKEVAL)).isTrue();
    // TrackEval has no transfer events: undefined there, zero under py-motmetrics.
    assertThat(TrackingMetric.NUM_TRANSFER.value(py)).isEqualTo(0L);
    assertThat(TrackingMetric.NUM_TRANSFER.value(te)).isEqualTo(Double.NaN);
    for (TrackingCounts c : List.of(py, te)) {
      // MOTA = 1 - (1 miss + 0 + 0) / 5; IDF1 = 2*4 / (2*4 + 0 + 1); HOTA at every alpha:
      // DetA = 4 / (4 + 1 + 0), AssA = 4 / (4 + 1 + 0), HOTA = sqrt(DetA * AssA).
      assertThat(TrackingMetric.MOTA.of(c)).isCloseTo(1 - 1 / 5.0, within(1e-12));
      assertThat(TrackingMetric.IDF1.of(c)).isCloseTo(8 / 9.0, within(1e-12));
      assertThat(TrackingMetric.NUM_MISSES.value(c)).isEqualTo(1L);
      assertThat(TrackingMetric.DETA.of(c)).isCloseTo(4 / 5.0, within(1e-12));
      assertThat(TrackingMetric.ASSA.of(c)).isCloseTo(4 / 5.0, within(1e-12));
      assertThat(TrackingMetric.HOTA.of(c)).isCloseTo(4 / 5.0, within(1e-12));
      assertThat(TrackingMetric.LOCA.of(c)).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void perLabelCountsEveryListedClassAndTheirSumIsTheAllClassesScope() {
    List<Detection> g = new ArrayList<>(gt().detections());
    g.add(Detection.of(0, 2, "iv_pole", new Box(100, 0, 10, 10)));
    g.add(Detection.of(1, 2, "iv_pole", new Box(100, 0, 10, 10)));
    Map<String, TrackingCounts> perLabel =
        TrackingEvaluation.trackEval(0.5).perLabel(set(g), pred());
    assertThat(perLabel).containsOnlyKeys("bed_rail", "iv_pole");
    TrackingCounts pole = perLabel.get("iv_pole");
    assertThat(TrackingMetric.NUM_MISSES.value(pole)).isEqualTo(2L);
    assertThat(TrackingMetric.MOSTLY_LOST.value(pole)).isEqualTo(1L);
    TrackingCounts all = perLabel.get("bed_rail").plus(pole);
    // 4 matches, 3 misses, 7 ground-truth boxes: MOTA = 4/7; recall 4/7; IDF1 = 2*4 / (8 + 0 + 3).
    assertThat(TrackingMetric.MOTA.of(all)).isCloseTo(4 / 7.0, within(1e-12));
    assertThat(TrackingMetric.RECALL.of(all)).isCloseTo(4 / 7.0, within(1e-12));
    assertThat(TrackingMetric.IDF1.of(all)).isCloseTo(8 / 11.0, within(1e-12));
    assertThat(TrackingMetric.NUM_OBJECTS.value(all)).isEqualTo(7L);
  }

  @Test
  void countsAndResultsSurviveJavaSerialisationWithTheirConvention() throws Exception {
    for (TrackingEvaluation e :
        List.of(TrackingEvaluation.standard(), TrackingEvaluation.trackEval(0.5))) {
      ScopeCounts r = e.evaluate(gt(), pred());
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(r);
      }
      Object back;
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        back = in.readObject();
      }
      assertThat(back).isEqualTo(r);
      assertThat(((ScopeCounts) back).counts().convention()).isEqualTo(e.convention());
    }
  }

  @Test
  void countsOfDifferentConventionsDoNotAdd() {
    TrackingCounts py = TrackingEvaluation.standard().evaluate(gt(), pred()).counts();
    TrackingCounts te = TrackingEvaluation.trackEval(0.5).evaluate(gt(), pred()).counts();
    assertThatThrownBy(() -> py.plus(te))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot combine");
  }

  @Test
  void aThresholdOutsideZeroOneIsRefused() {
    assertThatThrownBy(() -> new TrackingEvaluation(Similarity.BOX_IOU, 1.5, Convention.TRACKEVAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold not in [0,1]: 1.5");
  }
}
