package io.keyframe.scoring.signal;

import static io.keyframe.scoring.signal.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiversityTest {
  @Test
  void kCenterGreedyTakesTheFarthestPointEachTime() {
    double[][] pts = {{0}, {1}, {10}, {4}};
    KCenterGreedy g = KCenterGreedy.select(pts, 3, 0);
    // from 0: farthest is 10 (index 2); then min dists {0,1,0,4} -> index 3
    assertThat(g.order().toArray()).containsExactly(0, 2, 3);
    assertThat(g.radius().get(2)).isEqualTo(10);
    assertThat(g.radius().get(3)).isEqualTo(4);
    assertThat(g.radius().get(1)).isEqualTo(1);
  }

  @Test
  void embeddingIsClassFractionsCountAndGridFractions() {
    // 100x100 image; boxes 10x10 at (0,0) and (80,80): centres (5,5) cell 0 and (85,85) cell 8
    double[] e =
        FrameEmbedding.of(
            List.of(det(0, 1, "iv_pole", 0, 0), det(0, 2, "monitor", 80, 80)), LABELS, 100, 100);
    assertThat(e).containsExactly(0, 0.5, 0.5, 0.2, 0.5, 0, 0, 0, 0, 0, 0, 0, 0.5);
  }

  @Test
  void identicalFramesScoreZeroAndTheOddFrameScoresHigh() {
    FrameScores s = oneOddFrame(3);
    assertThat(s.value(1)).isZero();
    assertThat(s.value(2)).isZero();
    // frame 3 vs frame 0: class part differs by (1,-1), grid part by (1,-1) -> sqrt(4) = 2
    assertThat(s.value(3)).isCloseTo(2, within(1e-12));
    // frame 0, where greedy starts, has twins (frames 1 and 2 become centres at distance 0)
    assertThat(s.value(0)).isZero();
  }

  @Test
  void theFirstFrameScoresItsDistanceToTheNearestOtherCentre() {
    // frame 0 is the odd one: its nearest other centre is frame 1 at distance 2
    FrameScores s = oneOddFrame(0);
    assertThat(s.value(0)).isCloseTo(2, within(1e-12));
    assertThat(s.value(1)).isCloseTo(2, within(1e-12));
    assertThat(s.value(2) + s.value(3)).isZero();
    // a single centre (one frame) has nothing to be far from
    assertThat(diversity(new Diversity(1), det(0, 1, "iv_pole", 0, 0)).value(0)).isZero();
  }

  /**
   * Default diversity over four frames, each with one iv_pole (id 1) at (0,0), except frame {@code
   * odd}, which has a monitor (id 2) at (80,80).
   */
  private static FrameScores oneOddFrame(int odd) {
    Detection[] labels = new Detection[4];
    for (int f = 0; f < labels.length; f++)
      labels[f] = f == odd ? det(f, 2, "monitor", 80, 80) : det(f, 1, "iv_pole", 0, 0);
    return diversity(new Diversity(), labels);
  }

  /** The signal over one annotator's labels. */
  private static FrameScores diversity(Diversity signal, Detection... labels) {
    return signal.score(evidence(null, null, List.of(labels("a", List.of(labels))), List.of()));
  }
}
