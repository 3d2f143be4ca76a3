package io.keyframe.scoring.qa;

import java.util.Objects;

/**
 * One annotator's quality and speed, for all classes ({@link #ALL}) or one class.
 *
 * @param videos videos this annotator labelled
 * @param referenceObjects reference objects (ground truth or consensus) in those videos
 * @param annotatorObjects objects the annotator drew
 * @param precision class-aware, vs the reference, with CI
 * @param recall class-aware, vs the reference, with CI
 * @param f1 harmonic mean of precision and recall (point value)
 * @param hota class-aware HOTA vs the reference (per-class counts summed), with CI
 * @param idSwitches identity switches against the reference (CLEAR-MOT)
 * @param iouVsConsensus mean IoU of matched shapes vs the consensus of the other annotators' labels
 *     and theirs, with CI
 * @param kappaVsConsensus Cohen's kappa on classes of matched shapes vs the consensus (all-class
 *     rows only), with CI
 * @param classAgreement share of consensus objects of this class (all classes for {@link #ALL})
 *     that the annotator matched and gave the same class
 * @param kappaVsOthers Cohen's kappa vs the other annotators of the same videos, pooled
 * @param iouVsOthers mean IoU vs the other annotators
 * @param correctionRate share of pre-annotated objects changed, deleted or added (NaN without one)
 * @param framesPerHour video frames per logged hour (NaN without a time log)
 * @param objectsPerHour objects drawn per logged hour
 * @param costPerVideo logged hours per video times the hourly rate
 * @param smallSample true when there is too little data to rank
 * @param rank 1 = best HOTA among the ranked, 0 = not ranked (small sample, or a per-class row)
 */
