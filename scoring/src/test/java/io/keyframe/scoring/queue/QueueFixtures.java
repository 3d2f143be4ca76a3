package io.keyframe.scoring.queue;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.List;

final class QueueFixtures {
  static final List<String> LABELS = List.of("iv_pole", "monitor");

  private QueueFixtures() {}

  /**
   * 20 frames, one steady track 1 (class flips to monitor at flipAt, or never if < 0), one
   * occlusion 8..9.
   */
  static VideoEvidence video(String id, int flipAt) {
    Video v = new Video(id, 30, 100, 100, 20, "");
    List<Detection> ds = new ArrayList<>();
    for (int f = 0; f < 20; f++)
      ds.add(
          Detection.of(
              f, 1, flipAt >= 0 && f >= flipAt ? "monitor" : "iv_pole", new Box(10, 10, 10, 10)));
    AnnotationSet labels = new AnnotationSet(v, Provenance.annotator("a", null, "t"), LABELS, ds);
    return new VideoEvidence(
        v, null, null, List.of(labels), List.of(new OcclusionEvent(1, 8, 9, "person", true)));
  }
}
