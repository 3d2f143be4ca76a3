package io.keyframe.scoring.queue;

import io.keyframe.scoring.signal.FrameScores;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.Map;

/**
 * One video's signals and combined score.
 *
 * @param evidence what was scored
 * @param signals signal name -> raw per-frame values (only signals that applied)
 * @param combined combined score per frame, in [0,1]
 * @param objects objects per frame (most seen by any source), for the cost model
 * @param embeddings per-frame embeddings for de-duplication
 */
public record ScoredVideo(
    VideoEvidence evidence, Map<String, FrameScores> signals, double[] combined, int[] objects, double[][] embeddings) {
  public ScoredVideo {
    // insertion order (SignalWeights.SIGNALS) keeps sums and reasons identical from run to run
    signals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(signals));
  }

  /** The video's ID. */
  public String videoId() {
    return evidence.video().id();
  }

  /** Number of frames. */
  public int frameCount() {
    return combined.length;
  }
}
