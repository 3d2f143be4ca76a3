package io.keyframe.metrics.clear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.metrics.RefData;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.identity.IdentityCounts;
import io.keyframe.metrics.identity.IdentityMatching;
import io.keyframe.metrics.sequence.TrackingSequence;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values from ../shared/refdata/README.md, produced by py-motmetrics and TrackEval. */
class TrackingReferenceTest {
  private static final double TOL = 1e-6;

  @Test
  void tudCampusMatchesPyMotmetrics() {
    TrackingSequence seq = RefData.tudCampus();
    MotAccumulator acc = new MotAccumulator();
    acc.update(seq, 0.5);
    ClearCounts c = acc.clear();
    IdentityCounts id = acc.identity();
    assertThat(id.idf1()).isCloseTo(0.557659, within(TOL));
    assertThat(id.idp()).isCloseTo(0.729730, within(TOL));
    assertThat(id.idr()).isCloseTo(0.451253, within(TOL));
    assertThat(c.recall()).isCloseTo(0.582173, within(TOL));
    assertThat(c.precision()).isCloseTo(0.941441, within(TOL));
    assertThat(c.uniqueObjects()).isEqualTo(8);
    assertThat(c.mostlyTracked()).isEqualTo(1);
    assertThat(c.partiallyTracked()).isEqualTo(6);
    assertThat(c.mostlyLost()).isEqualTo(1);
    assertThat(c.falsePositives()).isEqualTo(13);
    assertThat(c.misses()).isEqualTo(150);
    assertThat(c.switches()).isEqualTo(7);
    assertThat(c.fragmentations()).isEqualTo(7);
    assertThat(c.mota()).isCloseTo(0.526462, within(TOL));
    assertThat(c.motp()).isCloseTo(0.277201, within(TOL));
    assertThat(c.detections()).isEqualTo(209);
    assertThat(id.idtp()).isEqualTo(162);
    assertThat(id.idfn()).isEqualTo(197);
    assertThat(id.idfp()).isEqualTo(60);
  }

  @Test
  void tudCampusMatchesTrackEval() {
    TrackingSequence seq = RefData.tudCampus();
    HotaCounts h = Hota.of(seq);
    assertThat(h.hota()).isCloseTo(0.391397, within(TOL));
    assertThat(h.detA()).isCloseTo(0.418047, within(TOL));
    assertThat(h.assA()).isCloseTo(0.369121, within(TOL));
    assertThat(h.locA()).isCloseTo(0.770052, within(TOL));
    assertThat(h.detRe()).isCloseTo(0.441577, within(TOL));
    assertThat(h.detPr()).isCloseTo(0.714083, within(TOL));
    assertThat(h.assRe()).isCloseTo(0.383225, within(TOL));
    assertThat(h.assPr()).isCloseTo(0.754050, within(TOL));
    int a50 = 9;
    assertThat(Hota.ALPHAS[a50]).isCloseTo(0.5, within(1e-12));
    assertThat(h.hota(a50)).isCloseTo(0.520610, within(TOL));
    assertThat(h.detA(a50)).isCloseTo(0.553476, within(TOL));
    assertThat(h.assA(a50)).isCloseTo(0.489696, within(TOL));
    assertThat(h.tp().get(a50)).isEqualTo(207);
    assertThat(h.fn().get(a50)).isEqualTo(152);
    assertThat(h.fp().get(a50)).isEqualTo(15);
    ClearCounts te = TrackEvalClear.of(seq, 0.5);
    assertThat(te.motp()).isCloseTo(0.722799, within(TOL));
    IdentityCounts id = IdentityMatching.of(seq, 0.5);
    assertThat(id.idf1()).isCloseTo(0.557659, within(TOL));
  }

  @ParameterizedTest
  @CsvSource({
    // sequence, MOTA, IDSW, Frag, MT, PT, ML, IDF1, IDTP, IDFN, IDFP, HOTA, DetA, AssA, LocA
    "no_confusion,   -0.125,   0, 0, 0, 2, 0, 0.470588, 4, 4, 5, 0.316228, 0.307692, 0.325000, 1",
    "with_confusion,  0,       1, 0, 0, 2, 0, 0.470588, 4, 4, 5, 0.344601, 0.416667, 0.285000, 1",
    "split_tracks,    0.444444, 3, 1, 2, 0, 0, 0.400000, 4, 5, 7, 0.561384, 0.818182, 0.385185, 1",
  })
  void syntheticSequencesMatchTrackEval(
      String name,
      double mota,
      long idsw,
      long frag,
      long mt,
      long pt,
      long ml,
      double idf1,
      long idtp,
      long idfn,
      long idfp,
      double hota,
      double detA,
      double assA,
      double locA) {
    Map<String, TrackingSequence> all = RefData.syntheticSequences();
    TrackingSequence seq = all.get(name);
    ClearCounts c = TrackEvalClear.of(seq, 0.5);
    assertThat(c.mota()).isCloseTo(mota, within(TOL));
    assertThat(c.switches()).isEqualTo(idsw);
    assertThat(c.fragmentations()).isEqualTo(frag);
    assertThat(new long[] {c.mostlyTracked(), c.partiallyTracked(), c.mostlyLost()})
        .containsExactly(mt, pt, ml);
    IdentityCounts id = IdentityMatching.of(seq, 0.5);
    assertThat(id.idf1()).isCloseTo(idf1, within(TOL));
    assertThat(new long[] {id.idtp(), id.idfn(), id.idfp()}).containsExactly(idtp, idfn, idfp);
    HotaCounts h = Hota.of(seq);
    assertThat(h.hota()).isCloseTo(hota, within(TOL));
    assertThat(h.detA()).isCloseTo(detA, within(TOL));
    assertThat(h.assA()).isCloseTo(assA, within(TOL));
    assertThat(h.locA()).isCloseTo(locA, within(TOL));
  }
}
