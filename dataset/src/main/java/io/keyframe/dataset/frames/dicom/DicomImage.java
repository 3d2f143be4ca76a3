package io.keyframe.dataset.frames.dicom;

import io.keyframe.dataset.BadAnnotationException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The pixels of one DICOM instance (Image Pixel module, PS3.3 C.7.6.3): stored values per frame and
 * their 8-bit display form. Grayscale goes through the Modality LUT (Rescale Slope/Intercept, PS3.3
 * C.11.1) and the VOI LUT (the first Window Center/Width, LINEAR function of C.11.2.1.2.1; without
 * a window, the stack's own min..max); MONOCHROME1 is inverted. Colour is RGB (Planar Configuration
 * 0 or 1) or YBR_FULL/YBR_FULL_422 converted with the full-range ITU-R BT.601 equations of
 * C.7.6.3.1.2. Encapsulated JPEG baseline frames are decoded by {@code javax.imageio} without its
 * colour conversion ({@code readRaster}), so the Photometric Interpretation decides.
 */
public final class DicomImage {
  private final Path file;
  private final int rows;
  private final int columns;
  private final int frames;
  private final int samples;
  private final int bitsAllocated;
  private final int bitsStored;
  private final boolean signed;
  private final String photometric;
  private final int planar;
  private final double slope;
  private final double intercept;
  private final double windowCenter;
  private final double windowWidth;
  private final boolean jpeg;
  private final ByteBuffer pixels;
  private final List<ByteBuffer> encodedFrames;
  private final H264FrameDecoder video;
  private double[] range;

