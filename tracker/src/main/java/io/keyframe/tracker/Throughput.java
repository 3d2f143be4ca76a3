package io.keyframe.tracker;

/** A stopwatch that turns a count of processed frames into frames per second. */
public final class Throughput {
  private final long start = System.nanoTime();

  /** Frames per second over {@code frames} frames since construction. */
  public double fps(long frames) {
    return frames / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
  }
}
