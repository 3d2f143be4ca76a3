package io.keyframe.scoring.signal;

import static io.keyframe.scoring.signal.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackSignalsTest {
  private static final Video LONG = new Video("v1", 30, 200, 200, 20, "");

  private static VideoEvidence labelled(List<Detection> ds, List<OcclusionEvent> occ) {
    var set = new AnnotationSet(LONG, Provenance.annotator("a", null, "t"), LABELS, ds);
    return new VideoEvidence(LONG, null, null, List.of(set), occ);
  }

  @Test
  void aSteadyTrackIsStable() {
    List<Detection> ds = new ArrayList<>();
    for (int f = 0; f < 20; f++) ds.add(det(f, 1, "iv_pole", 10 + f, 10));
    FrameScores s = new TemporalInstability().score(labelled(ds, List.of()));
    assertThat(s.max()).isZero();
  }

  @Test
  void jumpFlickerAndClassFlipEachCountOneAtTheirFrame() {
    List<Detection> ds = new ArrayList<>();
    for (int f = 0; f < 5; f++) ds.add(det(f, 1, "iv_pole", 10, 10));
    ds.add(det(5, 1, "iv_pole", 30, 10)); // centre moves 20 px = 2 box sizes > 0.5 -> jump at 5
    ds.add(det(6, 1, "iv_pole", 30, 10));
    ds.add(det(8, 1, "iv_pole", 30, 10)); // absent at 7 only (gap 1 <= 3) -> flicker at 8
    ds.add(
        det(
            9, 1, "monitor", 30,
            10)); // class flip at 9 (1), and a class other than the track's usual one (0.5)
    FrameScores s = new TemporalInstability().score(labelled(ds, List.of()));
    assertThat(s.value(5)).isEqualTo(1);
    assertThat(s.value(8)).isEqualTo(1);
    assertThat(s.value(9)).isEqualTo(1.5);
    assertThat(s.values().get(4) + s.values().get(6) + s.values().get(7)).isZero();
    assertThat(s.objectsAt(5)).containsExactly(1);
  }

  @Test
  void everyFrameOfAnUnusualClassRunAndOfAGoneInPlaceGapCountsHalf() {
    List<Detection> ds = new ArrayList<>();
    // track 1: iv_pole on 0..9 except monitor on 3..5 -> flips at 3 and 6 (1 each), 0.5 on 3, 4, 5
    for (int f = 0; f < 10; f++)
      ds.add(det(f, 1, f >= 3 && f <= 5 ? "monitor" : "iv_pole", 10, 10));
    // track 2: at x=100 on 0..4, absent 5..14 (10 frames > flicker), back in place at 15..19 -> 0.5
    // on 5..14
    for (int f = 0; f < 20; f++) if (f < 5 || f >= 15) ds.add(det(f, 2, "bed_rail", 100, 100));
    // track 3: absent 5..14 but back 5 box sizes away (it left and came back elsewhere) -> nothing
    for (int f = 0; f < 20; f++)
      if (f < 5 || f >= 15) ds.add(det(f, 3, "bed_rail", f < 5 ? 150 : 100, 150));
    FrameScores s = new TemporalInstability().score(labelled(ds, List.of()));
    assertThat(s.value(3)).isEqualTo(1.5);
    assertThat(s.value(4)).isEqualTo(0.5);
    assertThat(s.value(5)).isEqualTo(0.5 + 0.5); // track 1's unusual class + track 2's gap
    assertThat(s.value(6)).isEqualTo(1 + 0.5);
    for (int f = 7; f < 15; f++) assertThat(s.value(f)).as("frame %d", f).isEqualTo(0.5);
    assertThat(s.objectsAt(10)).containsExactly(2);
    assertThat(s.value(15) + s.value(19)).isZero();
  }

  @Test
  void aOnePixelWobbleScoresTheThreeFramesAroundIt() {
    // static 10x10 box; frame 5 moved 1 px right (x1 and x2 move): no jump (0.1 box sizes).
    // second differences of (x1,y1,x2,y2) summed, over sqrt(area) = 10, over wobble 0.25:
    //   frame 4: |0 - 0 + 1| * 2 = 2 -> 2/10/0.25 = 0.8
    //   frame 5: |0 - 2 + 0| * 2 = 4 -> 4/10/0.25 = 1.6 -> capped at 1
    //   frame 6: 0.8
    List<Detection> ds = new ArrayList<>();
    for (int f = 0; f < 10; f++) ds.add(det(f, 1, "iv_pole", f == 5 ? 11 : 10, 10));
    FrameScores s = new TemporalInstability().score(labelled(ds, List.of()));
    assertThat(s.value(4)).isCloseTo(0.8, within(1e-12));
    assertThat(s.value(5)).isEqualTo(1);
    assertThat(s.value(6)).isCloseTo(0.8, within(1e-12));
    assertThat(s.value(3) + s.value(7)).isZero();
  }

  @Test
  void newIdWhereAnotherVanishedIsAnIdChange() {
    List<Detection> ds = new ArrayList<>();
    for (int f = 0; f < 5; f++) ds.add(det(f, 1, "iv_pole", 10, 10));
    for (int f = 10; f < 15; f++) ds.add(det(f, 2, "iv_pole", 12, 10)); // re-emerges as ID 2
    FrameScores s = new TemporalInstability().score(labelled(ds, List.of()));
    assertThat(s.value(10)).isEqualTo(1);
    assertThat(s.objectsAt(10)).containsExactly(1, 2);
  }

  @Test
  void crossedIdsAreASwap() {
    List<Detection> ds = new ArrayList<>();
    for (int f = 0; f < 5; f++) {
      ds.add(det(f, 1, "iv_pole", 10, 10));
      ds.add(det(f, 2, "iv_pole", 100, 10));
    }
    for (int f = 5; f < 8; f++) {
      ds.add(det(f, 1, "iv_pole", 100, 10));
      ds.add(det(f, 2, "iv_pole", 10, 10));
    }
    FrameScores s = new TemporalInstability().score(labelled(ds, List.of()));
    // two jumps (one per track) + one swap at frame 5
    assertThat(s.value(5)).isEqualTo(3);
    assertThat(s.objectsAt(5)).containsExactly(1, 2);
  }

  @Test
  void occlusionProximityPeaksAtBoundariesAndDecaysLinearly() {
    var ev = labelled(List.of(), List.of(new OcclusionEvent(4, 8, 10, "person", true)));
    FrameScores s = new OcclusionProximity(2).score(ev);
    // boundaries 8 (disappears) and 11 (re-emerges); window 2 -> 1, 2/3, 1/3
    assertThat(s.value(8)).isEqualTo(1);
    assertThat(s.value(11)).isEqualTo(1);
    assertThat(s.value(7)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(s.value(6)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(s.value(9))
        .isCloseTo(2.0 / 3, within(1e-12)); // max of 1 - 1/3 (from 8) and 1 - 2/3 (from 11)
    assertThat(s.value(5)).isZero();
    assertThat(s.objectsAt(11)).containsExactly(4);
  }

  @Test
  void occlusionIsImpliedByAGapInATrack() {
    List<Detection> ds = new ArrayList<>();
    for (int f = 0; f < 5; f++) ds.add(det(f, 3, "iv_pole", 10, 10));
    for (int f = 9; f < 12; f++) ds.add(det(f, 3, "iv_pole", 10, 10));
    FrameScores s = new OcclusionProximity(0).score(labelled(ds, List.of()));
    assertThat(s.value(5)).isEqualTo(1);
    assertThat(s.value(9)).isEqualTo(1);
    assertThat(s.values().get(4) + s.values().get(6) + s.values().get(8)).isZero();
  }
}
