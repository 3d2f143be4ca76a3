package io.keyframe.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Annotators and the detector differ from the truth exactly where the recorded faults say. */
class InjectedFaultsTest {
  private static GeneratedVideo video;

  @BeforeAll
  static void generate() {
    List<AnnotatorProfile> panel =
        List.of(
            AnnotatorProfile.careful("annotator-A"),
            new AnnotatorProfile("annotator-X", 0.6, 3.0, 0.15, 0.6, 0.3, 1.0),
            AnnotatorProfile.sloppy("annotator-C"));
    GeneratorSpec spec = GeneratorSpec.of(1, 300, 24, 5).withTraffic(20, 6).withAnnotators(panel);
    video = new ClinicVideoGenerator(spec).generate(0);
  }

  @Test
  void everyAnnotatorFaultKindWasInjected() {
    Set<InjectedFault.Kind> kinds = EnumSet.noneOf(InjectedFault.Kind.class);
    for (InjectedFault f : video.faultsOf("annotator-X")) kinds.add(f.kind());
    assertThat(kinds)
        .contains(
            InjectedFault.Kind.BOX_JITTER,
            InjectedFault.Kind.MISSED,
            InjectedFault.Kind.WRONG_CLASS,
            InjectedFault.Kind.ID_SWAP);
  }

  @Test
  void annotatorsEqualTheTruthOutsideTheirRecordedFaults() {
    for (AnnotationSet a : video.annotators()) {
      String who = a.provenance().source();
      List<InjectedFault> faults = video.faultsOf(who);
      // Undo recorded swaps to find, for each annotator box, the object it stands for.
      Map<String, Detection> mine = new HashMap<>();
      for (Detection d : a.detections()) {
        int object = d.trackId();
        for (InjectedFault f : faults)
          if (f.kind() == InjectedFault.Kind.ID_SWAP
              && f.covers(d.frame())
              && f.trackIds().contains(object))
            object = f.trackIds().get(0) == object ? f.trackIds().get(1) : f.trackIds().get(0);
        assertThat(mine.put(object + "@" + d.frame(), d))
            .as("%s labelled object %d twice at %d", who, object, d.frame())
            .isNull();
      }
      int jittered = 0, inJitter = 0;
      for (Detection t : video.groundTruth().detections()) {
        int id = t.trackId(), f = t.frame();
        Detection d = mine.remove(id + "@" + f);
        boolean missed = has(faults, InjectedFault.Kind.MISSED, id, f);
        if (missed) {
          assertThat(d).as("%s should miss %d at %d", who, id, f).isNull();
          continue;
        }
        assertThat(d).as("%s should label %d at %d", who, id, f).isNotNull();
        String label =
            has(faults, InjectedFault.Kind.WRONG_CLASS, id, f)
                ? ObjectClass.valueOf(t.label().toUpperCase(Locale.ROOT)).confusedWith().label()
                : t.label();
        assertThat(d.label()).isEqualTo(label);
        assertThat(d.occluded()).isEqualTo(t.occluded());
        if (has(faults, InjectedFault.Kind.BOX_JITTER, id, f)) {
          inJitter++;
          if (!d.box().equals(t.box())) jittered++;
        } else {
          assertThat(d.box()).as("%s box of %d at %d", who, id, f).isEqualTo(t.box());
        }
      }
      assertThat(mine).as("%s has boxes the truth does not", who).isEmpty();
      assertThat(jittered).isGreaterThanOrEqualTo((int) (0.95 * inJitter));
    }
  }

  @Test
  void theSloppyAnnotatorMakesMoreFaultsThanTheCarefulOne() {
    assertThat(video.faultsOf("annotator-C").size())
        .isGreaterThan(2 * video.faultsOf("annotator-A").size());
  }

