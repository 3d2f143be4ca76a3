package io.keyframe.scoring.signal;

import java.util.Optional;

/**
 * A signal over each model detection's class posterior (Settles 2009, Active Learning Literature
 * Survey, sec. 3.1): a frame's value is its most uncertain detection, and detections within half of
 * that are the objects behind it. The three differ only in the uncertainty they take.
 */
sealed interface PosteriorSignal extends Signal permits Entropy, Margin, LeastConfidence {

  /** The uncertainty of one detection's posterior (0 = certain). */
  double uncertainty(Posterior p);

  @Override
  default Optional<String> inapplicable(VideoEvidence evidence) {
    return Posterior.missing(evidence);
  }

  @Override
  default FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    return Posterior.perFrameMax(evidence, this::uncertainty);
  }
}
