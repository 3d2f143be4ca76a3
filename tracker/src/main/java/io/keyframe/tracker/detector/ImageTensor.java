package io.keyframe.tracker.detector;

import java.awt.image.BufferedImage;

/** Image to CHW float tensor conversions shared by the detector translators and the SAM 2 loop. */
public final class ImageTensor {
  private ImageTensor() {}

  /**
   * Bilinear resize of {@code image} to {@code size x size}, written as CHW floats into {@code out}
   * at {@code offset}: RGB order scaled by {@code scale} (1/255 for DETR-style models).
   */
  public static void resizedRgb(
      BufferedImage image, int size, float scale, float[] out, int offset) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] px = image.getRGB(0, 0, w, h, null, 0, w);
    int plane = size * size;
    for (int y = 0; y < size; y++) {
      double sy = Math.max(0, Math.min(h - 1, (y + 0.5) * h / size - 0.5));
      int y0 = (int) sy;
      int y1 = Math.min(h - 1, y0 + 1);
      double fy = sy - y0;
      for (int x = 0; x < size; x++) {
        double sx = Math.max(0, Math.min(w - 1, (x + 0.5) * w / size - 0.5));
        int x0 = (int) sx;
        int x1 = Math.min(w - 1, x0 + 1);
        double fx = sx - x0;
        for (int c = 0; c < 3; c++) {
          int shift = 16 - 8 * c;
          double v =
              (1 - fy) * ((1 - fx) * ch(px[y0 * w + x0], shift) + fx * ch(px[y0 * w + x1], shift))
                  + fy * ((1 - fx) * ch(px[y1 * w + x0], shift) + fx * ch(px[y1 * w + x1], shift));
          out[offset + c * plane + y * size + x] = (float) (v * scale);
        }
      }
    }
  }

  /**
   * YOLOX's letterbox: scale by r = min(size/h, size/w) keeping the aspect ratio, place at the top
   * left of a {@code size x size} canvas filled with 114, BGR channel order, values 0..255.
   *
   * @return r, to map boxes back to original pixels
   */
  public static double letterboxBgr(BufferedImage image, int size, float[] out, int offset) {
    int w = image.getWidth();
    int h = image.getHeight();
    double r = Math.min((double) size / h, (double) size / w);
    int nw = (int) (w * r);
    int nh = (int) (h * r);
    int[] px = image.getRGB(0, 0, w, h, null, 0, w);
    int plane = size * size;
    java.util.Arrays.fill(out, offset, offset + 3 * plane, 114f);
    for (int y = 0; y < nh; y++) {
      double sy = Math.max(0, Math.min(h - 1, (y + 0.5) / r - 0.5));
      int y0 = (int) sy;
      int y1 = Math.min(h - 1, y0 + 1);
      double fy = sy - y0;
      for (int x = 0; x < nw; x++) {
        double sx = Math.max(0, Math.min(w - 1, (x + 0.5) / r - 0.5));
        int x0 = (int) sx;
        int x1 = Math.min(w - 1, x0 + 1);
        double fx = sx - x0;
        for (int c = 0; c < 3; c++) {
          int shift = 8 * c; // B, G, R
          double v =
              (1 - fy) * ((1 - fx) * ch(px[y0 * w + x0], shift) + fx * ch(px[y0 * w + x1], shift))
                  + fy * ((1 - fx) * ch(px[y1 * w + x0], shift) + fx * ch(px[y1 * w + x1], shift));
          out[offset + c * plane + y * size + x] = (float) v;
        }
      }
    }
    return r;
  }

  private static int ch(int argb, int shift) {
    return (argb >> shift) & 0xFF;
  }
}
