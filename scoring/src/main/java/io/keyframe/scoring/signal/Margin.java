package io.keyframe.scoring.signal;

import java.util.Optional;

/**
 * Margin uncertainty, 1 - (p1 - p2) over the two most likely classes (Scheffer et al. 2001; Settles
 * 2009, sec. 3.1).
 *
 * <p>Per detection of the customer model; a frame's value is its most uncertain detection.
 */
public record Margin() implements Signal {
  @Override
  public String name() {
    return "margin";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    return Posterior.missing(evidence);
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    return Posterior.perFrameMax(evidence, p -> 1 - (p.top1() - p.top2()));
  }
}
