package io.keyframe.dataset.cvat;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.FrozenArray;
import io.keyframe.dataset.Mask;

/**
 * A mask as CVAT writes it: run lengths over the rows of the box {@code left, top, width, height}
 * (row-major), alternating background and foreground, starting with background.
 */
public record CvatRle(int left, int top, int width, int height, FrozenArray.OfInt runs) {
  public CvatRle {
    if (left < 0 || top < 0)
      throw new IllegalArgumentException("mask box starts outside the frame: " + left + "," + top);
    if (width <= 0 || height <= 0)
      throw new IllegalArgumentException("mask box size must be positive: " + width + "x" + height);
    Mask.checkedRuns(runs.toArray(), (long) width * height, "run", "the mask box");
  }

  /** The box and its runs (copied). */
  public CvatRle(int left, int top, int width, int height, int[] runs) {
    this(left, top, width, height, new FrozenArray.OfInt(runs));
  }

  /**
   * CVAT's form of {@code mask}: the tight box of its foreground. An empty mask becomes a 1x1
   * all-background box at the origin, which CVAT can carry and which decodes back to empty.
   */
  public static CvatRle of(Mask mask) {
    Box b = mask.bbox().orElse(null);
    if (b == null) return new CvatRle(0, 0, 1, 1, new int[] {1});
    int left = (int) b.x(), top = (int) b.y(), w = (int) b.w(), h = (int) b.h();
    boolean[] col = mask.toColumnMajor();
    int fh = mask.height();
    boolean[] boxRows = new boolean[w * h];
    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++) boxRows[y * w + x] = col[(left + x) * fh + top + y];
    return new CvatRle(left, top, w, h, Mask.runLengths(boxRows));
  }

  /** The full-frame COCO mask; the box must lie inside the frame. */
  public Mask toMask(int frameHeight, int frameWidth) {
    if (left + width > frameWidth || top + height > frameHeight)
      throw new IllegalArgumentException(
          "mask box "
              + left
              + ","
              + top
              + " "
              + width
              + "x"
              + height
              + " exceeds the frame "
              + frameWidth
              + "x"
              + frameHeight);
    boolean[] col = new boolean[frameHeight * frameWidth];
    int pos = 0;
    for (int i = 0; i < runs.length(); i++) {
      if ((i & 1) == 1)
        for (int k = pos; k < pos + runs.get(i); k++)
          col[(left + k % width) * frameHeight + top + k / width] = true;
      pos += runs.get(i);
    }
    return Mask.fromColumnMajor(frameHeight, frameWidth, col);
  }

  /** The {@code rle} attribute text, as CVAT prints it ({@code "3, 5, 2"}). */
  public String runsText() {
    StringBuilder s = new StringBuilder(runs.length() * 4);
    for (int i = 0; i < runs.length(); i++) {
      if (i > 0) s.append(", ");
      s.append(runs.get(i));
    }
    return s.toString();
  }

  /** Parses the {@code rle} attribute text. */
  public static int[] parseRuns(String text) {
    String[] parts = text.split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i].trim());
    return out;
  }
}
