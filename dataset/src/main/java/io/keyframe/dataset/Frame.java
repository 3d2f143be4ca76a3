package io.keyframe.dataset;

import java.awt.image.BufferedImage;
import java.util.Objects;

/** One decoded frame (0-based index) with its pixels. Pixels never go to logs. */
public record Frame(int index, BufferedImage image) {
  public Frame {
    if (index < 0) throw new IllegalArgumentException("frame index is negative: " + index);
    Objects.requireNonNull(image, "image");
  }

  public int width() {
    return image.getWidth();
  }

  public int height() {
    return image.getHeight();
  }
}
