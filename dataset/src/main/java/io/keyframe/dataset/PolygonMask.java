package io.keyframe.dataset;

import java.util.Arrays;
import java.util.List;

/**
 * Rasterises polygons to masks with the pixel rule of pycocotools' {@code frPyObjects} (maskApi.c
 * {@code rleFrPoly}), which CVAT's and Datumaro's COCO conversions use: the outline is walked on a
 * 5x upsampled grid, and a pixel (x, y) is inside when its centre lies between an odd number of
 * crossings of the outline below it in column x (even-odd fill). Several polygons of one annotation
 * are merged as pycocotools' {@code merge} does (union).
 */
public final class PolygonMask {
  private static final double SCALE = 5;

  private PolygonMask() {}

  /** The union of the polygons' masks on an {@code height x width} frame. */
  public static Mask of(List<Polygon> polygons, int height, int width) {
    if (polygons.size() == 1) return of(polygons.get(0), height, width);
    boolean[] union = new boolean[height * width];
    for (Polygon p : polygons) {
      boolean[] px = of(p, height, width).toColumnMajor();
      for (int i = 0; i < px.length; i++) union[i] |= px[i];
    }
    return Mask.fromColumnMajor(height, width, union);
  }

  /** One polygon's mask on an {@code height x width} frame (column-major COCO RLE). */
  public static Mask of(Polygon polygon, int height, int width) {
    int k = polygon.size();
    int[] x = new int[k + 1], y = new int[k + 1];
    for (int j = 0; j < k; j++) {
      x[j] = (int) (SCALE * polygon.x(j) + .5);
      y[j] = (int) (SCALE * polygon.y(j) + .5);
    }
    x[k] = x[0];
    y[k] = y[0];
    // Dense integer points along every edge of the upsampled outline.
    int m = 0;
    for (int j = 0; j < k; j++)
      m += Math.max(Math.abs(x[j] - x[j + 1]), Math.abs(y[j] - y[j + 1])) + 1;
    int[] u = new int[m], v = new int[m];
    m = 0;
    for (int j = 0; j < k; j++) {
      int xs = x[j], xe = x[j + 1], ys = y[j], ye = y[j + 1];
      int dx = Math.abs(xe - xs), dy = Math.abs(ys - ye);
      boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
      if (flip) {
        int t = xs;
        xs = xe;
        xe = t;
        t = ys;
        ys = ye;
        ye = t;
      }
      if (dx >= dy) {
        double s = dx == 0 ? 0 : (double) (ye - ys) / dx;
        for (int d = 0; d <= dx; d++) {
          int t = flip ? dx - d : d;
          u[m] = t + xs;
          v[m] = (int) (ys + s * t + .5);
          m++;
        }
      } else {
        double s = (double) (xe - xs) / dy;
        for (int d = 0; d <= dy; d++) {
          int t = flip ? dy - d : d;
          v[m] = t + ys;
          u[m] = (int) (xs + s * t + .5);
          m++;
        }
      }
    }
    // Where the outline crosses a pixel column's centre line: the first pixel row below the
    // crossing.
    long[] a = new long[m + 1];
    int n = 0;
    for (int j = 1; j < m; j++) {
      if (u[j] == u[j - 1]) continue;
      double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
      xd = (xd + .5) / SCALE - .5;
      if (Math.floor(xd) != xd || xd < 0 || xd > width - 1) continue;
      double yd = Math.min(v[j], v[j - 1]);
      yd = (yd + .5) / SCALE - .5;
      if (yd < 0) yd = 0;
      else if (yd > height) yd = height;
      yd = Math.ceil(yd);
      a[n++] = (long) xd * height + (long) yd;
    }
    a[n++] = (long) height * width;
    long[] sorted = Arrays.copyOf(a, n);
    Arrays.sort(sorted);
    // Crossing positions become alternating background/foreground runs; empty runs merge away.
    int[] runs = new int[n];
    int r = 0;
    long prev = 0;
    long[] diffs = new long[n];
    for (int j = 0; j < n; j++) {
      diffs[j] = sorted[j] - prev;
      prev = sorted[j];
    }
    int j = 0;
    runs[r++] = (int) diffs[j++];
    while (j < n) {
      if (diffs[j] > 0) runs[r++] = (int) diffs[j++];
      else {
        j++;
        if (j < n) runs[r - 1] += (int) diffs[j++];
      }
    }
    return new Mask(height, width, Arrays.copyOf(runs, r));
  }
}
