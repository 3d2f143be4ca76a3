package io.keyframe.scoring.signal;

import java.util.Optional;

/**
 * Shannon entropy of the class posterior, in nats (Settles 2009, Active Learning Literature Survey,
 * sec. 3.1).
 *
 * <p>Per detection of the customer model; a frame's value is its most uncertain detection.
 */
public record Entropy() implements Signal {
  @Override
  public String name() {
    return "entropy";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    return Posterior.missing(evidence);
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    return Posterior.perFrameMax(evidence, Posterior::entropy);
  }
}
