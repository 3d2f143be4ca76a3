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
 * @param rank 1 = best F1 among the ranked, 0 = not ranked (small sample, or a per-class row)
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

  ScorecardRow withRank(int r) {
    return new ScorecardRow(annotator, label, videos, referenceObjects, annotatorObjects, precision, recall, f1, idSwitches,
        iouVsConsensus, kappaVsConsensus, classAgreement, kappaVsOthers, iouVsOthers, correctionRate, framesPerHour,
        objectsPerHour, costPerVideo, smallSample, r);
  }
}
