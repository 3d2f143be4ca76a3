package io.keyframe.scoring.signal;

/**
 * Shannon entropy of the class posterior, in nats (Settles 2009, Active Learning Literature Survey,
 * sec. 3.1).
 *
 * <p>Per detection of the customer model; the frame value is shared with the other posterior
 * signals ({@code PosteriorSignal}).
 */
public record Entropy() implements PosteriorSignal {
  @Override
  public String name() {
    return "entropy";
  }

  @Override
  public double uncertainty(Posterior p) {
    return p.entropy();
  }
}
