package io.keyframe.metrics.vos;

import io.keyframe.dataset.Mask;

/**
 * Contour accuracy F (Perazzi et al. 2016, "A Benchmark Dataset and Evaluation Methodology for
 * Video Object Segmentation"), as DAVIS' {@code db_eval_boundary} and SA-V's evaluator: one-pixel
 * boundaries ({@code seg2bmap}), each side dilated by a disk of radius ceil(0.008 × image
 * diagonal), precision = predicted boundary pixels near a true one, recall the converse.
 *
 * @param precision boundary precision
 * @param recall boundary recall
 * @param f harmonic mean (0 when both are 0)
 */
public record BoundaryF(double precision, double recall, double f) {
  /** DAVIS' boundary tolerance as a fraction of the image diagonal. */
  public static final double DAVIS_TOLERANCE = 0.008;

  /** F of a predicted mask against the ground truth with DAVIS' tolerance. */
  public static BoundaryF of(Mask pred, Mask gt) {
    return of(pred, gt, DAVIS_TOLERANCE);
  }

  /** F with tolerance {@code boundTh}: a fraction of the diagonal when &lt; 1, else pixels. */
  public static BoundaryF of(Mask pred, Mask gt, double boundTh) {
    if (pred.height() != gt.height() || pred.width() != gt.width())
      throw new IllegalArgumentException("mask sizes differ");
    int h = gt.height(), w = gt.width();
    int radius =
        (int)
            (boundTh >= 1
                ? boundTh
                : Math.ceil(boundTh * Math.sqrt((double) h * h + (double) w * w)));
    var pBox = pred.bbox();
    var gBox = gt.bbox();
    if (pBox.isEmpty() && gBox.isEmpty()) return new BoundaryF(1, 1, 1);
    // Work on the column-major (transposed) raster, rows = x: seg2bmap commutes with
    // transposition (east and south swap roles, as do the last-row and last-column rules) and the
    // disk is symmetric, so counts are unchanged. Only the union of the bounding boxes, widened by
    // the tolerance, can hold boundary pixels or their dilation.
    int margin = radius + 2;
    double bx0 = Double.MAX_VALUE, by0 = Double.MAX_VALUE, bx1 = -1, by1 = -1;
    for (var b : new java.util.Optional[] {pBox, gBox}) {
      if (b.isEmpty()) continue;
      io.keyframe.dataset.Box box = (io.keyframe.dataset.Box) b.get();
      bx0 = Math.min(bx0, box.x());
      by0 = Math.min(by0, box.y());
      bx1 = Math.max(bx1, box.x() + box.w());
      by1 = Math.max(by1, box.y() + box.h());
    }
    Region reg =
        new Region(
            h,
            w,
            Math.max(0, (int) bx0 - margin),
            Math.min(w - 1, (int) bx1 + margin),
            Math.max(0, (int) by0 - margin),
            Math.min(h - 1, (int) by1 + margin));
    int[] pb = reg.boundary(reg.decode(pred)), gb = reg.boundary(reg.decode(gt));
    long nPred = pb.length, nGt = gb.length;
    double precision, recall;
    if (nPred == 0 && nGt > 0) {
      precision = 1;
      recall = 0;
    } else if (nPred > 0 && nGt == 0) {
      precision = 0;
      recall = 1;
    } else if (nPred == 0) {
      precision = 1;
      recall = 1;
    } else {
      int[] dyx = diskYX(radius);
      boolean[] gtDil = reg.dilate(gb, dyx);
      boolean[] predDil = reg.dilate(pb, dyx);
      long fgMatch = 0, gtMatch = 0;
      for (int i : pb) if (gtDil[i]) fgMatch++;
      for (int i : gb) if (predDil[i]) gtMatch++;
      precision = (double) fgMatch / nPred;
      recall = (double) gtMatch / nGt;
    }
    double f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new BoundaryF(precision, recall, f);
  }

  /** A window of the column-major raster: rows x in [r0, r1], columns y in [c0, c1]. */
  private record Region(int h, int w, int r0, int r1, int c0, int c1) {
    int rows() {
      return r1 - r0 + 1;
    }

    int cols() {
      return c1 - c0 + 1;
    }

    /** The mask's pixels inside the window, straight from the runs. */
    boolean[] decode(Mask m) {
      int cols = cols();
      boolean[] g = new boolean[rows() * cols];
      long pos = 0;
      long lo = (long) r0 * h, hi = (long) (r1 + 1) * h;
      for (int k = 0; k < m.runCount() && pos < hi; k++) {
        int len = m.run(k);
        if ((k & 1) == 1 && pos + len > lo) {
          long a = Math.max(pos, lo), b = Math.min(pos + len, hi);
          for (long p = a; p < b; ) {
            int x = (int) (p / h), y = (int) (p % h);
            long colEnd = Math.min(b, (long) (x + 1) * h);
            int ya = Math.max(y, c0), yb = (int) Math.min(colEnd - (long) x * h - 1, c1);
            int base = (x - r0) * cols - c0;
            for (int yy = ya; yy <= yb; yy++) g[base + yy] = true;
            p = colEnd;
          }
        }
        pos += len;
      }
      return g;
    }

    /**
     * seg2bmap inside the window: a pixel is boundary when it differs from its next neighbour along
     * the row, the column or the diagonal; the image's last row compares along the row only, its
     * last column along the column only, and its corner is never boundary.
     *
     * @return window indices of boundary pixels
     */
    int[] boundary(boolean[] seg) {
      int rows = rows(), cols = cols();
      int[] out = new int[64];
      int n = 0;
      for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
          int i = r * cols + c;
          boolean s = seg[i];
          boolean lastRow = r0 + r == w - 1, lastCol = c0 + c == h - 1;
          // Beyond the window everything is background (the window has a margin around the masks).
          boolean east = c + 1 < cols && seg[i + 1];
          boolean south = r + 1 < rows && seg[i + cols];
          boolean se = c + 1 < cols && r + 1 < rows && seg[i + cols + 1];
          boolean v;
          if (lastRow && lastCol) v = false;
          else if (lastRow) v = s ^ east;
          else if (lastCol) v = s ^ south;
          else v = (s ^ east) | (s ^ south) | (s ^ se);
          if (v) {
            if (n == out.length) out = java.util.Arrays.copyOf(out, 2 * n);
            out[n++] = i;
          }
        }
      return java.util.Arrays.copyOf(out, n);
    }

    boolean[] dilate(int[] pixels, int[] dyx) {
      int rows = rows(), cols = cols();
      boolean[] out = new boolean[rows * cols];
      for (int p : pixels) {
        int r = p / cols, c = p % cols;
        for (int k = 0; k < dyx.length; k += 2) {
          int rr = r + dyx[k], cc = c + dyx[k + 1];
          if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) out[rr * cols + cc] = true;
        }
      }
      return out;
    }
  }

  /** Offsets (dy, dx) of skimage's {@code disk(r)}: dx² + dy² ≤ r². */
  private static int[] diskYX(int r) {
    int n = 0;
    int[] tmp = new int[2 * (2 * r + 1) * (2 * r + 1)];
    for (int dy = -r; dy <= r; dy++)
      for (int dx = -r; dx <= r; dx++)
        if (dx * dx + dy * dy <= r * r) {
          tmp[n++] = dy;
          tmp[n++] = dx;
        }
    return java.util.Arrays.copyOf(tmp, n);
  }
}
