package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsensusMergerTest {
  static final Video V = ObjectMatchingTest.V;

  static AnnotationSet set(String who, List<Detection> ds) {
    return ObjectMatchingTest.set(who, ds);
  }

  static Detection d(int frame, int id, String label, double x) {
    return ObjectMatchingTest.d(frame, id, label, x);
  }

  @Test
  void majorityClassWinsAndTheBoxIsTheMeanOfTheAgreeingAnnotators() {
    AnnotationSet a = set("A", List.of(d(0, 1, "iv_pole", 0)));
    AnnotationSet b = set("B", List.of(d(0, 5, "iv_pole", 1)));
    AnnotationSet c = set("C", List.of(d(0, 9, "monitor", 2), d(0, 3, "bed_rail", 60)));
    ConsensusResult r = ConsensusMerger.merge(List.of(c, a, b), ConsensusOptions.defaults());
    assertThat(r.merged().detections()).hasSize(1);
    Detection m = r.merged().detections().get(0);
    assertThat(m.label()).isEqualTo("iv_pole");
    assertThat(m.box().x()).isCloseTo(0.5, within(1e-12)); // (0 + 1) / 2, C's monitor box left out
    assertThat(m.box().w()).isCloseTo(10, within(1e-12));
    assertThat(m.score()).isCloseTo(1.0, within(1e-12)); // seen by 3 of 3
    assertThat(r.objects())
        .extracting(ConsensusObject::rule, ConsensusObject::kept)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("majority", true),
            org.assertj.core.groups.Tuple.tuple("minority-dropped", false));
    ConsensusObject kept =
        r.objects().stream().filter(ConsensusObject::kept).findFirst().orElseThrow();
    assertThat(kept.seenBy()).containsExactly("A", "B", "C");
    assertThat(kept.agreeingOnClass()).containsExactly("A", "B");
    assertThat(r.expertList()).isEmpty();
    assertThat(r.merged().provenance().source()).isEqualTo("consensus(A+B+C)");
    assertThat(r.merged().provenance().tool())
        .contains("class=majority vote", "box=median of agreeing", "iou>=0.5");
  }

  @Test
  void theMedianBoxIgnoresOneOutlyingAnnotatorWhileTheMeanFollowsIt() {
    List<AnnotationSet> sets =
        List.of(
            set("A", List.of(d(0, 1, "iv_pole", 0))),
            set("B", List.of(d(0, 1, "iv_pole", 1))),
            set("C", List.of(d(0, 1, "iv_pole", 3))));
    Box median =
        ConsensusMerger.merge(sets, ConsensusOptions.defaults()).merged().detections().get(0).box();
    Box mean =
        ConsensusMerger.merge(
                sets, ConsensusOptions.defaults().withBoxFusion(ConsensusOptions.BoxFusion.MEAN))
            .merged()
            .detections()
            .get(0)
            .box();
    assertThat(median.x()).isCloseTo(1, within(1e-12));
    assertThat(mean.x()).isCloseTo(4.0 / 3, within(1e-12));
  }

  @Test
  void aClassTieAndAPresenceTieGoToTheExpert() {
    AnnotationSet a = set("A", List.of(d(0, 1, "iv_pole", 0), d(0, 2, "bed_rail", 50)));
    AnnotationSet b = set("B", List.of(d(0, 1, "monitor", 0)));
    ConsensusResult r = ConsensusMerger.merge(List.of(a, b), ConsensusOptions.defaults());
    assertThat(r.expertList()).hasSize(2);
    assertThat(r.expertList().stream().flatMap(e -> e.reasons().stream()))
        .anySatisfy(s -> assertThat(s).startsWith("class-tie on track 1: A=iv_pole B=monitor"))
        .anySatisfy(s -> assertThat(s).startsWith("presence-tie: seen by 1 of 2"));
    assertThat(r.merged().detections()).hasSize(2);
    ConsensusResult dropped =
        ConsensusMerger.merge(List.of(a, b), new ConsensusOptions(0.5, false));
    assertThat(dropped.merged().detections()).hasSize(1);
    assertThat(dropped.expertList()).hasSize(2);
  }

  @Test
  void masksAreFusedByPixelMajority() {
    // 1x4 masks, column-major = row order here: 1100, 0110, 0100 -> counts 1,3,1,0 -> majority
    // 0100.
    Mask m1 = Mask.fromColumnMajor(1, 4, new boolean[] {true, true, false, false});
    Mask m2 = Mask.fromColumnMajor(1, 4, new boolean[] {false, true, true, false});
    Mask m3 = Mask.fromColumnMajor(1, 4, new boolean[] {false, true, false, false});
    assertThat(ConsensusMerger.pixelMajority(List.of(m1, m2, m3)).toColumnMajor())
        .containsExactly(false, true, false, false);
    // two masks: at least half = union
    assertThat(ConsensusMerger.pixelMajority(List.of(m1, m2)).toColumnMajor())
        .containsExactly(true, true, true, false);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void runSweepMajorityEqualsPixelByPixelCounting(int seed) {
    Random rnd = new Random(seed);
    int h = 7, w = 9, n = 1 + seed % 5;
    List<Mask> masks = new ArrayList<>();
    int[] count = new int[h * w];
    for (int k = 0; k < n; k++) {
      boolean[] px = new boolean[h * w];
      for (int p = 0; p < px.length; p++) if (px[p] = rnd.nextDouble() < 0.4) count[p]++;
      masks.add(Mask.fromColumnMajor(h, w, px));
    }
    boolean[] expected = new boolean[h * w];
    for (int p = 0; p < expected.length; p++) expected[p] = 2 * count[p] >= n;
    assertThat(ConsensusMerger.pixelMajority(masks).toColumnMajor()).containsExactly(expected);
  }

  @Test
  void anIdSwapByOneOfThreeAnnotatorsDoesNotSwapTheConsensusIds() {
    List<Detection> da = new ArrayList<>(), db = new ArrayList<>(), dc = new ArrayList<>();
    for (int f = 0; f < 6; f++) {
      da.add(d(f, 1, "iv_pole", 0));
      da.add(d(f, 2, "monitor", 50));
      db.add(d(f, 7, "iv_pole", 0));
      db.add(d(f, 8, "monitor", 50));
      dc.add(d(f, f < 3 ? 4 : 5, "iv_pole", 0)); // C swaps its IDs at frame 3
      dc.add(d(f, f < 3 ? 5 : 4, "monitor", 50));
    }
    ConsensusResult r =
        ConsensusMerger.merge(
            List.of(set("A", da), set("B", db), set("C", dc)), ConsensusOptions.defaults());
    Map<String, Set<Integer>> idsByLabel =
        r.merged().detections().stream()
            .collect(
                Collectors.groupingBy(
                    Detection::label, Collectors.mapping(Detection::trackId, Collectors.toSet())));
    assertThat(idsByLabel.get("iv_pole")).hasSize(1);
    assertThat(idsByLabel.get("monitor")).hasSize(1);
    assertThat(idsByLabel.get("iv_pole")).doesNotContainAnyElementsOf(idsByLabel.get("monitor"));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void noConsensusIdOccursTwiceInAFrameWhateverTheAnnotatorsIds(long seed) {
    Random rnd = new Random(seed);
    List<AnnotationSet> sets = new ArrayList<>();
    for (String who : List.of("A", "B", "C", "D")) {
      List<Detection> ds = new ArrayList<>();
      for (int f = 0; f < 15; f++)
        for (int obj = 0; obj < 4; obj++) {
          if (rnd.nextDouble() < 0.15) continue; // missed
          int id =
              rnd.nextDouble() < 0.2
                  ? rnd.nextInt(4)
                  : obj; // sloppy IDs, duplicates allowed per annotator frame
          ds.add(
              d(
                  f,
                  id + 10 * rnd.nextInt(2),
                  rnd.nextBoolean() ? "iv_pole" : "monitor",
                  obj * 20 + rnd.nextDouble()));
        }
      sets.add(set(who, ds));
    }
    ConsensusResult r = ConsensusMerger.merge(sets, ConsensusOptions.defaults());
    for (var frame : r.merged().byFrame().values()) {
      Set<Integer> ids = new HashSet<>();
      for (Detection x : frame)
        assertThat(ids.add(x.trackId())).as("duplicate id %d", x.trackId()).isTrue();
    }
  }

  @Test
  void badInputsAreRefusedWithReasons() {
    AnnotationSet a = set("A", List.of());
    AnnotationSet other = ObjectMatchingTest.unlabelled(new Video("v2", 10, 100, 100, 20, ""), "B");
    assertThatThrownBy(() -> ConsensusMerger.merge(List.of(a), ConsensusOptions.defaults()))
        .hasMessageContaining("at least two annotators, got 1");
    assertThatThrownBy(
            () ->
                ConsensusMerger.merge(List.of(a, set("A", List.of())), ConsensusOptions.defaults()))
        .hasMessageContaining("same annotator A");
    assertThatThrownBy(() -> ConsensusMerger.merge(List.of(a, other), ConsensusOptions.defaults()))
        .hasMessageContaining("different videos");
  }
}
