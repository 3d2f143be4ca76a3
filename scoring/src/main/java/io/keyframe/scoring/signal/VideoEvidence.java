package io.keyframe.scoring.signal;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about one video that signals score: the customer model's predictions, the
 * tracker's output, one or more annotators' labels and occlusion events. Any part may be missing;
 * signals that need it say so through {@link Signal#inapplicable}.
 *
 * @param video the video (its frame count sets the length of every score array)
 * @param predictions customer-model detections, ideally with class probabilities; null if none
 * @param tracker tracker (SAM2 or fallback) output; null if none
 * @param annotators labels by annotators; the first is the label set being delivered
 * @param occlusions occlusion events (from the tracker, the generator manifest or CVAT flags)
 */
public record VideoEvidence(
    Video video,
    AnnotationSet predictions,
    AnnotationSet tracker,
    List<AnnotationSet> annotators,
    List<OcclusionEvent> occlusions) {

  public VideoEvidence {
    Objects.requireNonNull(video, "video");
    annotators = annotators == null ? List.of() : List.copyOf(annotators);
    occlusions = occlusions == null ? List.of() : List.copyOf(occlusions);
    List<AnnotationSet> all = new ArrayList<>(annotators);
    if (predictions != null) all.add(predictions);
    if (tracker != null) all.add(tracker);
    for (AnnotationSet s : all)
      if (!s.video().id().equals(video.id()))
        throw new IllegalArgumentException(
            "annotation set from "
                + s.provenance().source()
                + " belongs to another video; group sets by video first");
  }

  /**
   * Number of frames scored: the video's frame count, or 1 + the last annotated frame when the
   * count is unknown (0).
   */
  public int frameCount() {
    if (video.frameCount() > 0) return video.frameCount();
    int last = -1;
    for (AnnotationSet s : sets())
      for (Detection d : s.detections()) last = Math.max(last, d.frame());
    return last + 1;
  }

  /** The label set being delivered (first annotator), if any. */
  public Optional<AnnotationSet> labels() {
    return annotators.isEmpty() ? Optional.empty() : Optional.of(annotators.get(0));
  }

  /** Every non-null annotation set: annotators, then predictions, then tracker. */
  public List<AnnotationSet> sets() {
    List<AnnotationSet> all = new ArrayList<>(annotators);
    if (predictions != null) all.add(predictions);
    if (tracker != null) all.add(tracker);
    return all;
  }

  /** Class list across all sets, in first-seen order. */
  public List<String> labelNames() {
    List<String> out = new ArrayList<>();
    for (AnnotationSet s : sets()) for (String l : s.labels()) if (!out.contains(l)) out.add(l);
    return out;
  }

  /**
   * Detections of {@code set} by frame, as an array indexed by frame (frames outside the video
   * dropped).
   */
  List<List<Detection>> perFrame(AnnotationSet set) {
    int n = frameCount();
    List<List<Detection>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(new ArrayList<>());
    if (set == null) return out;
    for (Map.Entry<Integer, List<Detection>> e : set.byFrame().entrySet())
      if (e.getKey() < n) out.get(e.getKey()).addAll(e.getValue());
    return out;
  }
}
