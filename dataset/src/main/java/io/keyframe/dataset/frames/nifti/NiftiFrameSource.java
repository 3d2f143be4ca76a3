package io.keyframe.dataset.frames.nifti;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Frame;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.frames.CheckedFrameSource;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A NIfTI-1 volume as frames: one slice per frame along a chosen voxel axis (default z, the third),
 * of volume {@code t} of a 4D file. Frame pixel (column c, row r) is the voxel with the other two
 * axes at (c, r) in index order (x before y before z); the volume is not reoriented to RAS.
 * Display: cal_min..cal_max when the header sets them, else the volume's min..max, linear to
 * 0..255.
 */
public final class NiftiFrameSource extends CheckedFrameSource {
  /** The voxel axis frames are taken along. */
  public enum Axis {
    X,
    Y,
    Z;

    /** "x", "y" or "z" (any case). */
    public static Axis parse(String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("slice axis must be x, y or z: " + s);
      }
    }
  }

  private final NiftiVolume volume;
  private final Axis axis;
  private final int t;
  private final Format format;
  private final double lo;
  private final double hi;

  /**
   * @param axis the axis frames step along
   * @param t which volume of a 4D file (0 for 3D)
   * @param fps the rate to report (volumes carry none)
   */
  public NiftiFrameSource(Path file, Axis axis, int t, double fps) {
    Video.checkFps(fps);
    this.volume = NiftiVolume.read(file);
    this.axis = axis;
    if (t < 0 || t >= volume.size(3))
      throw new BadAnnotationException(
          file, -1, -1, "dim", "volume " + t + " requested, the file has " + volume.size(3));
    this.t = t;
    if (volume.calMax() > volume.calMin()) {
      lo = volume.calMin();
      hi = volume.calMax();
    } else {
      double a = Double.POSITIVE_INFINITY, b = Double.NEGATIVE_INFINITY;
      for (int z = 0; z < volume.size(2); z++)
        for (int y = 0; y < volume.size(1); y++)
          for (int x = 0; x < volume.size(0); x++) {
            double v = volume.value(x, y, z, t);
            if (v < a) a = v;
            if (v > b) b = v;
          }
      lo = a;
      hi = b;
    }
    // A frame's columns and rows are the two voxel axes other than the one frames step along.
    format =
        new Format(
            volume.size(axis.ordinal()),
            fps,
            volume.size(axis == Axis.X ? 1 : 0),
            volume.size(axis == Axis.Z ? 1 : 2));
  }

  /** Slices along z of the first volume. */
  public NiftiFrameSource(Path file, double fps) {
    this(file, Axis.Z, 0, fps);
  }

  public NiftiVolume volume() {
    return volume;
  }

  public Axis axis() {
    return axis;
  }

  @Override
  public Format format() {
    return format;
  }

  /** The scaled voxel value shown at (column, row) of frame {@code index}. */
  public double value(int index, int column, int row) {
    return switch (axis) {
      case Z -> volume.value(column, row, index, t);
      case Y -> volume.value(column, index, row, t);
      case X -> volume.value(index, column, row, t);
    };
  }

  @Override
  protected Frame decode(int index) {
    int w = width(), h = height();
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    for (int r = 0; r < h; r++)
      for (int c = 0; c < w; c++) {
        int g = gray(value(index, c, r));
        dst[r * w + c] = (g << 16) | (g << 8) | g;
      }
    return new Frame(index, img);
  }

  /** Linear lo..hi to 0..255, clamped. */
  int gray(double v) {
    if (!(hi > lo) || Double.isNaN(v)) return 0;
    return (int) Math.max(0, Math.min(255, Math.round((v - lo) / (hi - lo) * 255)));
  }

  /** The display range (cal_min..cal_max or the volume's min..max). */
  public double[] displayRange() {
    return new double[] {lo, hi};
  }

  @Override
  public void close() {
    // Memory only.
  }

  @Override
  public String toString() {
    return "NiftiFrameSource["
        + frameCount()
        + " slices along "
        + axis
        + ", "
        + width()
        + "x"
        + height()
        + "]";
  }
}