  @Test
  void theDetectorDiffersFromTheTruthOnlyWhereRecorded() {
    String who = video.model().provenance().source();
    List<InjectedFault> faults = video.faultsOf(who);
    Map<Integer, List<Detection>> model = video.model().byFrame();
    Map<Integer, List<Detection>> truth = video.groundTruth().byFrame();
    for (int f = 0; f < video.video().frameCount(); f++) {
      List<Detection> dets = model.getOrDefault(f, List.of());
      List<Detection> expected = new ArrayList<>();
      for (Detection t : truth.getOrDefault(f, List.of()))
        if (t.visibility() > 0 && !has(faults, InjectedFault.Kind.MISSED_DETECTION, t.trackId(), f))
          expected.add(t);
      // Global greedy matching by IoU with the visible region's box.
      List<double[]> pairs = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++)
        for (int j = 0; j < dets.size(); j++)
          pairs.add(
              new double[] {
                iou(expected.get(i).mask().bbox().orElseThrow(), dets.get(j).box()), i, j
              });
      pairs.sort((x, y) -> Double.compare(y[0], x[0]));
      boolean[] usedT = new boolean[expected.size()], usedD = new boolean[dets.size()];
      int matched = 0;
      for (double[] p : pairs) {
        int i = (int) p[1], j = (int) p[2];
        if (usedT[i] || usedD[j] || p[0] < 0.3) continue;
        usedT[i] = usedD[j] = true;
        matched++;
        Detection t = expected.get(i), d = dets.get(j);
        String label =
            has(faults, InjectedFault.Kind.CLASS_CONFUSION, t.trackId(), f)
                ? ObjectClass.valueOf(t.label().toUpperCase(Locale.ROOT)).confusedWith().label()
                : t.label();
        if (!d.label().equals(label))
          continue; // may be a false positive taking the slot; counted below
        assertThat(d.trackId()).isEqualTo(Detection.UNTRACKED);
        assertThat(d.classProbabilities().get(label)).isEqualTo(d.score());
      }
      final int fr = f;
      long fps =
          faults.stream()
              .filter(x -> x.kind() == InjectedFault.Kind.FALSE_POSITIVE && x.covers(fr))
              .count();
      assertThat(matched)
          .as("objects detected at %d", f)
          .isGreaterThanOrEqualTo(expected.size() - (int) fps);
      assertThat(dets).as("detections at %d", f).hasSize(expected.size() + (int) fps);
      long wrongLabels = 0;
      for (int i = 0; i < expected.size(); i++) {
        Detection t = expected.get(i);
        String label =
            has(faults, InjectedFault.Kind.CLASS_CONFUSION, t.trackId(), f)
                ? ObjectClass.valueOf(t.label().toUpperCase(Locale.ROOT)).confusedWith().label()
                : t.label();
        boolean found = false;
        for (Detection d : dets)
          found |= d.label().equals(label) && iou(t.mask().bbox().orElseThrow(), d.box()) >= 0.3;
        if (!found) wrongLabels++;
      }
      assertThat(wrongLabels)
          .as("objects at %d without a detection of the expected class", f)
          .isZero();
    }
  }

  @Test
  void detectorMissesConcentrateAtOcclusions() {
    List<InjectedFault> faults = video.faultsOf(video.model().provenance().source());
    int[] seen = new int[2], missed = new int[2];
    for (Detection t : video.groundTruth().detections()) {
      if (t.visibility() == 0) continue;
      int bucket = t.visibility() < 0.5 ? 0 : 1;
      seen[bucket]++;
      if (has(faults, InjectedFault.Kind.MISSED_DETECTION, t.trackId(), t.frame()))
        missed[bucket]++;
    }
    assertThat(seen[0]).isPositive();
    assertThat(missed[0] / (double) seen[0]).isGreaterThan(3 * missed[1] / (double) seen[1]);
  }

  private static boolean has(
      List<InjectedFault> faults, InjectedFault.Kind kind, int id, int frame) {
    for (InjectedFault f : faults) if (f.kind() == kind && f.covers(id, frame)) return true;
    return false;
  }

  private static double iou(Box a, Box b) {
    double iw = Math.min(a.x2(), b.x2()) - Math.max(a.x(), b.x());
    double ih = Math.min(a.y2(), b.y2()) - Math.max(a.y(), b.y());
    if (iw <= 0 || ih <= 0) return 0;
    double inter = iw * ih;
    return inter / (a.area() + b.area() - inter);
  }
}