  private DicomImage(DicomFile f) {
    this.file = f.source();
    DicomDataset d = f.dataset();
    TransferSyntax ts = f.syntax();
    DicomElement pd = d.get(DicomTags.PIXEL_DATA);
    if (pd == null)
      throw bad(
          -1,
          "PixelData",
          "no Pixel Data (7FE0,0010): not an image (" + d.string(DicomTags.MODALITY, "?") + ")");
    rows = required(d, DicomTags.ROWS, "Rows");
    columns = required(d, DicomTags.COLUMNS, "Columns");
    int declaredFrames = Math.max(1, d.integer(DicomTags.NUMBER_OF_FRAMES).orElse(1));
    samples = d.integer(DicomTags.SAMPLES_PER_PIXEL).orElse(1);
    bitsAllocated = required(d, DicomTags.BITS_ALLOCATED, "BitsAllocated");
    bitsStored = d.integer(DicomTags.BITS_STORED).orElse(bitsAllocated);
    signed = d.integer(DicomTags.PIXEL_REPRESENTATION).orElse(0) == 1;
    photometric =
        d.string(DicomTags.PHOTOMETRIC_INTERPRETATION, samples == 1 ? "MONOCHROME2" : "RGB");
    planar = d.integer(DicomTags.PLANAR_CONFIGURATION).orElse(0);
    slope = d.number(DicomTags.RESCALE_SLOPE).orElse(1);
    intercept = d.number(DicomTags.RESCALE_INTERCEPT).orElse(0);
    double[] wc = d.doubles(DicomTags.WINDOW_CENTER);
    double[] ww = d.doubles(DicomTags.WINDOW_WIDTH);
    boolean window = wc.length > 0 && ww.length > 0 && ww[0] >= 1;
    windowCenter = window ? wc[0] : Double.NaN;
    windowWidth = window ? ww[0] : Double.NaN;
    if (rows <= 0 || columns <= 0) throw bad(-1, "Rows", "image size " + columns + "x" + rows);
    if (ts.isH264()) {
      // The stream decides the colour (YBR_PARTIAL_420) and the frame count; JCodec converts to
      // RGB.
      if (!pd.isEncapsulated())
        throw bad(-1, "PixelData", "H.264 transfer syntax without encapsulated pixel data");
      video = new H264FrameDecoder(file, concatenated(pd));
      frames = video.frameCount();
      jpeg = false;
      pixels = null;
      encodedFrames = List.of();
      return;
    }
    video = null;
    frames = declaredFrames;
    if (samples != 1 && samples != 3)
      throw bad(-1, "SamplesPerPixel", samples + " samples per pixel (only 1 or 3)");
    if (samples == 1 && !photometric.startsWith("MONOCHROME"))
      throw bad(
          -1,
          "PhotometricInterpretation",
          photometric + " is not supported (PALETTE COLOR needs its LUT; export as RGB)");
    if (samples == 3 && !(photometric.equals("RGB") || photometric.startsWith("YBR_FULL")))
      throw bad(
          -1,
          "PhotometricInterpretation",
          photometric + " is not supported (RGB, YBR_FULL, YBR_FULL_422 only)");
    if (ts.isVideo())
      throw bad(
          -1,
          "TransferSyntaxUID",
          ts.name()
              + " video in DICOM is not decoded here (H.264 is): extract the stream and pass it as MP4");
    if (ts.encapsulated() && !ts.isJpegBaseline())
      throw bad(
          -1,
          "TransferSyntaxUID",
          ts.name()
              + " ("
              + ts.uid()
              + ") is not supported; supported: native (uncompressed), deflated and JPEG baseline");
    jpeg = ts.encapsulated();
    if (jpeg) {
      pixels = null;
      encodedFrames = splitFrames(pd);
    } else {
      if (pd.isEncapsulated())
        throw bad(-1, "PixelData", "encapsulated pixel data in a native transfer syntax");
      if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32)
        throw bad(-1, "BitsAllocated", bitsAllocated + " bits allocated (8, 16 or 32 supported)");
      if (samples == 3 && photometric.equals("YBR_FULL_422"))
        throw bad(-1, "PhotometricInterpretation", "uncompressed YBR_FULL_422 is not supported");
      long need = (long) frameBytes() * frames;
      if (pd.length() < need)
        throw bad(
            pd.length() / Math.max(1, frameBytes()),
            "PixelData",
            "pixel data has "
                + pd.length()
                + " bytes, "
                + frames
                + " frames need "
                + need
                + " (truncated?)");
      pixels = pd.value();
      encodedFrames = List.of();
    }
  }

  /**
   * The image of {@code f}.
   *
   * @throws BadAnnotationException when it has no pixel data or pixels keyframe cannot decode
   *     (naming the attribute: transfer syntax, photometric interpretation, bits allocated)
   */
  public static DicomImage of(DicomFile f) {
    return new DicomImage(f);
  }

  private int frameBytes() {
    return rows * columns * samples * (bitsAllocated / 8);
  }

  /** The fragments after the Basic Offset Table as one byte stream (PS3.5 8.2.5 to 8.2.8). */
  private static ByteBuffer concatenated(DicomElement pd) {
    List<ByteBuffer> frags = pd.fragments().subList(1, pd.fragments().size());
    if (frags.size() == 1) return frags.get(0).duplicate();
    int n = frags.stream().mapToInt(ByteBuffer::remaining).sum();
    ByteBuffer all = ByteBuffer.allocate(n);
    for (ByteBuffer f : frags) all.put(f.duplicate());
    return all.flip();
  }

  /**
   * Encapsulated frames: one per fragment when counts match, else split where a fragment starts a
   * JPEG (SOI).
   */
  private List<ByteBuffer> splitFrames(DicomElement pd) {
    List<ByteBuffer> frags = pd.fragments().subList(1, pd.fragments().size());
    if (frags.isEmpty()) throw bad(0, "PixelData", "encapsulated pixel data has no fragments");
    if (frags.size() == frames) return frags;
    List<ByteBuffer> out = new ArrayList<>();
    ByteArrayOutputStream cur = null;
    for (ByteBuffer f : frags) {
      boolean soi =
          f.remaining() >= 2
              && (f.get(f.position()) & 0xFF) == 0xFF
              && (f.get(f.position() + 1) & 0xFF) == 0xD8;
      if (soi || cur == null) {
        if (cur != null) out.add(ByteBuffer.wrap(cur.toByteArray()));
        cur = new ByteArrayOutputStream();
      }
      byte[] b = new byte[f.remaining()];
      f.duplicate().get(b);
      cur.write(b, 0, b.length);
    }
    out.add(ByteBuffer.wrap(cur.toByteArray()));
    if (out.size() != frames)
      throw bad(
          out.size(),
          "NumberOfFrames",
          "Number of Frames says "
              + frames
              + " but the pixel data holds "
              + out.size()
              + " JPEG frames");
    return out;
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  public int frames() {
    return frames;
  }

  public int samplesPerPixel() {
    return samples;
  }

  public String photometric() {
    return photometric;
  }

  /**
   * Stored values of {@code frame} (sign-extended from Bits Stored when Pixel Representation is 1),
   * samples interleaved per pixel in row-major order, whatever the planar configuration; for JPEG,
   * the decoded components before colour conversion.
   */
  public int[] stored(int frame) {
    if (frame < 0 || frame >= frames)
      throw new IndexOutOfBoundsException("frame " + frame + " not in [0, " + frames + ")");
    if (video != null) {
      // Video has no stored samples to speak of: the decoded RGB, interleaved.
      BufferedImage img = video.read(frame);
      int[] rgb = img.getRGB(0, 0, columns, rows, null, 0, columns);
      int[] out = new int[rgb.length * 3];
      for (int i = 0; i < rgb.length; i++) {
        out[3 * i] = (rgb[i] >> 16) & 0xFF;
        out[3 * i + 1] = (rgb[i] >> 8) & 0xFF;
        out[3 * i + 2] = rgb[i] & 0xFF;
      }
      return out;
    }
    return jpeg ? decodeJpeg(frame) : nativeFrame(frame);
  }

  private int[] nativeFrame(int frame) {
    int n = rows * columns;
    int[] out = new int[n * samples];
    int bytes = bitsAllocated / 8;
    int base = frame * frameBytes();
    int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
    int shift = 32 - bitsStored;
    ByteBuffer p = pixels;
    for (int i = 0; i < n * samples; i++) {
      // Planar 1: all R, then all G, then all B; out is always interleaved.
      int src = samples == 3 && planar == 1 ? (i % 3) * n + i / 3 : i;
      int at = base + src * bytes;
      int v =
          switch (bytes) {
            case 1 -> p.get(at) & 0xFF;
            case 2 -> p.getShort(at) & 0xFFFF;
            default -> p.getInt(at);
          };
      if (bitsStored < 32) {
        v &= mask;
        if (signed) v = (v << shift) >> shift;
      }
      out[i] = v;
    }
    return out;
  }

  private int[] decodeJpeg(int frame) {
    ByteBuffer f = encodedFrames.get(frame).duplicate();
    byte[] b = new byte[f.remaining()];
    f.get(b);
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
      if (!readers.hasNext()) throw bad(frame, "PixelData", "no JPEG decoder in this Java runtime");
      ImageReader r = readers.next();
      try {
        r.setInput(in);
        Raster raster = r.readRaster(0, null);
        if (raster.getWidth() != columns
            || raster.getHeight() != rows
            || raster.getNumBands() != samples)
          throw bad(
              frame,
              "PixelData",
              "JPEG frame is "
                  + raster.getWidth()
                  + "x"
                  + raster.getHeight()
                  + "x"
                  + raster.getNumBands()
                  + ", the header says "
                  + columns
                  + "x"
                  + rows
                  + "x"
                  + samples);
        return raster.getPixels(0, 0, columns, rows, (int[]) null);
      } finally {
        r.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadAnnotationException x) throw x;
      throw new BadAnnotationException(
          file, -1, frame, "PixelData", "JPEG frame does not decode: " + e.getMessage(), e);
    }
  }

  /** Stored value to modality value (Rescale Slope/Intercept). */
  public double modality(int stored) {
    return stored * slope + intercept;
  }

  /** True when the file's first Window Center/Width is used for display. */
  public boolean hasWindow() {
    return !Double.isNaN(windowCenter);
  }

  /** The 8-bit display frame as an RGB image. */
  public BufferedImage display(int frame) {
    if (video != null) {
      if (frame < 0 || frame >= frames)
        throw new IndexOutOfBoundsException("frame " + frame + " not in [0, " + frames + ")");
      BufferedImage img = video.read(frame);
      if (img.getWidth() != columns || img.getHeight() != rows)
        throw bad(
            frame,
            "Rows",
            "the H.264 picture is "
                + img.getWidth()
                + "x"
                + img.getHeight()
                + ", Rows/Columns say "
                + columns
                + "x"
                + rows);
      return img;
    }
    int[] s = stored(frame);
    BufferedImage img = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_RGB);
    int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    int n = rows * columns;
    if (samples == 1) {
      double lo, hi;
      if (hasWindow()) {
        lo = hi = Double.NaN;
      } else {
        double[] r = range();
        lo = r[0];
        hi = r[1];
      }
      boolean invert = photometric.equals("MONOCHROME1");
      for (int i = 0; i < n; i++) {
        int g = gray(modality(s[i]), lo, hi);
        if (invert) g = 255 - g;
        dst[i] = (g << 16) | (g << 8) | g;
      }
    } else {
      boolean ybr = photometric.startsWith("YBR_FULL");
      int down = Math.max(0, (jpeg ? 8 : bitsStored) - 8);
      for (int i = 0; i < n; i++) {
        int a = s[3 * i] >> down, b = s[3 * i + 1] >> down, c = s[3 * i + 2] >> down;
        int rr = a, gg = b, bb = c;
        if (ybr) {
          rr = clamp(Math.round(a + 1.402 * (c - 128)));
          gg = clamp(Math.round(a - 0.344136 * (b - 128) - 0.714136 * (c - 128)));
          bb = clamp(Math.round(a + 1.772 * (b - 128)));
        }
        dst[i] = (clamp(rr) << 16) | (clamp(gg) << 8) | clamp(bb);
      }
    }
    return img;
  }

  /**
   * Modality value to 0..255 by the window (PS3.3 C.11.2.1.2.1, LINEAR) or by the stack's range.
   */
  int gray(double x, double lo, double hi) {
    if (hasWindow()) {
      double c = windowCenter, w = windowWidth;
      if (x <= c - 0.5 - (w - 1) / 2) return 0;
      if (x > c - 0.5 + (w - 1) / 2) return 255;
      return clamp(Math.round(((x - (c - 0.5)) / (w - 1) + 0.5) * 255));
    }
    if (!(hi > lo)) return 0;
    return clamp(Math.round((x - lo) / (hi - lo) * 255));
  }

  /** Min and max modality value over all frames (computed once; used when there is no window). */
  synchronized double[] range() {
    if (range == null) {
      if (jpeg && bitsStored <= 8 && slope == 1 && intercept == 0) {
        range = new double[] {0, 255};
      } else {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < frames; f++)
          for (int v : stored(f)) {
            double m = modality(v);
            if (m < lo) lo = m;
            if (m > hi) hi = m;
          }
        range = new double[] {lo, hi};
      }
    }
    return range;
  }

  /** Uses {@code lo..hi} instead of this instance's own range (a series shares one). */
  synchronized void useRange(double lo, double hi) {
    range = new double[] {lo, hi};
  }

  private static int clamp(long v) {
    return (int) Math.max(0, Math.min(255, v));
  }

  private int required(DicomDataset d, int tag, String name) {
    var v = d.integer(tag);
    if (v.isEmpty())
      throw bad(-1, name, name + " " + DicomTags.format(tag) + " is missing or empty");
    return v.getAsInt();
  }

  private BadAnnotationException bad(long frame, String field, String problem) {
    return new BadAnnotationException(file, -1, frame, field, problem);
  }
}
