package io.keyframe.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActiveLearningSimulationTest {
  private static final Video V = new Video("v", 15, 100, 100, 10, "");
  private static final List<String> L = List.of("iv_pole", "monitor");

  private static SimulatedVideo tiny() {
    List<Detection> truth = new ArrayList<>(), labels = new ArrayList<>();
    for (int f = 0; f < 10; f++) {
      truth.add(Detection.of(f, 1, "iv_pole", new Box(10, 10, 10, 10)));
      if (f != 4)
        labels.add(
            Detection.of(f, 1, f >= 6 && f <= 7 ? "monitor" : "iv_pole", new Box(10, 10, 10, 10)));
    }
    AnnotationSet t = new AnnotationSet(V, Provenance.groundTruth("t"), L, truth);
    AnnotationSet l = new AnnotationSet(V, Provenance.annotator("a", null, "t"), L, labels);
    return new SimulatedVideo(
        t,
        new VideoEvidence(V, null, null, List.of(l), List.of()),
        List.of(
            new InjectedError("missed_span", 1, 4, 4),
            new InjectedError("wrong_class", 1, 6, 7),
            new InjectedError("wrong_class", 9, 0, 9)));
  }

  @Test
  void errorsCountPerObjectFrameWhereTheTruthObjectIsPresent() {
    // missed frame 4 -> 1; wrong class 6..7 -> 1 each; track 9 never exists -> nothing
    assertThat(tiny().errorsPerFrame()).containsExactly(0, 0, 0, 0, 1, 0, 1, 1, 0, 0);
  }

  @Test
  void theExpertReplacesReviewedFramesWithTheTruth() {
    SimulatedVideo v = tiny();
    AnnotationSet fixed = ActiveLearningSimulation.expertFix(v, Set.of(4, 6));
    assertThat(fixed.byFrame().get(4)).extracting(Detection::label).containsExactly("iv_pole");
    assertThat(fixed.byFrame().get(6)).extracting(Detection::label).containsExactly("iv_pole");
    assertThat(fixed.byFrame().get(7)).extracting(Detection::label).containsExactly("monitor");
  }

  @Test
  void perfectLabelsHaveIdf1AndHotaOne() {
    SimulatedVideo v = tiny();
    double[] q =
        ActiveLearningSimulation.quality(
            List.of(v.truth()),
            List.of(ActiveLearningSimulation.expertFix(v, Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9))));
    assertThat(q[0]).isCloseTo(1, within(1e-12));
    assertThat(q[1]).isCloseTo(1, within(1e-9));
  }

  @Test
  void idf1OfOneMissedFrameOutOfTenMatchesHandArithmetic() {
    // labels miss frame 4 (class is not part of IDF1): IDTP 9, IDFN 1, IDFP 0 -> 2*9 / (2*9 + 1) =
    // 18/19
    SimulatedVideo v = tiny();
    double[] q =
        ActiveLearningSimulation.quality(
            List.of(v.truth()), List.of(v.evidence().annotators().get(0)));
    assertThat(q[0]).isCloseTo(18.0 / 19.0, within(1e-12));
  }

  @Test
  void onTheFixtureTheCombinedQueueCatchesMoreThanRandomAndFixesRaiseQuality() {
    SimulationOptions o = new SimulationOptions(QueueOptions.defaults(), 2, List.of(1L, 2L), false);
    SimulationReport r =
        ActiveLearningSimulation.run(
            seed -> FaultyClinicFixture.world(seed, 4, 150, 6), o, ProgressListener.NONE);
    assertThat(r.errorsCaught().get("combined").mean())
        .isGreaterThan(r.errorsCaught().get("random").mean());
    for (BatchOutcome b : r.outcomes())
      if (b.strategy().equals("combined"))
        assertThat(b.idf1After()).isGreaterThanOrEqualTo(b.idf1Before());
    assertThat(r.describe()).contains("combined").contains("random").contains("IDF1");
  }
}
