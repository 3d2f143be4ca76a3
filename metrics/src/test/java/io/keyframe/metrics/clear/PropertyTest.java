package io.keyframe.metrics.clear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.Mask;
import io.keyframe.metrics.RefData;
import io.keyframe.metrics.agreement.CohenKappa;
import io.keyframe.metrics.agreement.FleissKappa;
import io.keyframe.metrics.agreement.KrippendorffAlpha;
import io.keyframe.metrics.agreement.RatingTable;
import io.keyframe.metrics.agreement.Weighting;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.identity.IdentityMatching;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.metrics.iou.MaskIou;
import io.keyframe.metrics.sequence.SequenceFrame;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.metrics.tracking.ScopeCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Invariants over seeded random inputs (plain JUnit; the project does not use jqwik). */
class PropertyTest {
  private final Random rnd = new Random(20261126);

  /** A box with its corner in [0, 50)² and sides in [1, 31). */
  private Box randomBox() {
    return new Box(
        rnd.nextDouble() * 50,
        rnd.nextDouble() * 50,
        1 + rnd.nextDouble() * 30,
        1 + rnd.nextDouble() * 30);
  }

  @RepeatedTest(20)
  void iouIsInUnitIntervalAndMaskIouEqualsPixelCount() {
    for (int k = 0; k < 50; k++) {
      Box a = randomBox();
      Box b = randomBox();
      assertThat(BoxIou.of(a, b)).isBetween(0.0, 1.0);
      assertThat(BoxIou.of(a, a)).isCloseTo(1.0, within(1e-12));
    }
    int h = 1 + rnd.nextInt(20), w = 1 + rnd.nextInt(20);
    boolean[] p = new boolean[h * w], q = new boolean[h * w];
    for (int i = 0; i < p.length; i++) {
      p[i] = rnd.nextDouble() < 0.4;
      q[i] = rnd.nextDouble() < 0.4;
    }
    long inter = 0, union = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] && q[i]) inter++;
      if (p[i] || q[i]) union++;
    }
    Mask mp = Mask.fromColumnMajor(h, w, p), mq = Mask.fromColumnMajor(h, w, q);
    assertThat(MaskIou.intersection(mp, mq)).isEqualTo(inter);
    double iou = MaskIou.of(mp, mq);
    assertThat(iou)
        .isBetween(0.0, 1.0)
        .isCloseTo(union == 0 ? 0 : (double) inter / union, within(1e-12));
  }

  @Test
  void perfectPredictionScoresOne() {
    TrackingSequence gt = RefData.tudCampus();
    // Predictions = ground truth: similarity 1 on the diagonal of each frame's own boxes.
    TrackingSequence.Builder b = new TrackingSequence.Builder("perfect");
    for (SequenceFrame f : gt.frames()) {
      int n = f.gt().length;
      int[] ids = new int[n];
      for (int i = 0; i < n; i++) ids[i] = gt.gtIdNames().get(f.gt()[i]);
      double[] sim = new double[n * n];
      for (int i = 0; i < n; i++) sim[i * n + i] = 1;
      b.frame(f.frame(), ids, ids, sim);
    }
    ScopeCounts r = TrackingEvaluation.standard().evaluate(b.build(), "perfect");
    assertThat(r.clear().mota()).isEqualTo(1.0);
    assertThat(r.identity().idf1()).isEqualTo(1.0);
    assertThat(r.hota().hota()).isCloseTo(1.0, within(1e-12));
    assertThat(TrackEvalClear.of(b.build(), 0.5).mota()).isEqualTo(1.0);
  }

  @RepeatedTest(5)
  void metricsAreInvariantToRelabellingIds() {
    TrackingSequence seq = RefData.tudCampus();
    TrackingSequence relabelled = relabel(seq);
    ScopeCounts a = TrackingEvaluation.standard().evaluate(seq, "a");
    ScopeCounts b = TrackingEvaluation.standard().evaluate(relabelled, "b");
    assertThat(b.clear()).isEqualTo(a.clear());
    assertThat(b.identity()).isEqualTo(a.identity());
    assertThat(b.hota().hota()).isCloseTo(a.hota().hota(), within(1e-12));
    assertThat(IdentityMatching.of(relabelled, 0.5)).isEqualTo(IdentityMatching.of(seq, 0.5));
    assertThat(Hota.of(relabelled).assA()).isCloseTo(Hota.of(seq).assA(), within(1e-12));
  }

  private TrackingSequence relabel(TrackingSequence seq) {
    int[] gtMap = shuffledNames(seq.numGtIds()), predMap = shuffledNames(seq.numPredIds());
    TrackingSequence.Builder b = new TrackingSequence.Builder("relabelled");
    for (SequenceFrame f : seq.frames()) {
      int[] g = new int[f.gt().length], p = new int[f.pred().length];
      for (int i = 0; i < g.length; i++) g[i] = gtMap[f.gt()[i]];
      for (int j = 0; j < p.length; j++) p[j] = predMap[f.pred()[j]];
      b.frame(f.frame(), g, p, f.similarity());
    }
    return b.build();
  }

  private int[] shuffledNames(int n) {
    List<Integer> names = new ArrayList<>();
    for (int i = 0; i < n; i++) names.add(1000 + 7 * i);
    java.util.Collections.shuffle(names, rnd);
    return names.stream().mapToInt(Integer::intValue).toArray();
  }

  @RepeatedTest(10)
  void identicalRatersAgreePerfectly() {
    int n = 5 + rnd.nextInt(30);
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String v = Integer.toString(i % 3 == 0 ? 1 : 1 + rnd.nextInt(4));
      rows.add(new String[] {v, v, v});
    }
    RatingTable t = RatingTable.fromColumns(List.of("a", "b", "c"), rows);
    if (t.categories().size() < 2) return;
    for (Weighting w : Weighting.values())
      assertThat(CohenKappa.of(t, 0, 1, w).value()).isCloseTo(1.0, within(1e-12));
    assertThat(FleissKappa.of(t, FleissKappa.Method.FLEISS).value()).isCloseTo(1.0, within(1e-12));
    for (KrippendorffAlpha.Level l : KrippendorffAlpha.Level.values())
      assertThat(KrippendorffAlpha.of(t, l).value()).isCloseTo(1.0, within(1e-12));
  }
}
