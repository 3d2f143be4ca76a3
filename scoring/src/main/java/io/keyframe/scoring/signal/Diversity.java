package io.keyframe.scoring.signal;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import java.util.List;
import java.util.Optional;

/**
 * Diversity by k-center greedy over cheap frame embeddings (Sener &amp; Savarese 2018, A Core-Set
 * Approach): a frame's value is its distance to the nearest earlier centre when greedy took it, or
 * to the nearest centre when it was not taken, so near-identical frames score near 0 and unusual
 * layouts score high. The first centre (frame 0) gets its distance to the nearest other centre.
 *
 * @param centres how many centres greedy takes per video (bounds the cost at frames x centres)
 */
public record Diversity(int centres) implements Signal {
  public Diversity {
    if (centres < 1) throw new IllegalArgumentException("centres must be >= 1: " + centres);
  }

  /** Default: 64 centres per video. */
  public Diversity() {
    this(64);
  }

  @Override
  public String name() {
    return "diversity";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    return MissingInput.when(
        source(evidence) == null,
        "needs labels, model predictions or tracker output to embed frames");
  }

  private static AnnotationSet source(VideoEvidence e) {
    if (e.labels().isPresent()) return e.labels().get();
    return e.predictions() != null ? e.predictions() : e.tracker();
  }

  /** Embeddings of every frame of the video (labels, else predictions, else tracker). */
  public static double[][] embeddings(VideoEvidence evidence) {
    List<List<Detection>> frames = evidence.perFrame(source(evidence));
    List<String> classes = evidence.labelNames();
    double[][] out = new double[frames.size()][];
    for (int f = 0; f < frames.size(); f++)
      out[f] =
          FrameEmbedding.of(
              frames.get(f), classes, evidence.video().width(), evidence.video().height());
    return out;
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    double[][] emb = embeddings(evidence);
    FrameScores.Builder b = new FrameScores.Builder(emb.length);
    if (emb.length == 0) return b.build();
    KCenterGreedy g = KCenterGreedy.select(emb, centres, 0);
    int first = g.centre(0);
    // The first centre has no earlier one; how unusual it is = its distance to the nearest other
    // centre (the centres cover every frame), not a stand-in maximum that would queue frame 0 of
    // every video.
    double firstValue = Double.POSITIVE_INFINITY;
    for (int c : g.order().toArray())
      if (c != first)
        firstValue = Math.min(firstValue, FrameEmbedding.distance(emb[first], emb[c]));
    if (!Double.isFinite(firstValue)) firstValue = 0;
    for (int f = 0; f < emb.length; f++) b.max(f, f == first ? firstValue : g.radius(f));
    return b.build();
  }
}
