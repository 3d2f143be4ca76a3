package io.keyframe.scoring.signal;

import static io.keyframe.scoring.signal.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.FrozenArray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PosteriorSignalsTest {
  private final Box box = new Box(0, 0, 10, 10);

  private VideoEvidence oneFrame(Map<String, Double> probs, double score) {
    return evidence(
        model(List.of(pred(1, 7, "iv_pole", box, score, probs))), null, List.of(), List.of());
  }

  @Test
  void aPosteriorCannotBeChangedThroughItsProbabilities() {
    // 0.375 and 0.125 renormalised by their sum 0.5: 0.75 and 0.25
    Posterior p =
        Posterior.of(pred(0, 1, "iv_pole", box, 0.9, Map.of("iv_pole", 0.375, "monitor", 0.125)));
    p.sorted().toArray()[0] = 0;
    double[] given = {0.75, 0.25};
    Posterior q = new Posterior(new FrozenArray.OfDouble(given));
    given[0] = 0;
    assertThat(p.sorted().toArray()).containsExactly(0.75, 0.25);
    assertThat(p.top1()).isEqualTo(0.75);
    assertThat(q).isEqualTo(p);
    assertThat(q.top2()).isEqualTo(0.25);
  }

  @Test
  void entropyOfAFairCoinIsLn2() {
    FrameScores s = new Entropy().score(oneFrame(Map.of("iv_pole", 0.5, "monitor", 0.5), 0.9));
    assertThat(s.value(1)).isCloseTo(Math.log(2), within(1e-12));
    assertThat(s.value(0)).isZero();
    assertThat(s.objectsAt(1)).containsExactly(7);
  }

  @Test
  void entropyOfThreeClassesMatchesHandArithmetic() {
    FrameScores s =
        new Entropy()
            .score(oneFrame(Map.of("iv_pole", 0.5, "monitor", 0.25, "bed_rail", 0.25), 0.9));
    double expected = -(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25));
    assertThat(s.value(1)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void marginIsOneMinusGapBetweenTopTwo() {
    FrameScores s =
        new Margin().score(oneFrame(Map.of("iv_pole", 0.6, "monitor", 0.3, "bed_rail", 0.1), 0.9));
    assertThat(s.value(1)).isCloseTo(1 - (0.6 - 0.3), within(1e-12));
  }

  @Test
  void leastConfidenceIsOneMinusTopProbability() {
    FrameScores s =
        new LeastConfidence().score(oneFrame(Map.of("iv_pole", 0.7, "monitor", 0.3), 0.9));
    assertThat(s.value(1)).isCloseTo(1 - 0.7, within(1e-12));
  }

  @Test
  void partialProbabilitiesAreRenormalised() {
    FrameScores s =
        new LeastConfidence().score(oneFrame(Map.of("iv_pole", 0.4, "monitor", 0.4), 0.9));
    assertThat(s.value(1)).isCloseTo(1 - 0.5, within(1e-12));
  }

  @Test
  void frameValueIsTheMostUncertainDetection() {
    var ev =
        evidence(
            model(
                List.of(
                    pred(0, 1, "iv_pole", box, 0.9, Map.of("iv_pole", 0.9, "monitor", 0.1)),
                    pred(0, 2, "monitor", box, 0.9, Map.of("iv_pole", 0.5, "monitor", 0.5)))),
            null,
            List.of(),
            List.of());
    FrameScores s = new LeastConfidence().score(ev);
    assertThat(s.value(0)).isCloseTo(0.5, within(1e-12));
    assertThat(s.objectsAt(0)).containsExactly(2);
  }

  @Test
  void scoreUncertaintyPeaksAtOneHalf() {
    assertThat(new ScoreUncertainty().score(oneFrame(Map.of(), 0.5)).value(1))
        .isCloseTo(1, within(1e-12));
    assertThat(new ScoreUncertainty().score(oneFrame(Map.of(), 0.9)).value(1))
        .isCloseTo(1 - Math.abs(1.8 - 1), within(1e-12));
  }

  @Test
  void missingProbabilitiesGiveAnActionableMessage() {
    VideoEvidence ev = oneFrame(Map.of(), 0.9);
    assertThat(new Entropy().inapplicable(ev)).get().asString().contains("no class probabilities");
    assertThatThrownBy(() -> new Margin().score(ev))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("export per-class probabilities");
  }

  @Test
  void probabilitiesOutsideUnitIntervalAreRejectedNamingTheFrame() {
    assertThatThrownBy(() -> new Entropy().score(oneFrame(Map.of("iv_pole", 1.5), 0.9)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frame 1")
        .hasMessage(
            "probability of class 'iv_pole' at frame 1, track 7 is not in [0,1]: 1.5; export"
                + " calibrated probabilities (softmax output)");
    assertThatThrownBy(() -> new Entropy().score(oneFrame(Map.of("iv_pole", 0.0), 0.9)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("class probabilities at frame 1, track 7 sum to 0");
  }

  @Test
  void scoresOutsideUnitIntervalAreRejected() {
    assertThatThrownBy(() -> new ScoreUncertainty().score(oneFrame(Map.of(), 3.2)))
        .hasMessageContaining("not logits")
        .hasMessage(
            "detection score at frame 1, track 7 is not in [0,1]: 3.2; pass model confidences,"
                + " not logits");
  }
}
