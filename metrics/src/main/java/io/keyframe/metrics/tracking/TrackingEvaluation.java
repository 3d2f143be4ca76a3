package io.keyframe.metrics.tracking;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.metrics.clear.MotAccumulator;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.metrics.sequence.TrackingSequence.Similarity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates predictions against ground truth: CLEAR-MOT and IDF1 with py-motmetrics' rules
 * (distance 1 − IoU, pairs only at IoU ≥ {@code 1 − maxDistance}), HOTA as TrackEval. The overall
 * scope ignores classes, as py-motmetrics does; per-class scopes match only within a class, as
 * TrackEval does.
 *
 * @param similarity box or mask IoU
 * @param maxDistance py-motmetrics' {@code distth} (0.5)
 */
public record TrackingEvaluation(Similarity similarity, double maxDistance) {
  public TrackingEvaluation {
    if (!(maxDistance >= 0 && maxDistance <= 1)) throw new IllegalArgumentException("maxDistance not in [0,1]: " + maxDistance);
  }

  /** Box IoU, threshold 0.5: the MOTChallenge setting. */
  public static TrackingEvaluation standard() {
    return new TrackingEvaluation(Similarity.BOX_IOU, 0.5);
  }

  /** All families on one prepared sequence. */
  public TrackingResult evaluate(TrackingSequence seq, String name) {
    MotAccumulator acc = new MotAccumulator();
    acc.update(seq, maxDistance);
    return new TrackingResult(name, acc.clear(), acc.identity(), Hota.of(seq));
  }

  /** The whole video, classes ignored. */
  public TrackingResult evaluate(AnnotationSet gt, AnnotationSet pred) {
    return evaluate(TrackingSequence.of(gt, pred, similarity, d -> true), gt.video().id());
  }

  /** One result per class present on either side, named {@code video/class}. */
  public List<TrackingResult> perClass(AnnotationSet gt, AnnotationSet pred) {
    Set<String> classes = new LinkedHashSet<>();
    for (Detection d : gt.detections()) classes.add(d.label());
    for (Detection d : pred.detections()) classes.add(d.label());
    List<TrackingResult> out = new ArrayList<>();
    TrackingSequence.perClass(gt, pred, similarity, classes).forEach((c, seq) -> out.add(evaluate(seq, gt.video().id() + "/" + c)));
    return out;
  }

  /** Sums results into one named scope (e.g. OVERALL over videos). */
  public static TrackingResult combine(List<TrackingResult> results, String name) {
    if (results.isEmpty()) return TrackingResult.empty(name);
    // Seeded with the first result, not an empty py-motmetrics one: TrackEval-convention counts
    // (the MOTChallenge protocol) combine too.
    TrackingResult first = results.get(0);
    TrackingResult sum = new TrackingResult(name, first.clear(), first.identity(), first.hota());
    for (int k = 1; k < results.size(); k++) sum = sum.plus(results.get(k), name);
    return sum;
  }
}
