package io.keyframe.tracker;

/** Receives progress of a long tracking run, so a CLI can draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores all progress. */
  ProgressListener NONE = (done, total, fps, etaSeconds) -> {};

  /**
   * Called after each processed frame.
   *
   * @param framesDone frames processed so far
   * @param framesTotal frames to process in all
   * @param framesPerSecond throughput so far
   * @param etaSeconds estimated seconds left
   */
  void onProgress(int framesDone, int framesTotal, double framesPerSecond, double etaSeconds);

  /** A small stopwatch that turns frame counts into frames/s and ETA for a listener. */
  final class Meter {
    private final ProgressListener listener;
    private final int total;
    private final long start = System.nanoTime();

    public Meter(ProgressListener listener, int total) {
      this.listener = listener == null ? NONE : listener;
      this.total = total;
    }

    /** Reports {@code done} frames. */
    public void frameDone(int done) {
      double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
      double fps = done / seconds;
      listener.onProgress(done, total, fps, fps > 0 ? (total - done) / fps : Double.NaN);
    }

    /** Frames per second so far over {@code done} frames. */
    public double fps(int done) {
      return done / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }
  }
}
