package io.keyframe.scoring.queue;

import java.util.List;
import java.util.Map;

/**
 * Signals of a whole batch, normalised together.
 *
 * @param videos per-video scores, in input order
 * @param maxima signal name -> its largest raw value over the batch (the normaliser)
 * @param weights the weights used
 * @param notes signals that could not run on some videos, and why
 */
public record BatchScores(List<ScoredVideo> videos, Map<String, Double> maxima, SignalWeights weights, List<String> notes) {
  public BatchScores {
    videos = List.copyOf(videos);
    maxima = Map.copyOf(maxima);
    notes = List.copyOf(notes);
  }

  /** A signal's normalised value in [0,1] at one frame of one video (0 when it did not run). */
  public double normalised(ScoredVideo v, String signal, int frame) {
    var s = v.signals().get(signal);
    double max = maxima.getOrDefault(signal, 0.0);
    return s == null || max <= 0 ? 0 : s.value(frame) / max;
  }

  /** Total frames. */
  public int frameCount() {
    return videos.stream().mapToInt(ScoredVideo::frameCount).sum();
  }
}
