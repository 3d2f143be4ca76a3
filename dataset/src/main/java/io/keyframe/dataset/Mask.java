package io.keyframe.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A binary mask as COCO run-length encoding: column-major (Fortran order) runs that alternate
 * background and foreground, starting with background (the first run may be 0). Both COCO forms are
 * supported: the plain {@code counts} array and the compressed string of pycocotools' {@code
 * rleToString}. Counts must be non-negative and sum to {@code height * width}.
 */
public record Mask(int height, int width, int[] counts) {
  public Mask {
    if (height <= 0 || width <= 0)
      throw new IllegalArgumentException("mask size must be positive: " + height + "x" + width);
    counts = checkedRuns(counts, (long) height * width, "RLE count", "the mask");
  }

  /**
   * A copy of {@code runs} after checking them as run lengths over {@code pixels} pixels (COCO's
   * and CVAT's RLE alike): none negative, summing to the pixel count. {@code run} and {@code area}
   * name them in the message, e.g. "run 2 is negative", "runs sum to 5 but the mask box has 6
   * pixels".
   */
  public static int[] checkedRuns(int[] runs, long pixels, String run, String area) {
    int[] copy = runs.clone();
    long sum = 0;
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] < 0)
        throw new IllegalArgumentException(run + " " + i + " is negative: " + copy[i]);
      sum += copy[i];
    }
    if (sum != pixels)
      throw new IllegalArgumentException(
          run + "s sum to " + sum + " but " + area + " has " + pixels + " pixels");
    return copy;
  }

  /** The runs; a copy, so callers cannot change this mask. */
  @Override
  public int[] counts() {
    return counts.clone();
  }

  /** Number of runs, without copying them. */
  public int runCount() {
    return counts.length;
  }

  /** Run {@code i}, without copying. */
  public int run(int i) {
    return counts[i];
  }

  /** An all-background mask. */
  public static Mask empty(int height, int width) {
    return new Mask(height, width, new int[] {height * width});
  }

  /** Encodes column-major pixels ({@code pixels[x * height + y]}), as pycocotools' encode does. */
  public static Mask fromColumnMajor(int height, int width, boolean[] pixels) {
    if (pixels.length != height * width)
      throw new IllegalArgumentException(
          "expected " + (height * width) + " pixels, got " + pixels.length);
    return new Mask(height, width, runLengths(pixels));
  }

  /**
   * The run lengths of {@code pixels} in their order, alternating background and foreground and
   * starting with background (the first run is 0 when the first pixel is set): COCO's runs over
   * columns, CVAT's over the rows of a box.
   */
  public static int[] runLengths(boolean[] pixels) {
    int[] runs = new int[pixels.length + 1];
    int n = 0;
    boolean current = false;
    int run = 0;
    for (boolean p : pixels) {
      if (p != current) {
        runs[n++] = run;
        run = 0;
        current = p;
      }
      run++;
    }
    runs[n++] = run;
    return Arrays.copyOf(runs, n);
  }

  /** Encodes a row-major raster ({@code pixels[y * width + x]}), the layout of images. */
  public static Mask fromRowMajor(int height, int width, boolean[] pixels) {
    if (pixels.length != height * width)
      throw new IllegalArgumentException(
          "expected " + (height * width) + " pixels, got " + pixels.length);
    boolean[] colMajor = new boolean[pixels.length];
    for (int y = 0; y < height; y++)
      for (int x = 0; x < width; x++) colMajor[x * height + y] = pixels[y * width + x];
    return fromColumnMajor(height, width, colMajor);
  }

  /** Rasterises an axis-aligned box clipped to the frame (pycocotools' frPyObjects on a bbox). */
  public static Mask fromBox(int height, int width, Box box) {
    int x0 = (int) Math.max(0, Math.floor(box.x()));
    int x1 = (int) Math.min(width, Math.ceil(box.x2()));
    int y0 = (int) Math.max(0, Math.floor(box.y()));
    int y1 = (int) Math.min(height, Math.ceil(box.y2()));
    if (x1 <= x0 || y1 <= y0) return empty(height, width);
    int[] runs = new int[2 * (x1 - x0) + 1];
    int n = 0;
    int colH = y1 - y0;
    runs[n++] = x0 * height + y0;
    for (int x = x0; x < x1; x++) {
      runs[n++] = colH;
      if (x < x1 - 1) runs[n++] = height - colH;
    }
    runs[n++] = height * width - ((x1 - 1) * height + y1);
    return new Mask(height, width, canonical(runs, n));
  }

  /**
   * Drops zero-length runs after the first by merging their neighbours, as pycocotools' encoder
   * never emits them; equal masks then have equal counts.
   */
  private static int[] canonical(int[] runs, int n) {
    int[] out = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (runs[i] == 0 && i > 0) {
        if (i + 1 < n && m > 0) {
          out[m - 1] += runs[++i];
        }
        continue;
      }
      out[m++] = runs[i];
    }
    return Arrays.copyOf(out, m);
  }

  /** Decodes to column-major pixels. */
  public boolean[] toColumnMajor() {
    boolean[] out = new boolean[height * width];
    int pos = 0;
    for (int i = 0; i < counts.length; i++) {
      if ((i & 1) == 1) Arrays.fill(out, pos, pos + counts[i], true);
      pos += counts[i];
    }
    return out;
  }

  /** Decodes to a row-major raster. */
  public boolean[] toRowMajor() {
    boolean[] col = toColumnMajor();
    boolean[] out = new boolean[col.length];
    for (int x = 0; x < width; x++)
      for (int y = 0; y < height; y++) out[y * width + x] = col[x * height + y];
    return out;
  }

  /** Foreground pixel count, from the runs alone. */
  public long area() {
    long a = 0;
    for (int i = 1; i < counts.length; i += 2) a += counts[i];
    return a;
  }

  /** Tight bounding box of the foreground, as pycocotools' toBbox; empty for an empty mask. */
  public Optional<Box> bbox() {
    int m = (counts.length / 2) * 2;
    if (m == 0 || area() == 0) return Optional.empty();
    long xs = width, ys = height, xe = 0, ye = 0, cc = 0, xp = 0;
    for (int j = 0; j < m; j++) {
      cc += counts[j];
      long t = cc - (j % 2);
      long y = t % height;
      long x = (t - y) / height;
      if (j % 2 == 0) xp = x;
      else if (xp < x) {
        ys = 0;
        ye = height - 1;
      }
      xs = Math.min(xs, x);
      xe = Math.max(xe, x);
      ys = Math.min(ys, y);
      ye = Math.max(ye, y);
    }
    return Optional.of(new Box(xs, ys, xe - xs + 1, ye - ys + 1));
  }

  /** The compressed string form of pycocotools' {@code rleToString}. */
  public String toCompressedString() {
    StringBuilder s = new StringBuilder(counts.length * 2);
    for (int i = 0; i < counts.length; i++) {
      long x = counts[i];
      if (i > 2) x -= counts[i - 2];
      boolean more = true;
      while (more) {
        int c = (int) (x & 0x1f);
        x >>= 5;
        more = (c & 0x10) != 0 ? x != -1 : x != 0;
        if (more) c |= 0x20;
        s.append((char) (c + 48));
      }
    }
    return s.toString();
  }

  /**
   * Parses the compressed string form of pycocotools' {@code rleFrString}.
   *
   * @throws IllegalArgumentException when the string is not valid RLE for this size
   */
  public static Mask fromCompressedString(int height, int width, String compressed) {
    byte[] s = compressed.getBytes(StandardCharsets.US_ASCII);
    int[] cnts = new int[Math.max(4, s.length)];
    int m = 0;
    int p = 0;
    while (p < s.length) {
      long x = 0;
      int k = 0;
      boolean more = true;
      while (more) {
        if (p >= s.length) throw new IllegalArgumentException("RLE string ends inside a count");
        int c = s[p] - 48;
        if (c < 0 || c > 63)
          throw new IllegalArgumentException("RLE string has an invalid character at " + p);
        x |= (long) (c & 0x1f) << (5 * k);
        more = (c & 0x20) != 0;
        p++;
        k++;
        if (k > 7) throw new IllegalArgumentException("RLE count too long at " + p);
        if (!more && (c & 0x10) != 0) x |= -1L << (5 * k);
      }
      if (m > 2) x += cnts[m - 2];
      if (x < 0 || x > Integer.MAX_VALUE)
        throw new IllegalArgumentException("RLE count " + m + " out of range: " + x);
      cnts[m++] = (int) x;
    }
    return new Mask(height, width, Arrays.copyOf(cnts, m));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mask other
        && height == other.height
        && width == other.width
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * height + width) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Mask[" + height + "x" + width + ", runs=" + counts.length + ", area=" + area() + "]";
  }
}
