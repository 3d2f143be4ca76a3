package io.keyframe.scoring.signal;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import java.util.List;

/**
 * A cheap per-frame embedding: the class histogram (fraction of the frame's objects per class), the
 * object count (scaled by 1/10), and the box layout as the fraction of box centres in each cell of
 * a 3x3 grid over the image. Two frames with the same classes in the same places are close.
 */
public final class FrameEmbedding {
  /** Grid cells per side for the layout part. */
  static final int GRID = 3;

  private FrameEmbedding() {}

  /** Length of an embedding for {@code classes} classes. */
  public static int dimension(int classes) {
    return classes + 1 + GRID * GRID;
  }

  /**
   * Embeds one frame.
   *
   * @param detections the frame's objects
   * @param classes the class list fixing the histogram order (unknown classes are ignored)
   * @param width image width in pixels
   * @param height image height in pixels
   */
  public static double[] of(
      List<Detection> detections, List<String> classes, int width, int height) {
    double[] v = new double[dimension(classes.size())];
    int n = 0;
    for (Detection d : detections) {
      Box b = d.boxOrMaskBox();
      if (b == null || d.outside()) continue;
      n++;
      int k = classes.indexOf(d.label());
      if (k >= 0) v[k]++;
      int gx = cell(b.centerX() / width);
      int gy = cell(b.centerY() / height);
      v[classes.size() + 1 + gy * GRID + gx]++;
    }
    if (n == 0) return v;
    for (int i = 0; i < classes.size(); i++) v[i] /= n;
    for (int i = classes.size() + 1; i < v.length; i++) v[i] /= n;
    v[classes.size()] = n / 10.0;
    return v;
  }

  private static int cell(double t) {
    return Math.max(0, Math.min(GRID - 1, (int) Math.floor(t * GRID)));
  }

  /** Euclidean distance. */
  public static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
