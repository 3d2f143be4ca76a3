package io.keyframe.dataset;

/**
 * One closed outline in pixel coordinates, {@code x0, y0, x1, y1, ...} as COCO and CVAT write it.
 * Kept beside the rasterised mask so that a polygon annotation is written back as a polygon.
 */
public record Polygon(FrozenArray.OfDouble xy) {
  public Polygon {
    if (xy.length() < 6 || xy.length() % 2 != 0)
      throw new IllegalArgumentException(
          "a polygon needs at least 3 points (6 numbers), got " + xy.length() + " numbers");
    for (int i = 0; i < xy.length(); i++)
      if (!Double.isFinite(xy.get(i)))
        throw new IllegalArgumentException("polygon coordinate is not finite: " + xy.get(i));
  }

  /** The outline from its numbers {@code x0, y0, x1, y1, ...} (copied). */
  public Polygon(double... xy) {
    this(new FrozenArray.OfDouble(xy));
  }

  /** Number of points. */
  public int size() {
    return xy.length() / 2;
  }

  public double x(int i) {
    return xy.get(2 * i);
  }

  public double y(int i) {
    return xy.get(2 * i + 1);
  }

  /** Tight box around the points (null when they are collinear on an axis). */
  public Box bounds() {
    double x0 = Double.POSITIVE_INFINITY, y0 = x0, x1 = Double.NEGATIVE_INFINITY, y1 = x1;
    for (int i = 0; i < size(); i++) {
      x0 = Math.min(x0, x(i));
      x1 = Math.max(x1, x(i));
      y0 = Math.min(y0, y(i));
      y1 = Math.max(y1, y(i));
    }
    return x1 > x0 && y1 > y0 ? Box.fromCorners(x0, y0, x1, y1) : null;
  }

  /** Area enclosed by the outline (shoelace formula), as COCO tools compute a polygon's area. */
  public double area() {
    double s = 0;
    for (int i = 0, n = size(); i < n; i++) {
      int j = (i + 1) % n;
      s += x(i) * y(j) - x(j) * y(i);
    }
    return Math.abs(s) / 2;
  }
}
