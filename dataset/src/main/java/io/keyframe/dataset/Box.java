package io.keyframe.dataset;

/**
 * An axis-aligned box in pixels: top-left corner plus size, continuous coordinates (no +1 pixel
 * convention). The corner may lie outside the image (objects partly out of view); the size may not
 * be zero, negative or non-finite.
 */
public record Box(double x, double y, double w, double h) {
  public Box {
    if (!Double.isFinite(x)) throw new IllegalArgumentException("box x is not finite: " + x);
    if (!Double.isFinite(y)) throw new IllegalArgumentException("box y is not finite: " + y);
    if (!(w > 0) || !Double.isFinite(w))
      throw new IllegalArgumentException("box width must be > 0: " + w);
    if (!(h > 0) || !Double.isFinite(h))
      throw new IllegalArgumentException("box height must be > 0: " + h);
  }

  /** Builds a box from corners (x1, y1) and (x2, y2). */
  public static Box fromCorners(double x1, double y1, double x2, double y2) {
    return new Box(x1, y1, x2 - x1, y2 - y1);
  }

  public double x2() {
    return x + w;
  }

  public double y2() {
    return y + h;
  }

  public double area() {
    return w * h;
  }

  public double centerX() {
    return x + w / 2;
  }

  public double centerY() {
    return y + h / 2;
  }
}
