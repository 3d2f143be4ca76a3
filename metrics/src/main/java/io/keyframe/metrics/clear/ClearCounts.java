package io.keyframe.metrics.clear;

/**
 * Summed CLEAR-MOT counts of one sequence or of several combined; every ratio is derived from
 * these, so per-video, per-class and batch roll-ups share one code path.
 *
 * @param convention whose conventions produced the counts (they are not mixed in {@link #plus})
 * @param frames frames evaluated
 * @param objects ground-truth detections
 * @param predictions predicted detections
 * @param matches matched pairs that kept their identity
 * @param switches matched pairs where the ground truth changed hypothesis (ID switches)
 * @param falsePositives unmatched predictions
 * @param misses unmatched ground truth
 * @param fragmentations interruptions of tracking, see {@link Convention}
 * @param mostlyTracked ground-truth tracks tracked most of their life
 * @param partiallyTracked the others that are not mostly lost
 * @param mostlyLost tracked less than 20 % of their life
 * @param uniqueObjects ground-truth tracks
 * @param transfers py-motmetrics' TRANSFER events (a hypothesis moves to another object)
 * @param ascends py-motmetrics' ASCEND events (a switch to a never-seen hypothesis)
 * @param migrates py-motmetrics' MIGRATE events (a transfer to a never-matched object)
 * @param motpSum sum of matched distances (py-motmetrics) or similarities (TrackEval)
 */
public record ClearCounts(
    Convention convention,
    long frames,
    long objects,
    long predictions,
    long matches,
    long switches,
    long falsePositives,
    long misses,
    long fragmentations,
    long mostlyTracked,
    long partiallyTracked,
    long mostlyLost,
    long uniqueObjects,
    long transfers,
    long ascends,
    long migrates,
    double motpSum) {

  public ClearCounts {
    if (convention == null) throw new IllegalArgumentException("convention is null");
    if (frames < 0 || objects < 0 || predictions < 0 || matches < 0 || switches < 0
        || falsePositives < 0 || misses < 0 || fragmentations < 0)
      throw new IllegalArgumentException("negative count");
  }

  /** Nothing evaluated yet. */
  public static ClearCounts zero(Convention convention) {
    return new ClearCounts(convention, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0);
  }

  /** Counts of two disjoint sequences (or classes) together. */
  public ClearCounts plus(ClearCounts o) {
    if (o.convention != convention)
      throw new IllegalArgumentException("cannot combine " + convention + " with " + o.convention);
    return new ClearCounts(
        convention,
        frames + o.frames,
        objects + o.objects,
        predictions + o.predictions,
        matches + o.matches,
        switches + o.switches,
        falsePositives + o.falsePositives,
        misses + o.misses,
        fragmentations + o.fragmentations,
        mostlyTracked + o.mostlyTracked,
        partiallyTracked + o.partiallyTracked,
        mostlyLost + o.mostlyLost,
        uniqueObjects + o.uniqueObjects,
        transfers + o.transfers,
        ascends + o.ascends,
        migrates + o.migrates,
        motpSum + o.motpSum);
  }

  /** Matched pairs, switches included (py-motmetrics' num_detections, TrackEval's CLR_TP). */
  public long detections() {
    return matches + switches;
  }

  /**
   * 1 − (FN + IDSW + FP) / GT. Without ground truth it is undefined: NaN under py-motmetrics;
   * TrackEval divides by max(1, GT) instead, giving −(FP + IDSW).
   */
  public double mota() {
    if (convention == Convention.TRACKEVAL)
      return (double) (detections() - falsePositives - switches) / Math.max(1, objects);
    return objects == 0 ? Double.NaN : 1.0 - (double) (misses + switches + falsePositives) / objects;
  }

  /**
   * Mean matched distance (py-motmetrics, NaN without matches) or mean matched similarity
   * (TrackEval, 0 without matches).
   */
  public double motp() {
    if (convention == Convention.TRACKEVAL) return motpSum / Math.max(1, detections());
    return detections() == 0 ? Double.NaN : motpSum / detections();
  }

  /** Matched / ground truth. */
  public double recall() {
    return objects == 0 ? Double.NaN : (double) detections() / objects;
  }

  /** Matched / (matched + false positives). */
  public double precision() {
    long d = detections() + falsePositives;
    return d == 0 ? Double.NaN : (double) detections() / d;
  }

  /** (TP − FP) / GT, MOTA without identity. */
  public double moda() {
    return objects == 0 ? Double.NaN : (double) (detections() - falsePositives) / objects;
  }
}
