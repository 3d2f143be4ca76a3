package io.keyframe.spark.agreement;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.metrics.clear.TrackEvalClear;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.identity.IdentityMatching;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.dataset.Detection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Per-class {@link SequenceCounts} of one prediction set against one reference set of the same video. */
public final class TrackingCounts {
  private TrackingCounts() {}

  /**
   * One sequence per class present on either side (box IoU, TrackEval conventions).
   *
   * @throws io.keyframe.dataset.BadAnnotationException when a side repeats a track ID within a frame
   */
  public static Map<String, SequenceCounts> perLabel(AnnotationSet reference, AnnotationSet prediction, double threshold) {
    TreeSet<String> labels = new TreeSet<>(reference.labels());
    labels.addAll(prediction.labels());
    // Split both sides by class once: filtering the whole video again for every class cost more than
    // the metrics themselves on 50-class videos.
    Map<String, List<Detection>> ref = byLabel(reference), pred = byLabel(prediction);
    Map<String, SequenceCounts> out = new TreeMap<>();
    for (String label : labels) {
      TrackingSequence seq =
          TrackingSequence.of(
              reference.withDetections(ref.getOrDefault(label, List.of())),
              prediction.withDetections(pred.getOrDefault(label, List.of())),
              TrackingSequence.Similarity.BOX_IOU, d -> true);
      out.put(label, new SequenceCounts(TrackEvalClear.of(seq, threshold), IdentityMatching.of(seq, threshold), Hota.of(seq)));
    }
    return out;
  }

  private static Map<String, List<Detection>> byLabel(AnnotationSet set) {
    Map<String, List<Detection>> out = new HashMap<>();
    for (Detection d : set.detections()) out.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(d);
    return out;
  }
}
