package io.keyframe.metrics.motchallenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.metrics.clear.ClearCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TrackEval's preprocessing rules on hand-built frames; expected counts by hand. */
class MotChallengeProtocolTest {
  static final Video VIDEO = new Video("MOT17-99", 30, 100, 100, 3, "");

  static Detection gt(int frame, int id, String cls, double conf, double x) {
    return new Detection(
        frame, id, cls, new Box(x, 0, 10, 10), null, conf, Map.of(), 1.0, false, false, false);
  }

  static Detection pred(int frame, int id, double x) {
    return new Detection(
        frame, id, "object", new Box(x, 0, 10, 10), null, 1, Map.of(), -1, false, false, false);
  }

  /** CLEAR counts of the single sequence under the benchmark's pedestrian protocol. */
  static ClearCounts pedestrianCounts(
      MotChallengeBenchmark benchmark, AnnotationSet gt, AnnotationSet pred) {
    return MotChallengeProtocol.pedestrians(benchmark).evaluate(gt, pred).get(0).clear();
  }

  static AnnotationSet set(List<Detection> ds) {
    return new AnnotationSet(
        VIDEO, Provenance.unknown(), ds.stream().map(Detection::label).distinct().toList(), ds);
  }

  @Test
  void distractorMatchesAreRemovedZeroMarkedAndOtherClassesAreNotScored() {
    AnnotationSet g =
        set(
            List.of(
                gt(0, 1, "1", 1, 0), // pedestrian, scored
                gt(0, 2, "7", 1, 30), // static person: a distractor
                gt(0, 3, "1", 0, 60), // zero-marked pedestrian: ignored
                gt(0, 4, "3", 1, 80))); // car: not scored, not a distractor
    AnnotationSet p =
        set(
            List.of(
                pred(0, 1, 0), // matches the pedestrian: TP
                pred(0, 2, 31), // IoU 9/11 with the static person: removed
                pred(
                    0, 3,
                    61), // matches the zero-marked pedestrian: kept, so a FP (TrackEval does this)
                pred(0, 4, 81))); // matches the car: kept, a FP
    ClearCounts c = pedestrianCounts(MotChallengeBenchmark.MOT17, g, p);
    assertThat(c.objects()).isEqualTo(1);
    assertThat(c.predictions()).isEqualTo(3);
    assertThat(c.detections()).isEqualTo(1);
    assertThat(c.falsePositives()).isEqualTo(2);
    assertThat(c.frames()).isEqualTo(3); // seqLength, empty frames included
  }

  @Test
  void mot20AlsoRemovesMatchesToNonMotVehicles() {
    AnnotationSet g = set(List.of(gt(0, 1, "6", 1, 0)));
    AnnotationSet p = set(List.of(pred(0, 1, 0)));
    assertThat(pedestrianCounts(MotChallengeBenchmark.MOT17, g, p).falsePositives()).isEqualTo(1);
    assertThat(pedestrianCounts(MotChallengeBenchmark.MOT20, g, p).predictions()).isZero();
  }

  @Test
  void mot15OnlyDropsZeroMarkedRows() {
    AnnotationSet g = set(List.of(gt(0, 1, "object", 1, 0), gt(0, 2, "object", 0, 30)));
    AnnotationSet p = set(List.of(pred(0, 1, 0), pred(0, 2, 30)));
    ClearCounts c = pedestrianCounts(MotChallengeBenchmark.MOT15, g, p);
    assertThat(c.objects()).isEqualTo(1);
    assertThat(c.falsePositives()).isEqualTo(1);
  }

  @Test
  void aMatchBelowHalfIouDoesNotRemoveAPrediction() {
    // IoU of boxes 0..10 and 4..14: 6/14 < 0.5.
    AnnotationSet g = set(List.of(gt(0, 2, "8", 1, 0)));
    AnnotationSet p = set(List.of(pred(0, 1, 4)));
    assertThat(pedestrianCounts(MotChallengeBenchmark.MOT17, g, p).falsePositives()).isEqualTo(1);
  }

