package io.keyframe.metrics.clear;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.metrics.occlusion.OcclusionAwareErrors;
import io.keyframe.metrics.occlusion.OcclusionEvents;
import io.keyframe.metrics.sequence.TrackingSequence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcclusionAwareErrorsTest {
  static final Video VIDEO = new Video("v", 10, 200, 100, 20, "v.mp4");

  /**
   * Object 1 is hidden in frames 3-4 (absent from ground truth, flagged occluded at 2) and comes
   * back under a new predicted ID at 5: a switch within the occlusion window. Object 2's prediction
   * changes ID at 12, far from any occlusion.
   */
  @Test
  void switchesAreSplitByOcclusionWindow() {
    List<Detection> gt = new ArrayList<>(), pred = new ArrayList<>();
    for (int f = 0; f < 15; f++) {
      if (f != 3 && f != 4)
        gt.add(
            Detection.of(f, 1, "bed_rail", new Box(10, 10, 20, 20))
                .withFlags(f == 2, false, false));
      gt.add(Detection.of(f, 2, "iv_pole", new Box(100, 10, 20, 60)));
      if (f != 3 && f != 4)
        pred.add(Detection.of(f, f < 5 ? 11 : 13, "bed_rail", new Box(11, 10, 20, 20)));
      pred.add(Detection.of(f, f < 12 ? 12 : 14, "iv_pole", new Box(100, 11, 20, 60)));
    }
    AnnotationSet g =
        new AnnotationSet(VIDEO, Provenance.unknown(), List.of("bed_rail", "iv_pole"), gt);
    AnnotationSet p =
        new AnnotationSet(VIDEO, Provenance.unknown(), List.of("bed_rail", "iv_pole"), pred);
    List<OcclusionEvent> events = OcclusionEvents.fromFlags(g);
    assertThat(events)
        .containsExactlyInAnyOrder(
            new OcclusionEvent(1, 2, 2, "occluded", false),
            new OcclusionEvent(1, 3, 4, "unknown", true));
    TrackingSequence seq =
        TrackingSequence.of(g, p, TrackingSequence.Similarity.BOX_IOU, d -> true);
    OcclusionAwareErrors e = OcclusionAwareErrors.of(seq, 0.5, events, 3);
    assertThat(e.switches()).isEqualTo(2);
    assertThat(e.switchesNearOcclusion()).isEqualTo(1);
    // Object 1: predicted 11 before the occlusion, 13 after; object 2: 12 then 14.
    assertThat(e.errors()).contains(new OcclusionAwareErrors.Error("switch", 5, 1, true, 11, 13));
    assertThat(e.errors()).contains(new OcclusionAwareErrors.Error("switch", 12, 2, false, 12, 14));
    // A window of 0 still covers the occlusion itself but not frame 5.
    assertThat(OcclusionAwareErrors.of(seq, 0.5, events, 0).switchesNearOcclusion()).isZero();
  }

  /**
   * gt 1 matched to pred 10 for frames 0-1, then to pred 11: one switch at 2, old 10, new 11; a gap
   * is a fragmentation.
   */
  @Test
  void switchesCarryTheOriginalPredictedIds() {
    List<Detection> gt = new ArrayList<>(), pred = new ArrayList<>();
    for (int f = 0; f < 6; f++) {
      gt.add(Detection.of(f, 1, "bed_rail", new Box(10, 10, 20, 20)));
      if (f != 4) pred.add(Detection.of(f, f < 2 ? 10 : 11, "bed_rail", new Box(10, 10, 20, 20)));
    }
    AnnotationSet g = new AnnotationSet(VIDEO, Provenance.unknown(), List.of("bed_rail"), gt);
    AnnotationSet p = new AnnotationSet(VIDEO, Provenance.unknown(), List.of("bed_rail"), pred);
    TrackingSequence seq =
        TrackingSequence.of(g, p, TrackingSequence.Similarity.BOX_IOU, d -> true);
    OcclusionAwareErrors e =
        OcclusionAwareErrors.of(seq, 0.5, List.of(new OcclusionEvent(1, 1, 1, "person", true)), 0);
    assertThat(e.errors())
        .containsExactly(
            new OcclusionAwareErrors.Error("switch", 2, 1, false, 10, 11),
            new OcclusionAwareErrors.Error("fragmentation", 4, 1, false, -1, -1));
  }
}
