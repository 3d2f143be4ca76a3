package io.keyframe.metrics.iou;

import io.keyframe.dataset.Mask;

/**
 * Intersection over union of two COCO RLE masks computed on the runs themselves (a merge of the two
 * run lists, as pycocotools' {@code rleIou} does), never decoding to pixels. Two empty masks have
 * IoU 0, as in pycocotools; DAVIS' J counts them as 1, see {@link #jaccard}.
 */
public final class MaskIou {
  private MaskIou() {}

  /** Foreground pixels shared by both masks. */
  public static long intersection(Mask a, Mask b) {
    requireSameSize(a, b);
    int na = a.runCount(), nb = b.runCount();
    // Start "before" run 0 in the foreground state, so that loading run 0 flips to background.
    int ia = -1, ib = -1;
    long ra = 0, rb = 0;
    boolean va = true, vb = true;
    while (ra == 0 && ++ia < na) {
      ra = a.run(ia);
      va = !va;
    }
    while (rb == 0 && ++ib < nb) {
      rb = b.run(ib);
      vb = !vb;
    }
    long inter = 0;
    while (ia < na && ib < nb) {
      long step = Math.min(ra, rb);
      if (va && vb) inter += step;
      ra -= step;
      rb -= step;
      while (ra == 0 && ++ia < na) {
        ra = a.run(ia);
        va = !va;
      }
      while (rb == 0 && ++ib < nb) {
        rb = b.run(ib);
        vb = !vb;
      }
    }
    return inter;
  }

  /** IoU in [0,1]; 0 when both masks are empty (pycocotools). */
  public static double of(Mask a, Mask b) {
    long inter = intersection(a, b);
    long union = a.area() + b.area() - inter;
    return union > 0 ? (double) inter / union : 0.0;
  }

  /** DAVIS region similarity J: IoU, but 1 when both masks are empty. */
  public static double jaccard(Mask a, Mask b) {
    long inter = intersection(a, b);
    long union = a.area() + b.area() - inter;
    return union > 0 ? (double) inter / union : 1.0;
  }

  /** Row-major IoU matrix {@code gt.length x pred.length}. */
  public static double[] matrix(Mask[] gt, Mask[] pred) {
    long[] areaP = new long[pred.length];
    for (int j = 0; j < pred.length; j++) areaP[j] = pred[j].area();
    double[] out = new double[gt.length * pred.length];
    for (int i = 0; i < gt.length; i++) {
      long areaG = gt[i].area();
      for (int j = 0; j < pred.length; j++) {
        long inter = intersection(gt[i], pred[j]);
        long union = areaG + areaP[j] - inter;
        out[i * pred.length + j] = union > 0 ? (double) inter / union : 0.0;
      }
    }
    return out;
  }

  private static void requireSameSize(Mask a, Mask b) {
    if (a.height() != b.height() || a.width() != b.width())
      throw new IllegalArgumentException(
          "mask sizes differ: "
              + a.height()
              + "x"
              + a.width()
              + " vs "
              + b.height()
              + "x"
              + b.width());
  }
}
