package io.keyframe.scoring.realdata;

import io.keyframe.dataset.AnnotationSet;
import java.util.List;
import java.util.Objects;

/**
 * One real sequence: its ground truth (already filtered to what is evaluated), the tracker output
 * delivered as pre-annotations, and other trackers' outputs on the same sequence (second opinions).
 *
 * @param name sequence name, e.g. {@code MOT17-09-FRCNN}
 * @param groundTruth evaluated ground truth: rows with conf (marking) != 0 and class 1 (pedestrian)
 * @param delivered the tracker output whose errors are counted and queued
 * @param deliveredTracker name of the delivered tracker
 * @param secondOpinions other trackers' outputs on the sequence (may be empty)
 * @param ignoredGtRows ground-truth rows left out by the filter (distractors, non-pedestrians, conf
 *     0)
 */
public record RealSequence(
    String name,
    AnnotationSet groundTruth,
    AnnotationSet delivered,
    String deliveredTracker,
    List<AnnotationSet> secondOpinions,
    int ignoredGtRows) {
  public RealSequence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(groundTruth, "groundTruth");
    Objects.requireNonNull(delivered, "delivered");
    secondOpinions = List.copyOf(secondOpinions);
    if (!delivered.video().id().equals(groundTruth.video().id()))
      throw new IllegalArgumentException(
          "tracker output of "
              + delivered.video().id()
              + " paired with ground truth of "
              + groundTruth.video().id());
  }

  /** Frames of the sequence (seqinfo.ini's seqLength). */
  public int frameCount() {
    return groundTruth.video().frameCount();
  }
}