  @Test
  void predictionsOfAnotherClassAndUnknownNumericGtClassesAreRefused() {
    AnnotationSet g = set(List.of(gt(0, 1, "1", 1, 0)));
    AnnotationSet car =
        set(
            List.of(
                new Detection(
                    0, 1, "3", new Box(0, 0, 10, 10), null, 1, Map.of(), -1, false, false, false)));
    assertThatThrownBy(
            () -> MotChallengeProtocol.pedestrians(MotChallengeBenchmark.MOT17).evaluate(g, car))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'3'");
    AnnotationSet bad = set(List.of(gt(0, 1, "14", 1, 0)));
    assertThatThrownBy(
            () ->
                MotChallengeProtocol.pedestrians(MotChallengeBenchmark.MOT17)
                    .evaluate(bad, set(List.of(pred(0, 1, 0)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("14");
  }

  @Test
  void classesCanBeChosenAndEachGivesOneResult() {
    AnnotationSet g = set(List.of(gt(0, 1, "1", 1, 0), gt(0, 2, "3", 1, 40)));
    AnnotationSet p = set(List.of(pred(0, 1, 0), pred(0, 2, 40)));
    var rs =
        new MotChallengeProtocol(MotChallengeBenchmark.MOT17, List.of("pedestrian", "car"))
            .evaluate(g, p);
    assertThat(rs).extracting(r -> r.name()).containsExactly("MOT17-99/pedestrian", "MOT17-99/car");
    // Class-less predictions take part in every class: each class has 1 TP and 1 FP.
    assertThat(rs)
        .allSatisfy(
            r -> {
              assertThat(r.clear().detections()).isEqualTo(1);
              assertThat(r.clear().falsePositives()).isEqualTo(1);
            });
  }

  @Test
  void defaultProtocolFollowsTheGroundTruthsColumns() {
    assertThat(EvaluationProtocol.defaultFor(set(List.of(gt(0, 1, "1", 1, 0))), true))
        .isEqualTo(EvaluationProtocol.MOTCHALLENGE);
    assertThat(EvaluationProtocol.defaultFor(set(List.of(gt(0, 1, "object", 1, 0))), true))
        .isEqualTo(EvaluationProtocol.PY_MOTMETRICS);
    assertThat(EvaluationProtocol.defaultFor(set(List.of(gt(0, 1, "person", 1, 0))), true))
        .isEqualTo(EvaluationProtocol.PY_MOTMETRICS);
    assertThat(EvaluationProtocol.defaultFor(set(List.of(gt(0, 1, "object", 1, 0))), false))
        .isEqualTo(EvaluationProtocol.ALL_ROWS);
    // A pair: MOTChallenge-looking gt (class ids with visibility) scored against a prediction that
    // names other classes (keyframe's own batches) is not a MOTChallenge pair.
    AnnotationSet classed = set(List.of(gt(0, 1, "1", 1, 0)));
    assertThat(EvaluationProtocol.defaultFor(classed, set(List.of(gt(0, 1, "object", 1, 0))), true))
        .isEqualTo(EvaluationProtocol.MOTCHALLENGE);
    assertThat(
            EvaluationProtocol.defaultFor(classed, set(List.of(gt(0, 1, "bed_rail", 1, 0))), true))
        .isEqualTo(EvaluationProtocol.PY_MOTMETRICS);
    assertThat(EvaluationProtocol.parse("py-motmetrics"))
        .isEqualTo(EvaluationProtocol.PY_MOTMETRICS);
    assertThat(MotChallengeClasses.idOf("static_person")).isEqualTo(7);
    assertThat(MotChallengeBenchmark.guess("MOT20-01", true))
        .isEqualTo(MotChallengeBenchmark.MOT20);
  }

  @Test
  void pyMotmetricsProtocolDropsGroundTruthBelowConfidenceOne() {
    AnnotationSet g = set(List.of(gt(0, 1, "object", 1, 0), gt(0, 2, "object", 0, 30)));
    AnnotationSet p = set(List.of(pred(0, 1, 0)));
    assertThat(EvaluationProtocol.PY_MOTMETRICS.evaluate(g, p, null).get(0).clear().misses())
        .isZero();
    assertThat(EvaluationProtocol.ALL_ROWS.evaluate(g, p, null).get(0).clear().misses())
        .isEqualTo(1);
  }
}
