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
    int radius = (int) (boundTh >= 1 ? boundTh : Math.ceil(boundTh * Math.sqrt((double) h * h + (double) w * w)));
    // Work on the column-major (transposed) raster: seg2bmap commutes with transposition (east and
    // south swap roles, as do the last-row and last-column rules) and the disk is symmetric, so
    // the counts are the same without re-ordering pixels.
    int[] pb = boundary(pred), gb = boundary(gt);
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
      // rows = x (w of them), columns = y (h of them)
      boolean[] gtDil = dilate(gb, w, h, dyx);
      boolean[] predDil = dilate(pb, w, h, dyx);
      long fgMatch = 0, gtMatch = 0;
      for (int i : pb) if (gtDil[i]) fgMatch++;
      for (int i : gb) if (predDil[i]) gtMatch++;
      precision = (double) fgMatch / nPred;
      recall = (double) gtMatch / nGt;
    }
    double f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new BoundaryF(precision, recall, f);
  }

  /**
   * seg2bmap on the column-major raster (rows = x): a pixel is boundary when it differs from its
   * next neighbour along the row, the column, or the diagonal; the last row compares along the
   * row only, the last column along the column only, the corner is never boundary. Only the
   * mask's bounding box plus one pixel can hold boundary pixels.
   *
   * @return indices {@code x * h + y} of boundary pixels
   */
  static int[] boundary(Mask m) {
    int h = m.height(), w = m.width();
    var bbox = m.bbox();
    if (bbox.isEmpty()) return new int[0];
    boolean[] seg = m.toColumnMajor();
    int rows = w, cols = h;
    int r0 = Math.max(0, (int) bbox.get().x() - 1), r1 = Math.min(rows - 1, (int) (bbox.get().x() + bbox.get().w()));
    int c0 = Math.max(0, (int) bbox.get().y() - 1), c1 = Math.min(cols - 1, (int) (bbox.get().y() + bbox.get().h()));
    int[] out = new int[64];
    int n = 0;
    for (int r = r0; r <= r1; r++)
      for (int c = c0; c <= c1; c++) {
        int i = r * cols + c;
        boolean s = seg[i];
        boolean lastRow = r == rows - 1, lastCol = c == cols - 1;
        boolean v;
        if (lastRow && lastCol) v = false;
        else if (lastRow) v = s ^ seg[i + 1];
        else if (lastCol) v = s ^ seg[i + cols];
        else v = (s ^ seg[i + 1]) | (s ^ seg[i + cols]) | (s ^ seg[i + cols + 1]);
        if (v) {
          if (n == out.length) out = java.util.Arrays.copyOf(out, 2 * n);
          out[n++] = i;
        }
      }
    return java.util.Arrays.copyOf(out, n);
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

  private static boolean[] dilate(int[] pixels, int rows, int cols, int[] dyx) {
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
