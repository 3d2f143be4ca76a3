package io.keyframe.metrics.iou;

import io.keyframe.dataset.Box;

/**
 * Intersection over union of axis-aligned boxes, with the arithmetic of py-motmetrics' {@code
 * boxiou} and TrackEval's {@code _calculate_box_ious} (corners first, then extents), so that values
 * at the 0.5 matching threshold fall on the same side as in the references.
 */
public final class BoxIou {
  private BoxIou() {}

  /** IoU of two boxes, in [0,1]. */
  public static double of(Box a, Box b) {
    return of(
        a.x(), a.y(), a.x() + a.w(), a.y() + a.h(), b.x(), b.y(), b.x() + b.w(), b.y() + b.h());
  }

  /** IoU of two boxes given as corners (x1,y1,x2,y2). */
  public static double of(
      double ax1,
      double ay1,
      double ax2,
      double ay2,
      double bx1,
      double by1,
      double bx2,
      double by2) {
    double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
    double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
    if (iw <= 0 || ih <= 0) return 0.0;
    double inter = iw * ih;
    double areaA = Math.max(ax2 - ax1, 0) * Math.max(ay2 - ay1, 0);
    double areaB = Math.max(bx2 - bx1, 0) * Math.max(by2 - by1, 0);
    double union = areaA + areaB - inter;
    return union > 0 ? inter / union : 0.0;
  }

  /**
   * Row-major IoU matrix of {@code gt.length x pred.length} boxes given as corner arrays {@code
   * [x1,y1,x2,y2, x1,y1,x2,y2, ...]}; written into {@code out} (reused across frames to avoid
   * garbage in the hot loop).
   */
  public static void matrix(double[] gt, int nGt, double[] pred, int nPred, double[] out) {
    int n = nGt * nPred;
    java.util.Arrays.fill(out, 0, n, 0.0);
    int[] index = new int[n];
    double[] value = new double[n];
    int m = nonZero(gt, nGt, pred, nPred, index, value);
    for (int k = 0; k < m; k++) out[index[k]] = value[k];
  }

  /**
   * The non-zero entries of {@link #matrix}'s IoU matrix, without writing its zeros: their
   * row-major indices, ascending, into {@code index} and their IoUs into {@code value} (each at
   * least {@code nGt * nPred} long, or as long as the overlapping pairs can be); returns how many
   * there are. The values are {@link #matrix}'s, bit for bit.
   */
  public static int nonZero(
      double[] gt, int nGt, double[] pred, int nPred, int[] index, double[] value) {
    int n = 0;
    for (int i = 0; i < nGt; i++) {
      double ax1 = gt[4 * i], ay1 = gt[4 * i + 1], ax2 = gt[4 * i + 2], ay2 = gt[4 * i + 3];
      if (ax2 <= ax1 || ay2 <= ay1) continue; // an empty box overlaps nothing
      double areaA = Math.max(ax2 - ax1, 0) * Math.max(ay2 - ay1, 0);
      int row = i * nPred;
      for (int j = 0; j < nPred; j++) {
        double bx1 = pred[4 * j], bx2 = pred[4 * j + 2];
        // min(a2, b2) - max(a1, b1) <= 0 exactly when some right edge is at or left of some left
        // edge (a difference of doubles is <= 0 iff a <= b): most pairs of a frame are told apart
        // by comparisons, without the min/max calls.
        if (ax2 <= bx1 || bx2 <= ax1 || bx2 <= bx1) continue;
        double by1 = pred[4 * j + 1], by2 = pred[4 * j + 3];
        if (ay2 <= by1 || by2 <= ay1 || by2 <= by1) continue;
        double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (iw <= 0 || ih <= 0) continue;
        double inter = iw * ih;
        double areaB = Math.max(bx2 - bx1, 0) * Math.max(by2 - by1, 0);
        double union = areaA + areaB - inter;
        double iou = union > 0 ? inter / union : 0.0;
        if (iou != 0) {
          index[n] = row + j;
          value[n++] = iou;
        }
      }
    }
    return n;
  }

  /** Corner array {@code [x1,y1,x2,y2,...]} of boxes, the input of {@link #matrix}. */
  public static double[] corners(Box[] boxes) {
    double[] c = new double[4 * boxes.length];
    for (int i = 0; i < boxes.length; i++) {
      c[4 * i] = boxes[i].x();
      c[4 * i + 1] = boxes[i].y();
      c[4 * i + 2] = boxes[i].x() + boxes[i].w();
      c[4 * i + 3] = boxes[i].y() + boxes[i].h();
    }
    return c;
  }
}