public record ScorecardRow(
    String annotator,
    String label,
    int videos,
    long referenceObjects,
    long annotatorObjects,
    Estimate precision,
    Estimate recall,
    double f1,
    Estimate hota,
    long idSwitches,
    Estimate iouVsConsensus,
    Estimate kappaVsConsensus,
    double classAgreement,
    double kappaVsOthers,
    double iouVsOthers,
    double correctionRate,
    double framesPerHour,
    double objectsPerHour,
    double costPerVideo,
    boolean smallSample,
    int rank) {
  /** The label of rows over all classes. */
  public static final String ALL = "__all__";

  public ScorecardRow {
    Objects.requireNonNull(annotator, "annotator");
    Objects.requireNonNull(label, "label");
  }

  ScorecardRow withAnnotator(String name) {
    return toBuilder().annotator(name).build();
  }

  ScorecardRow withRank(int r) {
    return toBuilder().rank(r).build();
  }

  /** A row of {@code annotator} and {@code label} to fill in by name; see {@link Builder}. */
  public static Builder builder(String annotator, String label) {
    return new Builder().annotator(annotator).label(label);
  }

  /** A builder holding this row's values, to change a few of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.annotator = annotator;
    b.label = label;
    b.videos = videos;
    b.referenceObjects = referenceObjects;
    b.annotatorObjects = annotatorObjects;
    b.precision = precision;
    b.recall = recall;
    b.f1 = f1;
    b.hota = hota;
    b.idSwitches = idSwitches;
    b.iouVsConsensus = iouVsConsensus;
    b.kappaVsConsensus = kappaVsConsensus;
    b.classAgreement = classAgreement;
    b.kappaVsOthers = kappaVsOthers;
    b.iouVsOthers = iouVsOthers;
    b.correctionRate = correctionRate;
    b.framesPerHour = framesPerHour;
    b.objectsPerHour = objectsPerHour;
    b.costPerVideo = costPerVideo;
    b.smallSample = smallSample;
    b.rank = rank;
    return b;
  }

  /**
   * Sets a row's 21 values by name (they are mostly doubles and estimates the compiler cannot tell
   * apart by position). Estimates not set are NaN, doubles NaN, counts 0, not small, not ranked.
   */
  public static final class Builder {
    private String annotator;
    private String label;
    private int videos;
    private long referenceObjects;
    private long annotatorObjects;
    private Estimate precision = Estimate.of(Double.NaN);
    private Estimate recall = Estimate.of(Double.NaN);
    private double f1 = Double.NaN;
    private Estimate hota = Estimate.of(Double.NaN);
    private long idSwitches;
    private Estimate iouVsConsensus = Estimate.of(Double.NaN);
    private Estimate kappaVsConsensus = Estimate.of(Double.NaN);
    private double classAgreement = Double.NaN;
    private double kappaVsOthers = Double.NaN;
    private double iouVsOthers = Double.NaN;
    private double correctionRate = Double.NaN;
    private double framesPerHour = Double.NaN;
    private double objectsPerHour = Double.NaN;
    private double costPerVideo = Double.NaN;
    private boolean smallSample;
    private int rank;

    private Builder() {}

    /** See {@link ScorecardRow#annotator()}. */
    public Builder annotator(String v) {
      annotator = v;
      return this;
    }

    /** See {@link ScorecardRow#label()}. */
    public Builder label(String v) {
      label = v;
      return this;
    }

    /** See {@link ScorecardRow#videos()}. */
    public Builder videos(int v) {
      videos = v;
      return this;
    }

    /** See {@link ScorecardRow#referenceObjects()}. */
    public Builder referenceObjects(long v) {
      referenceObjects = v;
      return this;
    }

    /** See {@link ScorecardRow#annotatorObjects()}. */
    public Builder annotatorObjects(long v) {
      annotatorObjects = v;
      return this;
    }

    /** See {@link ScorecardRow#precision()}. */
    public Builder precision(Estimate v) {
      precision = v;
      return this;
    }

    /** See {@link ScorecardRow#recall()}. */
    public Builder recall(Estimate v) {
      recall = v;
      return this;
    }

    /** See {@link ScorecardRow#f1()}. */
    public Builder f1(double v) {
      f1 = v;
      return this;
    }

    /** See {@link ScorecardRow#hota()}. */
    public Builder hota(Estimate v) {
      hota = v;
      return this;
    }

    /** See {@link ScorecardRow#idSwitches()}. */
    public Builder idSwitches(long v) {
      idSwitches = v;
      return this;
    }

    /** See {@link ScorecardRow#iouVsConsensus()}. */
    public Builder iouVsConsensus(Estimate v) {
      iouVsConsensus = v;
      return this;
    }

    /** See {@link ScorecardRow#kappaVsConsensus()}. */
    public Builder kappaVsConsensus(Estimate v) {
      kappaVsConsensus = v;
      return this;
    }

    /** See {@link ScorecardRow#classAgreement()}. */
    public Builder classAgreement(double v) {
      classAgreement = v;
      return this;
    }

    /** See {@link ScorecardRow#kappaVsOthers()}. */
    public Builder kappaVsOthers(double v) {
      kappaVsOthers = v;
      return this;
    }

    /** See {@link ScorecardRow#iouVsOthers()}. */
    public Builder iouVsOthers(double v) {
      iouVsOthers = v;
      return this;
    }

    /** See {@link ScorecardRow#correctionRate()}. */
    public Builder correctionRate(double v) {
      correctionRate = v;
      return this;
    }

    /** See {@link ScorecardRow#framesPerHour()}. */
    public Builder framesPerHour(double v) {
      framesPerHour = v;
      return this;
    }

    /** See {@link ScorecardRow#objectsPerHour()}. */
    public Builder objectsPerHour(double v) {
      objectsPerHour = v;
      return this;
    }

    /** See {@link ScorecardRow#costPerVideo()}. */
    public Builder costPerVideo(double v) {
      costPerVideo = v;
      return this;
    }

    /** See {@link ScorecardRow#smallSample()}. */
    public Builder smallSample(boolean v) {
      smallSample = v;
      return this;
    }

    /** See {@link ScorecardRow#rank()}. */
    public Builder rank(int v) {
      rank = v;
      return this;
    }

    public ScorecardRow build() {
      return new ScorecardRow(
          annotator,
          label,
          videos,
          referenceObjects,
          annotatorObjects,
          precision,
          recall,
          f1,
          hota,
          idSwitches,
          iouVsConsensus,
          kappaVsConsensus,
          classAgreement,
          kappaVsOthers,
          iouVsOthers,
          correctionRate,
          framesPerHour,
          objectsPerHour,
          costPerVideo,
          smallSample,
          rank);
    }
  }
}
