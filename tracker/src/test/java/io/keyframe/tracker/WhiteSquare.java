package io.keyframe.tracker;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * The synthetic clip of the tracker tests and the SAM 2 fixture bundles: a white square on black.
 */
public final class WhiteSquare {
  private WhiteSquare() {}

  /** A {@code size}x{@code size} black RGB frame with a white {@code side}-pixel square at x, y. */
  public static BufferedImage frame(int size, int x, int y, int side) {
    BufferedImage img = blank(size);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(x, y, side, side);
    g.dispose();
    return img;
  }

  /** A {@code size}x{@code size} black RGB frame: the square hidden. */
  public static BufferedImage blank(int size) {
    return new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
  }
}
