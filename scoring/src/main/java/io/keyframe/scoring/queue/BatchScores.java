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
public record BatchScores(
    List<ScoredVideo> videos,
    Map<String, Double> maxima,
    SignalWeights weights,
    List<String> notes) {
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

  /** One row of the {@code signals} Parquet table: a signal's raw value on one frame. */
  public record SignalRow(String videoId, int frame, String signal, double value) {}

  /**
   * Every non-zero raw signal value, video by video, frame by frame (the {@code signals} table).
   */
  public List<SignalRow> signalRows() {
    List<SignalRow> out = new java.util.ArrayList<>();
    for (ScoredVideo v : videos)
      for (int f = 0; f < v.frameCount(); f++)
        for (var e : v.signals().entrySet())
          if (e.getValue().value(f) > 0)
            out.add(new SignalRow(v.videoId(), f, e.getKey(), e.getValue().value(f)));
    return out;
  }

  /** Total frames. */
  public int frameCount() {
    return videos.stream().mapToInt(ScoredVideo::frameCount).sum();
  }
}
