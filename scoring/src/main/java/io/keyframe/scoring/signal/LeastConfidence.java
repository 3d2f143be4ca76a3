package io.keyframe.scoring.signal;

import java.util.Optional;

/**
 * Least confidence, 1 - p1 of the most likely class (Culotta & McCallum 2005; Settles 2009, sec.
 * 3.1).
 *
 * <p>Per detection of the customer model; a frame's value is its most uncertain detection.
 */
public record LeastConfidence() implements Signal {
  @Override
  public String name() {
    return "least_confidence";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    return Posterior.missing(evidence);
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    return Posterior.perFrameMax(evidence, p -> 1 - p.top1());
  }
}
