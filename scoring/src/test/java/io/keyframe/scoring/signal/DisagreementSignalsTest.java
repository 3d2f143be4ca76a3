package io.keyframe.scoring.signal;

import static io.keyframe.scoring.signal.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisagreementSignalsTest {

  @Test
  void modelAndTrackerAgreeingExactlyScoreZero() {
    var m = model(List.of(det(0, 1, "iv_pole", 0, 0)));
    var t = labels("tracker", List.of(det(0, 1, "iv_pole", 0, 0)));
    assertThat(new ModelTrackerDisagreement().score(evidence(m, t, List.of(), List.of())).value(0))
        .isZero();
  }

  @Test
  void unmatchedLowIouAndClassMismatchFollowTheFormula() {
    // frame 0: model box shifted by 5 px -> IoU = 50/150 = 1/3 >= 0.3, matched; value = (1 - 1/3) /
    // 1
    // frame 1: model sees an object the tracker does not -> 1 unmatched / 1 object
    // frame 2: same box, different class -> (1 mismatch + 0) / 1
    var m =
        model(
            List.of(
                det(0, 1, "iv_pole", 5, 0),
                det(1, 2, "monitor", 50, 50),
                det(2, 3, "monitor", 0, 0)));
    var t = labels("tracker", List.of(det(0, 1, "iv_pole", 0, 0), det(2, 3, "iv_pole", 0, 0)));
    FrameScores s = new ModelTrackerDisagreement().score(evidence(m, t, List.of(), List.of()));
    assertThat(s.value(0)).isCloseTo(1 - 50.0 / 150.0, within(1e-12));
    assertThat(s.value(1)).isCloseTo(1.0, within(1e-12));
    assertThat(s.value(2)).isCloseTo(1.0, within(1e-12));
    assertThat(s.value(3)).isZero();
    assertThat(s.objectsAt(1)).containsExactly(2);
  }

  @Test
  void annotatorDisagreementCountsWhatEachSecondOpinionDisputesInTheDeliveredLabels() {
    // delivered a; second opinions b and c. Frame 0: b agrees, c misses the object -> (0 + 1) / 2.
    // Frame 1: a has two objects, b matches one exactly and gives the other another class, c has
    // neither -> b: 1 class mismatch, c: 2 unmatched -> (1 + 2) / 2 = 1.5 (counts, not shares, so a
    // frame with more disputed objects ranks higher).
    // Frame 2: a and b agree; c sees an extra object b does not: c vs a disputes 1 -> 0.5 (b vs c,
    // two second opinions disagreeing with each other, says nothing about a and is not counted).
    List<Detection> delivered =
        List.of(
            det(0, 1, "iv_pole", 0, 0),
            det(1, 1, "iv_pole", 0, 0),
            det(1, 2, "monitor", 50, 50),
            det(2, 1, "iv_pole", 0, 0));
    var a = labels("a", delivered);
    // b: a's labels, but object 2 on frame 1 is an iv_pole
    var b =
        labels(
            "b",
            delivered.stream()
                .map(d -> d.frame() == 1 && d.trackId() == 2 ? d.withLabel("iv_pole") : d)
                .toList());
    var c = labels("c", List.of(det(2, 1, "iv_pole", 0, 0), det(2, 7, "monitor", 80, 80)));
    FrameScores s =
        new AnnotatorDisagreement().score(evidence(null, null, List.of(a, b, c), List.of()));
    assertThat(s.value(0)).isCloseTo(0.5, within(1e-12));
    assertThat(s.value(1)).isCloseTo(1.5, within(1e-12));
    assertThat(s.value(2)).isCloseTo(0.5, within(1e-12));
    assertThat(s.objectsAt(1)).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void annotatorDisagreementNeedsTwoAnnotators() {
    var a = labels("a", List.of(det(0, 1, "iv_pole", 0, 0)));
    assertThatThrownBy(
            () -> new AnnotatorDisagreement().score(evidence(null, null, List.of(a), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two annotators");
  }

  @Test
  void confidentModelContradictingALabelIsFlaggedConfidentLearningStyle() {
    Box box = new Box(0, 0, 10, 10);
    // per-class thresholds = mean p(k) over matches labelled k, floored at 0.5:
    //   t_iv_pole = (0.9 + 0.8 + 0.55) / 3 = 0.75; t_monitor = max(0.5, (0.9 + 0.05) / 2) = 0.5
    // frame 2: labelled monitor, model says p(iv_pole) = 0.95 >= 0.75 -> 1 issue
    // frame 3: labelled iv_pole, model p(monitor) = 0.45 < 0.5 -> no issue
    var m =
        model(
            List.of(
                pred(0, 1, "iv_pole", box, 0.9, Map.of("iv_pole", 0.9, "monitor", 0.1)),
                pred(
                    0,
                    2,
                    "monitor",
                    new Box(50, 50, 10, 10),
                    0.9,
                    Map.of("iv_pole", 0.1, "monitor", 0.9)),
                pred(1, 1, "iv_pole", box, 0.8, Map.of("iv_pole", 0.8, "monitor", 0.2)),
                pred(2, 1, "iv_pole", box, 0.95, Map.of("iv_pole", 0.95, "monitor", 0.05)),
                pred(3, 1, "iv_pole", box, 0.55, Map.of("iv_pole", 0.55, "monitor", 0.45))));
    var l =
        labels(
            "a",
            List.of(
                det(0, 1, "iv_pole", 0, 0),
                det(0, 2, "monitor", 50, 50),
                det(1, 1, "iv_pole", 0, 0),
                det(2, 1, "monitor", 0, 0),
                det(3, 1, "iv_pole", 0, 0)));
    FrameScores s = new LabelModelDisagreement().score(evidence(m, null, List.of(l), List.of()));
    assertThat(s.values().toArray()).containsExactly(0, 0, 1, 0);
    assertThat(s.objectsAt(2)).containsExactly(1);
  }

  @Test
  void missingLabelsShiftedBoxesAndUnseenLabelsCountAsDocumented() {
    // frame 0: confident model detection with no label -> 1
    // frame 1: label shifted 5 px from a confident detection: IoU 1/3 < 0.7 -> 1 - 1/3
    // frame 2: a label the model does not see -> 0.5
    var m =
        model(
            List.of(
                pred(0, 1, "iv_pole", new Box(0, 0, 10, 10), 0.9, Map.of()),
                pred(1, 1, "iv_pole", new Box(5, 0, 10, 10), 0.9, Map.of())));
    var l = labels("a", List.of(det(1, 1, "iv_pole", 0, 0), det(2, 1, "iv_pole", 0, 0)));
    FrameScores s = new LabelModelDisagreement().score(evidence(m, null, List.of(l), List.of()));
    assertThat(s.value(0)).isCloseTo(1, within(1e-12));
    assertThat(s.value(1)).isCloseTo(1 - 1.0 / 3.0, within(1e-12));
    assertThat(s.value(2)).isCloseTo(0.5, within(1e-12));
  }
}
