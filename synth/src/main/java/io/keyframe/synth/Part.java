package io.keyframe.synth;

/**
 * One solid piece of a {@link Sprite}: an axis-aligned rectangle or an ellipse inscribed in one,
 * placed relative to the sprite's top-left corner, with a fill colour. A pixel belongs to the part
 * when its centre lies inside, so masks and renders agree pixel for pixel.
 *
 * @param ellipse true for the ellipse inscribed in the rectangle
 * @param dx left edge relative to the sprite
 * @param dy top edge relative to the sprite
 * @param w width in pixels (> 0)
 * @param h height in pixels (> 0)
 * @param rgb fill colour 0xRRGGBB
 */
public record Part(boolean ellipse, int dx, int dy, int w, int h, int rgb) {
  public Part {
    if (w <= 0 || h <= 0)
      throw new IllegalArgumentException("part size must be positive: " + w + "x" + h);
  }

  /** A filled rectangle. */
  public static Part rect(int dx, int dy, int w, int h, int rgb) {
    return new Part(false, dx, dy, w, h, rgb);
  }

  /** A filled ellipse inscribed in the rectangle. */
  public static Part oval(int dx, int dy, int w, int h, int rgb) {
    return new Part(true, dx, dy, w, h, rgb);
  }

  /**
   * Rows covered in sprite-relative column {@code cx}, as {@code [top, bottom)} relative to the
   * sprite, written into {@code out[0..1]}; false when the column misses the part.
   */
  boolean rows(int cx, int[] out) {
    if (cx < dx || cx >= dx + w) return false;
    if (!ellipse) {
      out[0] = dy;
      out[1] = dy + h;
      return true;
    }
    double a = w / 2.0, b = h / 2.0;
    double u = (cx + 0.5 - dx - a) / a;
    double t = 1 - u * u;
    if (t < 0) return false;
    double half = b * Math.sqrt(t);
    double cy = dy + b;
    // Rows whose centre y + 0.5 lies in [cy - half, cy + half].
    int top = (int) Math.ceil(cy - half - 0.5);
    int bottom = (int) Math.floor(cy + half - 0.5) + 1;
    if (bottom <= top) return false;
    out[0] = top;
    out[1] = bottom;
    return true;
  }
}
