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
    RunCursor ca = new RunCursor(a), cb = new RunCursor(b);
    long inter = 0;
    while (!ca.done() && !cb.done()) {
      long step = Math.min(ca.left, cb.left);
      if (ca.foreground && cb.foreground) inter += step;
      ca.consume(step);
      cb.consume(step);
    }
    return inter;
  }

  /** IoU in [0,1]; 0 when both masks are empty (pycocotools). */
  public static double of(Mask a, Mask b) {
    return iou(a, b, 0.0);
  }

  /** DAVIS region similarity J: IoU, but 1 when both masks are empty. */
  public static double jaccard(Mask a, Mask b) {
    return iou(a, b, 1.0);
  }

  private static double iou(Mask a, Mask b, double bothEmpty) {
    long inter = intersection(a, b);
    long union = a.area() + b.area() - inter;
    return union > 0 ? (double) inter / union : bothEmpty;
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

  /**
   * A position in a mask's runs, which alternate background and foreground starting with
   * background; zero-length runs are skipped.
   */
  private static final class RunCursor {
    private final Mask mask;
    private final int runs;
    // Start "before" run 0 in the foreground state, so that loading run 0 flips to background.
    private int index = -1;
    private long left;
    private boolean foreground = true;

    RunCursor(Mask mask) {
      this.mask = mask;
      this.runs = mask.runCount();
      consume(0);
    }

    boolean done() {
      return index >= runs;
    }

    /** Moves {@code pixels} (at most what is left of the current run) forward. */
    void consume(long pixels) {
      left -= pixels;
      while (left == 0 && ++index < runs) {
        left = mask.run(index);
        foreground = !foreground;
      }
    }
  }
}
