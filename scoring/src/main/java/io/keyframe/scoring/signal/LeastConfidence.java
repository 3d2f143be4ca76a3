package io.keyframe.scoring.signal;

/**
 * Least confidence, 1 - p1 of the most likely class (Culotta & McCallum 2005; Settles 2009, sec.
 * 3.1).
 *
 * <p>Per detection of the customer model; the frame value is shared with the other posterior
 * signals ({@code PosteriorSignal}).
 */
public record LeastConfidence() implements PosteriorSignal {
  @Override
  public String name() {
    return "least_confidence";
  }

  @Override
  public double uncertainty(Posterior p) {
    return 1 - p.top1();
  }
}
