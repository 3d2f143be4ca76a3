package io.keyframe.dataset;

/**
 * Receives progress of long work (frames, videos, rows) so the CLI can draw a bar with rate and
 * ETA. Implementations must be cheap and thread-safe; callers report at most a few times a second
 * or per unit of work.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores all progress. */
  ProgressListener NONE = (stage, done, total) -> {};

  /**
   * @param stage short name of the work ("generate", "track", ...); never an identifier of a video
   * @param done units finished so far
   * @param total units in all, or -1 when unknown
   */
  void progress(String stage, long done, long total);
}
