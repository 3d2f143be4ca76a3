package io.keyframe.scoring.signal;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.util.List;
import java.util.Map;

/** Hand-built evidence for signal tests. */
final class Fixtures {
  static final List<String> LABELS = List.of("bed_rail", "iv_pole", "monitor");
  static final Video VIDEO = new Video("v1", 30, 100, 100, 4, "");

  private Fixtures() {}

  static Detection det(int frame, int id, String label, double x, double y) {
    return Detection.of(frame, id, label, new Box(x, y, 10, 10));
  }

  static Detection pred(
      int frame, int id, String label, Box box, double score, Map<String, Double> probs) {
    return new Detection(frame, id, label, box, null, score, probs, -1, false, false, false);
  }

  static AnnotationSet labels(String who, List<Detection> ds) {
    return new AnnotationSet(VIDEO, Provenance.annotator(who, null, "test"), LABELS, ds);
  }

  static AnnotationSet model(List<Detection> ds) {
    return new AnnotationSet(VIDEO, Provenance.model("m", "abc", null, "test"), LABELS, ds);
  }

  static VideoEvidence evidence(
      AnnotationSet pred,
      AnnotationSet tracker,
      List<AnnotationSet> ann,
      List<OcclusionEvent> occ) {
    return new VideoEvidence(VIDEO, pred, tracker, ann, occ);
  }
}
