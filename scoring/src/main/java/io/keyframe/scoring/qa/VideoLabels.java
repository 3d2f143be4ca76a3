package io.keyframe.scoring.qa;

import io.keyframe.dataset.AnnotationSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything known about one video for scoring its annotators.
 *
 * @param reference expert or ground-truth labels, or null (then the annotators' consensus is the
 *     reference)
 * @param preAnnotation the model's pre-annotation the annotators started from, or null
 * @param annotators one set per annotator (provenance source = annotator ID)
 */
public record VideoLabels(AnnotationSet reference, AnnotationSet preAnnotation, List<AnnotationSet> annotators) {
  public VideoLabels {
    annotators = List.copyOf(annotators);
    if (annotators.isEmpty()) throw new IllegalArgumentException("no annotator labels for a video");
    var video = annotators.get(0).video();
    Set<String> seen = new HashSet<>();
    for (AnnotationSet s : annotators) {
      ObjectMatching.requireSameVideo(video, s.video());
      if (!seen.add(s.provenance().source()))
        throw new IllegalArgumentException("two annotation sets from " + s.provenance().source() + " for video " + video.id());
    }
    if (reference != null) ObjectMatching.requireSameVideo(video, reference.video());
    if (preAnnotation != null) ObjectMatching.requireSameVideo(video, preAnnotation.video());
    if (reference == null && annotators.size() < 2)
      throw new IllegalArgumentException(
          "video " + video.id() + " has one annotator (" + annotators.get(0).provenance().source()
              + ") and no reference: nothing to score against");
  }

  public String videoId() {
    return annotators.get(0).video().id();
  }
}
