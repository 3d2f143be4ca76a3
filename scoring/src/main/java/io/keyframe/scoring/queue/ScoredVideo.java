package io.keyframe.scoring.queue;

import io.keyframe.scoring.signal.FrameScores;
import java.util.Map;

/**
 * One video's signals and combined score.
 *
 * @param scores the video's signals and what the queue's rows read ({@link LabelQueue#scoreVideo})
 * @param combined combined score per frame, in [0,1]
 */
public record ScoredVideo(VideoScores scores, double[] combined) {
  public ScoredVideo {
    if (combined.length != scores.frameCount())
      throw new IllegalArgumentException(
          "combined has " + combined.length + " frames, the video " + scores.frameCount());
    combined = combined.clone();
  }

  /** Combined score per frame (a copy; {@link #combined(int)} reads one). */
  @Override
  public double[] combined() {
    return combined.clone();
  }

  /** Combined score of frame {@code f}, in [0,1]. */
  public double combined(int f) {
    return combined[f];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoredVideo v
        && scores.equals(v.scores)
        && java.util.Arrays.equals(combined, v.combined);
  }

  @Override
  public int hashCode() {
    return scores.hashCode() * 31 + java.util.Arrays.hashCode(combined);
  }

  @Override
  public String toString() {
    return "ScoredVideo[" + scores.videoId() + ", " + combined.length + " frames]";
  }

  /** The video's ID. */
  public String videoId() {
    return scores.videoId();
  }

  /** Number of frames. */
  public int frameCount() {
    return combined.length;
  }

  /**
   * Signal name -> raw per-frame values (only signals that applied, in {@link
   * SignalWeights#SIGNALS} order).
   */
  public Map<String, FrameScores> signals() {
    return scores.signals();
  }

  /** Objects per frame (most seen by any source), for the cost model (a copy). */
  public int[] objects() {
    return scores.objects();
  }

  /** Objects on frame {@code f}. */
  public int objects(int f) {
    return scores.objects(f);
  }

  /** Per-frame embeddings for de-duplication (a deep copy). */
  public double[][] embeddings() {
    return scores.embeddings();
  }

  /** Distance between the embeddings of frames {@code f} and {@code g}. */
  public double embeddingDistance(int f, int g) {
    return scores.embeddingDistance(f, g);
  }
}
