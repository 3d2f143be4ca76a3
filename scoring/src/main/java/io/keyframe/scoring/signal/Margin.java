package io.keyframe.scoring.signal;

/**
 * Margin uncertainty, 1 - (p1 - p2) over the two most likely classes (Scheffer et al. 2001; Settles
 * 2009, sec. 3.1).
 *
 * <p>Per detection of the customer model; the frame value is shared with the other posterior
 * signals ({@code PosteriorSignal}).
 */
public record Margin() implements PosteriorSignal {
  @Override
  public String name() {
    return "margin";
  }

  @Override
  public double uncertainty(Posterior p) {
    return 1 - (p.top1() - p.top2());
  }
}
