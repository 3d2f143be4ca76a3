package io.keyframe.synth;

import io.keyframe.dataset.Mask;
import java.util.Arrays;

/**
 * Builds a COCO RLE (column-major runs, background first) from foreground row intervals given
 * column by column, left to right and top to bottom: no raster is ever allocated.
 */
final class ColumnRle {
  private final int height;
  private final int width;
  private int[] runs = new int[64];
  private int n;

  /** Pixel index just after the last foreground run. */
  private long end;

  ColumnRle(int height, int width) {
    this.height = height;
    this.width = width;
  }

  void reset() {
    n = 0;
    end = 0;
  }

  /** Adds the foreground rows {@code [top, bottom)} of column {@code x}. */
  void add(int x, int top, int bottom) {
    if (bottom <= top) return;
    long start = (long) x * height + top;
    if (start < end) throw new IllegalStateException("intervals out of order at column " + x);
    if (n > 0 && start == end) {
      runs[n - 1] += bottom - top; // touches the previous run across a column boundary
    } else {
      ensure(n + 2);
      runs[n++] = (int) (start - end);
      runs[n++] = bottom - top;
    }
    end = start + (bottom - top);
  }

  /** Adds every interval of {@code spans} in column {@code x}. */
  void add(int x, Spans spans) {
    for (int i = 0; i < spans.size(); i++) add(x, spans.lo(i), spans.hi(i));
  }

  Mask toMask() {
    long total = (long) height * width;
    int[] out = Arrays.copyOf(runs, n + 1);
    out[n] = (int) (total - end);
    if (n == 0) out = new int[] {(int) total};
    return new Mask(height, width, out);
  }

  private void ensure(int cap) {
    if (cap > runs.length) runs = Arrays.copyOf(runs, Math.max(cap, runs.length * 2));
  }
}
