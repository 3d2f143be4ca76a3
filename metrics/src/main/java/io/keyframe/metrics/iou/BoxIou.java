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
    XBuckets buckets = nPred >= XBuckets.MIN_PREDICTIONS ? XBuckets.of(pred, nPred) : null;
    int n = 0;
    int[] hitJ = buckets == null ? null : new int[nPred];
    double[] hitIou = buckets == null ? null : new double[nPred];
    for (int i = 0; i < nGt; i++) {
      double ax1 = gt[4 * i], ay1 = gt[4 * i + 1], ax2 = gt[4 * i + 2], ay2 = gt[4 * i + 3];
      if (ax2 <= ax1 || ay2 <= ay1) continue; // an empty box overlaps nothing
      double areaA = Math.max(ax2 - ax1, 0) * Math.max(ay2 - ay1, 0);
      int row = i * nPred;
      if (buckets == null || !(Math.abs(ax1) < XBuckets.LIMIT && Math.abs(ax2) < XBuckets.LIMIT)) {
        for (int j = 0; j < nPred; j++) {
          double iou = pairIou(ax1, ay1, ax2, ay2, areaA, pred, j);
          if (iou != 0) {
            index[n] = row + j;
            value[n++] = iou;
          }
        }
        continue;
      }
      // Only the predictions whose left edge can lie within this box's reach are tried; the hits
      // come bucket by bucket and are put back in column order.
      int hits = 0;
      for (int b = buckets.bucket(ax1 - buckets.cell), last = buckets.bucket(ax2); b <= last; b++)
        for (int t = buckets.start[b]; t < buckets.start[b + 1]; t++) {
          int j = buckets.order[t];
          // Most candidates miss in x: told apart here, without a call.
          if (ax2 <= pred[4 * j] || pred[4 * j + 2] <= ax1) continue;
          double iou = pairIou(ax1, ay1, ax2, ay2, areaA, pred, j);
          if (iou == 0) continue;
          int h = hits++;
          while (h > 0 && hitJ[h - 1] > j) {
            hitJ[h] = hitJ[h - 1];
            hitIou[h] = hitIou[h - 1];
            h--;
          }
          hitJ[h] = j;
          hitIou[h] = iou;
        }
      for (int h = 0; h < hits; h++) {
        index[n] = row + hitJ[h];
        value[n++] = hitIou[h];
      }
    }
    return n;
  }

  /** IoU of box a (corners, area) and prediction j: {@link #matrix}'s arithmetic. */
  private static double pairIou(
      double ax1, double ay1, double ax2, double ay2, double areaA, double[] pred, int j) {
    double bx1 = pred[4 * j], bx2 = pred[4 * j + 2];
    // min(a2, b2) - max(a1, b1) <= 0 exactly when some right edge is at or left of some left edge
    // (a difference of doubles is <= 0 iff a <= b): most pairs of a frame are told apart by
    // comparisons, without the min/max calls.
    if (ax2 <= bx1 || bx2 <= ax1 || bx2 <= bx1) return 0.0;
    double by1 = pred[4 * j + 1], by2 = pred[4 * j + 3];
    if (ay2 <= by1 || by2 <= ay1 || by2 <= by1) return 0.0;
    double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
    double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
    if (iw <= 0 || ih <= 0) return 0.0;
    double inter = iw * ih;
    double areaB = Math.max(bx2 - bx1, 0) * Math.max(by2 - by1, 0);
    double union = areaA + areaB - inter;
    return union > 0 ? inter / union : 0.0;
  }

  /**
   * Predictions bucketed by left edge ({@code x1}), each bucket in column order, cells at least as
   * wide as the widest prediction plus one: a prediction overlaps a box [ax1, ax2) in x only if its
   * left edge is in (ax1 - widest, ax2), so only buckets {@code bucket(ax1 - cell) .. bucket(ax2)}
   * can hold one. Bucket numbers grow with x (floating-point division and floor are monotonic), so
   * no overlapping prediction is left out; the one-pixel margin covers the rounding of {@code ax1 -
   * cell} for coordinates below {@link #LIMIT}. Predictions with an empty or non-finite box overlap
   * nothing and are left out.
   */
  private static final class XBuckets {
    /** Below this many predictions a frame is scanned whole. */
    static final int MIN_PREDICTIONS = 24;

    /** Coordinates this large or larger (or non-finite) are scanned whole. */
    static final double LIMIT = 1e12;

    final double origin, cell;
    final int[] start, order;

    private XBuckets(double origin, double cell, int[] start, int[] order) {
      this.origin = origin;
      this.cell = cell;
      this.start = start;
      this.order = order;
    }

    static XBuckets of(double[] pred, int nPred) {
      double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, widest = 0;
      boolean[] kept = new boolean[nPred];
      int nKept = 0;
      for (int j = 0; j < nPred; j++) {
        double x1 = pred[4 * j], x2 = pred[4 * j + 2], y1 = pred[4 * j + 1], y2 = pred[4 * j + 3];
        if (!(x2 > x1 && y2 > y1)) continue; // empty or NaN: overlaps nothing
        if (!(Math.abs(x1) < LIMIT && Math.abs(x2) < LIMIT)) return null;
        kept[j] = true;
        nKept++;
        min = Math.min(min, x1);
        max = Math.max(max, x1);
        widest = Math.max(widest, x2 - x1);
      }
      if (nKept == 0) return new XBuckets(0, 1, new int[] {0, 0}, new int[0]);
      int count = nKept;
      double cell = Math.max(widest + 1, (max - min) / count + 1);
      int buckets = (int) ((max - min) / cell) + 1;
      int[] start = new int[buckets + 1];
      for (int j = 0; j < nPred; j++)
        if (kept[j]) start[(int) Math.floor((pred[4 * j] - min) / cell) + 1]++;
      for (int b = 0; b < buckets; b++) start[b + 1] += start[b];
      int[] fill = java.util.Arrays.copyOf(start, buckets);
      int[] order = new int[nKept];
      for (int j = 0; j < nPred; j++)
        if (kept[j]) order[fill[(int) Math.floor((pred[4 * j] - min) / cell)]++] = j;
      return new XBuckets(min, cell, start, order);
    }

    /** The bucket of left edge x, clamped to the buckets there are. */
    int bucket(double x) {
      double b = Math.floor((x - origin) / cell);
      return (int) Math.max(0, Math.min(start.length - 2, b));
    }
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
