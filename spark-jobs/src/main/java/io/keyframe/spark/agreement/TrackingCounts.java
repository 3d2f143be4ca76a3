package io.keyframe.spark.agreement;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.metrics.clear.TrackEvalClear;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.identity.IdentityMatching;
import io.keyframe.metrics.sequence.TrackingSequence;
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
    Map<String, SequenceCounts> out = new TreeMap<>();
    TrackingSequence.perClass(reference, prediction, TrackingSequence.Similarity.BOX_IOU, labels)
        .forEach((label, seq) -> out.put(label, new SequenceCounts(TrackEvalClear.of(seq, threshold), IdentityMatching.of(seq, threshold), Hota.of(seq))));
    return out;
  }
}
