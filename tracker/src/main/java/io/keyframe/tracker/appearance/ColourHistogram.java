package io.keyframe.tracker.appearance;

import io.keyframe.dataset.Box;
import java.awt.image.BufferedImage;

/**
 * A normalised joint RGB histogram (4x4x4 bins) of a box's pixels, sampled on a grid of at most
 * 24x24 points so its cost does not grow with box size; compared by the Bhattacharyya distance
 * (Comaniciu, Ramesh & Meer, "Kernel-based object tracking", PAMI 2003). The centre of the box is
 * weighted more than its border, which is more often background or an occluder.
 */
public final class ColourHistogram {
  /** Number of bins. */
  public static final int BINS = 64;

  private static final int SAMPLES = 24;

  private ColourHistogram() {}

  /** The histogram of {@code box} in {@code image}, or null when the box lies outside the image. */
  public static double[] of(BufferedImage image, Box box) {
    int x0 = (int) Math.max(0, Math.floor(box.x()));
    int y0 = (int) Math.max(0, Math.floor(box.y()));
    int x1 = (int) Math.min(image.getWidth(), Math.ceil(box.x2()));
    int y1 = (int) Math.min(image.getHeight(), Math.ceil(box.y2()));
    if (x1 - x0 < 1 || y1 - y0 < 1) return null;
    double[] hist = new double[BINS];
    double total = 0;
    int nx = Math.min(SAMPLES, x1 - x0);
    int ny = Math.min(SAMPLES, y1 - y0);
    for (int iy = 0; iy < ny; iy++) {
      double fy = (iy + 0.5) / ny;
      int y = y0 + (int) (fy * (y1 - y0));
      for (int ix = 0; ix < nx; ix++) {
        double fx = (ix + 0.5) / nx;
        int x = x0 + (int) (fx * (x1 - x0));
        int rgb = image.getRGB(x, y);
        int bin = (((rgb >> 22) & 3) << 4) | (((rgb >> 14) & 3) << 2) | ((rgb >> 6) & 3);
        // Epanechnikov-like weight: 1 at the centre, 0.25 at the corners.
        double dx = 2 * fx - 1;
        double dy = 2 * fy - 1;
        double w = 1 - 0.375 * (dx * dx + dy * dy);
        hist[bin] += w;
        total += w;
      }
    }
    for (int i = 0; i < BINS; i++) hist[i] /= total;
    return hist;
  }

  /** Bhattacharyya distance sqrt(1 - BC) in [0,1]; 0 for identical histograms. */
  public static double distance(double[] a, double[] b) {
    double bc = 0;
    for (int i = 0; i < BINS; i++) bc += Math.sqrt(a[i] * b[i]);
    return Math.sqrt(Math.max(0, 1 - Math.min(1, bc)));
  }

  /**
   * Blends {@code update} into {@code model} in place with weight {@code alpha} (exponential
   * average).
   */
  public static void blend(double[] model, double[] update, double alpha) {
    for (int i = 0; i < BINS; i++) model[i] = (1 - alpha) * model[i] + alpha * update[i];
  }
}
