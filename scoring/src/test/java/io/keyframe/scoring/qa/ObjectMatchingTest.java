package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectMatchingTest {
  static final Video V = new Video("v1", 10, 100, 100, 20, "");

  static AnnotationSet set(String who, List<Detection> ds) {
    return new AnnotationSet(
        V, Provenance.annotator(who, null, "test"), List.of("bed_rail", "iv_pole", "monitor"), ds);
  }

  /** An annotator's empty submission for {@code video}. */
  static AnnotationSet unlabelled(Video video, String who) {
    return new AnnotationSet(video, Provenance.annotator(who, null, ""), List.of(), List.of());
  }

  static Detection d(int frame, int id, String label, double x) {
    return Detection.of(frame, id, label, new Box(x, 0, 10, 10));
  }

  @Test
  void optimalMatchingPairsBothObjectsWhereGreedyWouldPairOnlyOne() {
    // IoU by hand, 10x10 boxes shifted along x: overlap (10-dx)*10 over 200 minus it.
    // a1-b1 dx=2: 80/120; a1-b2 dx=6: 40/160 (< 0.3, forbidden); a2-b1 dx=1: 90/110; a2-b2 dx=3:
    // 70/130.
    // Greedy takes a2-b1 (best single IoU) and leaves a1 alone; optimal pairs a1-b1 and a2-b2.
    AnnotationSet a = set("A", List.of(d(0, 1, "iv_pole", 0), d(0, 2, "iv_pole", 3)));
    AnnotationSet b = set("B", List.of(d(0, 7, "iv_pole", 2), d(0, 8, "monitor", 6)));
    ObjectMatching m = ObjectMatching.of(a, b, 0.3);
    assertThat(m.matches()).hasSize(2);
    assertThat(m.onlyA()).isEmpty();
    assertThat(m.onlyB()).isEmpty();
    assertThat(m.matches().get(0).a().trackId()).isEqualTo(1);
    assertThat(m.matches().get(0).b().trackId()).isEqualTo(7);
    assertThat(m.matches().get(0).iou()).isCloseTo(80.0 / 120, within(1e-12));
    assertThat(m.matches().get(1).iou()).isCloseTo(70.0 / 130, within(1e-12));
    assertThat(m.meanIou()).isCloseTo((80.0 / 120 + 70.0 / 130) / 2, within(1e-12));
  }

  @Test
  void pairsBelowTheThresholdAreLeftUnmatched() {
    AnnotationSet a = set("A", List.of(d(0, 1, "iv_pole", 0)));
    AnnotationSet b = set("B", List.of(d(0, 1, "iv_pole", 6), d(1, 1, "iv_pole", 0)));
    ObjectMatching m = ObjectMatching.of(a, b, 0.5);
    assertThat(m.matches()).isEmpty();
    assertThat(m.onlyA()).hasSize(1);
    assertThat(m.onlyB()).hasSize(2);
    assertThat(m.matchedFraction()).isZero();
  }

  @Test
  void outsideDetectionsAreNotObjectsInView() {
    AnnotationSet a = set("A", List.of(d(0, 1, "iv_pole", 0).withFlags(false, true, false)));
    AnnotationSet b = set("B", List.of());
    assertThat(ObjectMatching.of(a, b, 0.5).onlyA()).isEmpty();
  }

  @Test
  void anIdSwapInTheMiddleCountsTheFramesAfterIt() {
    // A keeps ids 1 and 2 for 4 frames; B swaps its ids from frame 2 on: 2 frames x 2 objects
    // mismatch.
    var da = new java.util.ArrayList<Detection>();
    var db = new java.util.ArrayList<Detection>();
    for (int f = 0; f < 4; f++) {
      da.add(d(f, 1, "iv_pole", 0));
      da.add(d(f, 2, "monitor", 50));
      db.add(d(f, f < 2 ? 5 : 6, "iv_pole", 0));
      db.add(d(f, f < 2 ? 6 : 5, "monitor", 50));
    }
    assertThat(ObjectMatching.of(set("A", da), set("B", db), 0.5).idMismatches()).isEqualTo(4);
  }

  @Test
  void annotationsOfDifferentVideosAreRefused() {
    AnnotationSet a = set("A", List.of());
    AnnotationSet other = unlabelled(new Video("v2", 10, 100, 100, 20, ""), "B");
    AnnotationSet longer = unlabelled(new Video("v1", 10, 100, 100, 30, ""), "B");
    assertThatThrownBy(() -> ObjectMatching.of(a, other, 0.5))
        .hasMessageContaining("different videos (v1 vs v2)");
    assertThatThrownBy(() -> ObjectMatching.of(a, longer, 0.5))
        .hasMessageContaining("disagree on length: 20 vs 30");
  }
}
