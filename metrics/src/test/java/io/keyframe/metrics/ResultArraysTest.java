package io.keyframe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.Mask;
import io.keyframe.metrics.agreement.MajorityVote;
import io.keyframe.metrics.agreement.RatingTable;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.metrics.vos.Masklets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records that hold arrays copy them on the way in and out, so a caller cannot change a result. */
class ResultArraysTest {

  @Test
  void hotaCountsKeepTheirSumsWhenTheInputOrAnAccessorsArrayIsChanged() {
    int n = Hota.ALPHAS.length;
    double[] tp = new double[n], zero = new double[n];
    java.util.Arrays.fill(tp, 3);
    HotaCounts h = HotaCounts.ofSums(new double[][] {tp, zero, zero, zero, zero, zero, zero});
    tp[0] = 99;
    h.tp().toArray()[1] = 99;
    h.fn().toArray()[0] = 99;
    assertThat(h.tp().get(0)).isEqualTo(3);
    assertThat(h.tp().get(1)).isEqualTo(3);
    assertThat(h.fn().get(0)).isZero();
    // DetA at alpha 0 = TP / (TP + FN + FP) = 3 / 3
    assertThat(h.detA(0)).isEqualTo(1.0);
  }

  @Test
  void majorityVoteCannotBeChangedThroughItsArrays() {
    // item 0: a, a, b -> a; item 1: a, b -> tie (goes to a, the first in sorted order)
    RatingTable t =
        RatingTable.fromTriples(
            List.of(
                new String[] {"0", "r1", "a"},
                new String[] {"0", "r2", "a"},
                new String[] {"0", "r3", "b"},
                new String[] {"1", "r1", "a"},
                new String[] {"1", "r2", "b"}),
            null);
    MajorityVote mv = MajorityVote.of(t);
    mv.consensus().toArray()[0] = 1;
    assertThatThrownBy(() -> mv.tied().set(0, true))
        .isInstanceOf(UnsupportedOperationException.class);
    mv.raterAccuracy().toArray()[2] = 7;
    assertThat(mv.consensus().toArray()).containsExactly(0, 0);
    assertThat(mv.tied()).containsExactly(false, true);
    assertThat(mv.consensus(0)).isZero();
    assertThat(mv.tied(1)).isTrue();
    // r3 rated item 0 only, as b, against consensus a
    assertThat(mv.raterAccuracy(2)).isZero();
    assertThat(mv).isEqualTo(MajorityVote.of(t));
  }

  @Test
  void ratingTableCodesAreADeepCopy() {
    int[][] codes = {{0, 1}, {1, -1}};
    RatingTable t =
        new RatingTable(List.of("i", "j"), List.of("r1", "r2"), List.of("a", "b"), codes);
    codes[0][0] = 1;
    t.codes()[1][1] = 0;
    assertThat(t.code(0, 0)).isZero();
    assertThat(t.code(1, 1)).isEqualTo(-1);
    assertThat(t)
        .isEqualTo(
            new RatingTable(
                List.of("i", "j"),
                List.of("r1", "r2"),
                List.of("a", "b"),
                new int[][] {{0, 1}, {1, -1}}));
  }

  @Test
  void trackingSequenceIdNamesAreCopies() {
    TrackingSequence s =
        new TrackingSequence.Builder("v")
            .frame(0, new int[] {7, 9}, new int[] {4}, new double[] {0.5, 0})
            .build();
    s.gtIdNames().toArray()[0] = 100;
    assertThat(s.gtIdNames().toArray()).containsExactly(7, 9);
    assertThat(s.gtIdName(1)).isEqualTo(9);
    assertThat(s.predIdName(0)).isEqualTo(4);
  }

  @Test
  void maskletsCannotBeChangedThroughTheirArrays() {
    Mask on = new Mask(1, 2, new int[] {0, 2}), off = new Mask(1, 2, new int[] {2});
    int[] ids = {5};
    Mask[][] masks = {{on}, {off}};
    Masklets m = new Masklets("v", 1, 2, 4, ids, masks);
    ids[0] = 6;
    masks[0][0] = off;
    m.ids()[0] = 6;
    m.masks()[1][0] = on;
    assertThat(m.id(0)).isEqualTo(5);
    assertThat(m.mask(0, 0)).isSameAs(on);
    assertThat(m.mask(1, 0)).isSameAs(off);
    assertThat(m.masklet(0)).containsExactly(on, off);
    assertThat(m.count()).isEqualTo(1);
  }
}
