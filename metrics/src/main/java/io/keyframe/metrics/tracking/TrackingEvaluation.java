package io.keyframe.metrics.tracking;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.metrics.clear.Convention;
import io.keyframe.metrics.clear.MotAccumulator;
import io.keyframe.metrics.clear.TrackEvalClear;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.identity.IdentityMatching;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.metrics.sequence.TrackingSequence.Similarity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evaluates predictions against ground truth with every tracking metric family at once, under one
 * {@link Convention}: CLEAR-MOT and identity with py-motmetrics' rules (distance 1 − IoU, pairs
 * only at distance ≤ {@code 1 − threshold}) or TrackEval's (pairs at similarity ≥ {@code
 * threshold}), HOTA as TrackEval under both. The whole-video scope ignores classes, as
 * py-motmetrics does; per-class scopes match only within a class, as TrackEval does. The result is
 * summable counts ({@link TrackingCounts}); {@link TrackingMetric} reads every ratio off them.
 *
 * @param similarity box or mask IoU
 * @param threshold IoU a match needs (0.5 in both tools; py-motmetrics' {@code distth} is 1 − it)
 * @param convention whose CLEAR-MOT and identity rules to reproduce
 */
public record TrackingEvaluation(Similarity similarity, double threshold, Convention convention) {
  public TrackingEvaluation {
    if (similarity == null) throw new IllegalArgumentException("similarity is null");
    if (convention == null) throw new IllegalArgumentException("convention is null");
    if (!(threshold >= 0 && threshold <= 1))
      throw new IllegalArgumentException("threshold not in [0,1]: " + threshold);
  }

  /** Box IoU, threshold 0.5, py-motmetrics' rules: the {@code mot-metrics} setting. */
  public static TrackingEvaluation standard() {
    return new TrackingEvaluation(Similarity.BOX_IOU, 0.5, Convention.PY_MOTMETRICS);
  }

  /**
   * Box IoU with TrackEval's rules (its THRESHOLD is 0.5): the Spark jobs' and MOTChallenge
   * protocol's setting.
   */
  public static TrackingEvaluation trackEval(double threshold) {
    return new TrackingEvaluation(Similarity.BOX_IOU, threshold, Convention.TRACKEVAL);
  }

  /** Every family's counts on one prepared sequence. */
  public TrackingCounts counts(TrackingSequence seq) {
    if (convention == Convention.TRACKEVAL)
      return new TrackingCounts(
          TrackEvalClear.of(seq, threshold), IdentityMatching.of(seq, threshold), Hota.of(seq));
    MotAccumulator acc = new MotAccumulator();
    acc.update(seq, 1 - threshold);
    return new TrackingCounts(acc.clear(), acc.identity(), Hota.of(seq));
  }

  /** All families on one prepared sequence, named. */
  public ScopeCounts evaluate(TrackingSequence seq, String name) {
    return new ScopeCounts(name, counts(seq));
  }

  /** The whole video, classes ignored. */
  public ScopeCounts evaluate(AnnotationSet gt, AnnotationSet pred) {
    return evaluate(TrackingSequence.of(gt, pred, similarity, d -> true), gt.video().id());
  }

  /**
   * One result per class present on either side, named {@code video/class}, in order of first
   * appearance.
   */
  public List<ScopeCounts> perClass(AnnotationSet gt, AnnotationSet pred) {
    Set<String> classes = new LinkedHashSet<>();
    for (Detection d : gt.detections()) classes.add(d.label());
    for (Detection d : pred.detections()) classes.add(d.label());
    List<ScopeCounts> out = new ArrayList<>();
    TrackingSequence.perClass(gt, pred, similarity, classes)
        .forEach((c, seq) -> out.add(evaluate(seq, gt.video().id() + "/" + c)));
    return out;
  }

  /**
   * Counts per class of either side's label list, sorted by class: the units the Spark jobs sum
   * into video, class and batch roll-ups.
   *
   * @throws io.keyframe.dataset.BadAnnotationException when a side repeats a track ID within a
   *     frame
   */
  public Map<String, TrackingCounts> perLabel(AnnotationSet reference, AnnotationSet prediction) {
    TreeSet<String> labels = new TreeSet<>(reference.labels());
    labels.addAll(prediction.labels());
    Map<String, TrackingCounts> out = new TreeMap<>();
    TrackingSequence.perClass(reference, prediction, similarity, labels)
        .forEach((label, seq) -> out.put(label, counts(seq)));
    return out;
  }

  /** Sums results into one named scope (e.g. OVERALL over videos). */
  public static ScopeCounts combine(List<ScopeCounts> results, String name) {
    if (results.isEmpty()) return ScopeCounts.empty(name);
    // Seeded with the first result, not an empty py-motmetrics one: TrackEval-convention counts
    // (the MOTChallenge protocol) combine too.
    ScopeCounts sum = new ScopeCounts(name, results.get(0).counts());
    for (int k = 1; k < results.size(); k++) sum = sum.plus(results.get(k), name);
    return sum;
  }
}
