package io.keyframe.scoring.qa;

import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import java.util.Objects;

/**
 * How scorecards are computed.
 *
 * @param matchIou IoU at which an annotator's shape matches a reference or consensus shape
 * @param unchangedIou a pre-annotated shape kept at this IoU or more (same class) counts as not
 *     corrected
 * @param minVideos fewer videos than this: flagged as a small sample and not ranked
 * @param minObjects fewer reference objects than this: flagged and not ranked
 * @param hourlyRate cost of one annotator hour (any currency), for cost per video
 * @param bootstrap resampling of videos for the confidence intervals
 * @param consensus how the consensus reference is built
 * @param leaveOneOut without ground truth and with three or more annotators, score each annotator
 *     against the consensus of the <em>others</em>, so nobody's own labels pull the reference
 *     toward them
 */
public record ScorecardOptions(
    double matchIou,
    double unchangedIou,
    int minVideos,
    int minObjects,
    double hourlyRate,
    PercentileBootstrap bootstrap,
    ConsensusOptions consensus,
    boolean leaveOneOut) {
  public ScorecardOptions {
    requireIou("matchIou", matchIou);
    requireIou("unchangedIou", unchangedIou);
    if (minVideos < 1 || minObjects < 0)
      throw new IllegalArgumentException("minVideos must be >= 1 and minObjects >= 0");
    if (!(hourlyRate >= 0) || !Double.isFinite(hourlyRate))
      throw new IllegalArgumentException("hourlyRate must be >= 0");
    Objects.requireNonNull(bootstrap, "bootstrap");
    Objects.requireNonNull(consensus, "consensus");
  }

  private static void requireIou(String name, double iou) {
    if (!(iou > 0 && iou <= 1)) throw new IllegalArgumentException(name + " not in (0,1]: " + iou);
  }

  /**
   * IoU 0.5, unchanged at 0.9, at least 3 videos and 100 objects, rate 0, 1000 replicates 95 %,
   * leave-one-out consensus reference.
   */
  public static ScorecardOptions defaults() {
    return new ScorecardOptions(
        0.5, 0.9, 3, 100, 0, PercentileBootstrap.standard(), ConsensusOptions.defaults(), true);
  }

  public ScorecardOptions withBootstrap(PercentileBootstrap b) {
    return new ScorecardOptions(
        matchIou, unchangedIou, minVideos, minObjects, hourlyRate, b, consensus, leaveOneOut);
  }

  public ScorecardOptions withHourlyRate(double rate) {
    return new ScorecardOptions(
        matchIou, unchangedIou, minVideos, minObjects, rate, bootstrap, consensus, leaveOneOut);
  }

  public ScorecardOptions withMinimums(int videos, int objects) {
    return new ScorecardOptions(
        matchIou, unchangedIou, videos, objects, hourlyRate, bootstrap, consensus, leaveOneOut);
  }

  public ScorecardOptions withLeaveOneOut(boolean on) {
    return new ScorecardOptions(
        matchIou, unchangedIou, minVideos, minObjects, hourlyRate, bootstrap, consensus, on);
  }
}
