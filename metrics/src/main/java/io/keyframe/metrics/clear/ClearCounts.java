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
    if (frames < 0
        || objects < 0
        || predictions < 0
        || matches < 0
        || switches < 0
        || falsePositives < 0
        || misses < 0
        || fragmentations < 0) throw new IllegalArgumentException("negative count");
  }

  /** Nothing evaluated yet. */
  public static ClearCounts zero(Convention convention) {
    return builder(convention).build();
  }

  /** Counts of {@code convention} set by name; every count not set is 0. */
  public static Builder builder(Convention convention) {
    return new Builder(convention);
  }

  /**
   * Names each count where it is set, instead of 17 positional arguments of which most are {@code
   * long}s that the compiler cannot tell apart.
   */
  public static final class Builder {
    private final Convention convention;
    private long frames, objects, predictions, matches, switches, falsePositives, misses;
    private long fragmentations, mostlyTracked, partiallyTracked, mostlyLost, uniqueObjects;
    private long transfers, ascends, migrates;
    private double motpSum;

    private Builder(Convention convention) {
      this.convention = convention;
    }

    /** Frames evaluated. */
    public Builder frames(long v) {
      frames = v;
      return this;
    }

    /** Ground-truth detections. */
    public Builder objects(long v) {
      objects = v;
      return this;
    }

    /** Predicted detections. */
    public Builder predictions(long v) {
      predictions = v;
      return this;
    }

    /** Matched pairs that kept their identity. */
    public Builder matches(long v) {
      matches = v;
      return this;
    }

    /** Matched pairs where the ground truth changed hypothesis. */
    public Builder switches(long v) {
      switches = v;
      return this;
    }

    /** Unmatched predictions. */
    public Builder falsePositives(long v) {
      falsePositives = v;
      return this;
    }

    /** Unmatched ground truth. */
    public Builder misses(long v) {
      misses = v;
      return this;
    }

    /** Interruptions of tracking. */
    public Builder fragmentations(long v) {
      fragmentations = v;
      return this;
    }

    /** Ground-truth tracks tracked most of their life. */
    public Builder mostlyTracked(long v) {
      mostlyTracked = v;
      return this;
    }

    /** Tracks neither mostly tracked nor mostly lost. */
    public Builder partiallyTracked(long v) {
      partiallyTracked = v;
      return this;
    }

    /** Tracks tracked less than 20 % of their life. */
    public Builder mostlyLost(long v) {
      mostlyLost = v;
      return this;
    }

    /** Ground-truth tracks. */
    public Builder uniqueObjects(long v) {
      uniqueObjects = v;
      return this;
    }

    /** py-motmetrics' TRANSFER events. */
    public Builder transfers(long v) {
      transfers = v;
      return this;
    }

    /** py-motmetrics' ASCEND events. */
    public Builder ascends(long v) {
      ascends = v;
      return this;
    }

    /** py-motmetrics' MIGRATE events. */
    public Builder migrates(long v) {
      migrates = v;
      return this;
    }

    /** Sum of matched distances (py-motmetrics) or similarities (TrackEval). */
    public Builder motpSum(double v) {
      motpSum = v;
      return this;
    }

    /** The counts; validated as the canonical constructor validates them. */
    public ClearCounts build() {
      return new ClearCounts(
          convention,
          frames,
          objects,
          predictions,
          matches,
          switches,
          falsePositives,
          misses,
          fragmentations,
          mostlyTracked,
          partiallyTracked,
          mostlyLost,
          uniqueObjects,
          transfers,
          ascends,
          migrates,
          motpSum);
    }
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
    return objects == 0
        ? Double.NaN
        : 1.0 - (double) (misses + switches + falsePositives) / objects;
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
