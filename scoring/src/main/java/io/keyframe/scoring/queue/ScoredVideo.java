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
      throw new IllegalArgumentException("combined has " + combined.length + " frames, the video " + scores.frameCount());
  }

  /** The video's ID. */
  public String videoId() {
    return scores.videoId();
  }

  /** Number of frames. */
  public int frameCount() {
    return combined.length;
  }

  /** Signal name -> raw per-frame values (only signals that applied, in {@link SignalWeights#SIGNALS} order). */
  public Map<String, FrameScores> signals() {
    return scores.signals();
  }

  /** Objects per frame (most seen by any source), for the cost model. */
  public int[] objects() {
    return scores.objects();
  }

  /** Per-frame embeddings for de-duplication. */
  public double[][] embeddings() {
    return scores.embeddings();
  }
}
