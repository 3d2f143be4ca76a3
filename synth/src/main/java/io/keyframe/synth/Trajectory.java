package io.keyframe.synth;

import java.util.Arrays;

/**
 * Where a sprite's top-left corner is at each frame: waypoints at increasing frames, linear in
 * between, held before the first and after the last, rounded to whole pixels so that geometry is
 * exact. Waypoints may lie outside the frame (things leaving the view).
 */
public final class Trajectory {
  private final int[] frames;
  private final double[] xs;
  private final double[] ys;

  /** A trajectory through {@code (frames[i], xs[i], ys[i])}; frames strictly increasing. */
  public Trajectory(int[] frames, double[] xs, double[] ys) {
    if (frames.length == 0 || frames.length != xs.length || frames.length != ys.length)
      throw new IllegalArgumentException(
          "a trajectory needs equally many frames, xs and ys (>= 1)");
    for (int i = 1; i < frames.length; i++)
      if (frames[i] <= frames[i - 1])
        throw new IllegalArgumentException(
            "waypoint frames must increase: " + Arrays.toString(frames));
    this.frames = frames.clone();
    this.xs = xs.clone();
    this.ys = ys.clone();
  }

  /** A thing that never moves. */
  public static Trajectory fixed(double x, double y) {
    return new Trajectory(new int[] {0}, new double[] {x}, new double[] {y});
  }

  /** Whole-pixel x at {@code frame}. */
  public int x(int frame) {
    return (int) Math.round(at(xs, frame));
  }

  /** Whole-pixel y at {@code frame}. */
  public int y(int frame) {
    return (int) Math.round(at(ys, frame));
  }

  /** True when the position changes anywhere. */
  public boolean moves() {
    for (int i = 1; i < frames.length; i++) if (xs[i] != xs[0] || ys[i] != ys[0]) return true;
    return false;
  }

  /** Number of waypoints. */
  public int waypoints() {
    return frames.length;
  }

  private double at(double[] v, int frame) {
    if (frame <= frames[0]) return v[0];
    int last = frames.length - 1;
    if (frame >= frames[last]) return v[last];
    int i = Arrays.binarySearch(frames, frame);
    if (i >= 0) return v[i];
    int hi = -i - 1, lo = hi - 1;
    double t = (frame - frames[lo]) / (double) (frames[hi] - frames[lo]);
    return v[lo] + t * (v[hi] - v[lo]);
  }
}
