package io.keyframe.dataset.frames.nifti;

import io.keyframe.dataset.BadAnnotationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A NIfTI-1 single-file image ({@code .nii}, or gzipped {@code .nii.gz}) as the 2003 NIfTI-1 header
 * defines it (nifti1.h, NIfTI Data Format Working Group): 348-byte header, byte order detected from
 * {@code sizeof_hdr}, voxels from {@code vox_offset} with x fastest. Values are scaled by {@code
 * scl_slope}/{@code scl_inter} when the slope is non-zero and finite (as nibabel does). A {@code
 * .nii} is memory-mapped; a {@code .nii.gz} is inflated into memory.
 */
public final class NiftiVolume {
  /** Datatype codes of nifti1.h that keyframe reads. */
  public static final int UINT8 = 2,
      INT16 = 4,
      INT32 = 8,
      FLOAT32 = 16,
      FLOAT64 = 64,
      RGB24 = 128,
      INT8 = 256,
      UINT16 = 512,
      UINT32 = 768,
      INT64 = 1024,
      UINT64 = 1280,
      RGBA32 = 2304;

  private final Path file;
  private final ByteBuffer data;
  private final int[] dim;
  private final double[] pixdim;
  private final int datatype;
  private final int bytesPerVoxel;
  private final long voxOffset;
  private final double slope;
  private final double inter;
  private final double calMin;
  private final double calMax;
  private final String description;

  private NiftiVolume(Path file, ByteBuffer all) {
    this.file = file;
    if (all.capacity() < 348) throw bad("sizeof_hdr", "shorter than a NIfTI-1 header (348 bytes)");
    all.order(ByteOrder.LITTLE_ENDIAN);
    int size = all.getInt(0);
    if (size != 348) {
      if (Integer.reverseBytes(size) == 348) all.order(ByteOrder.BIG_ENDIAN);
      else if (size == 540 || Integer.reverseBytes(size) == 540)
        throw bad(
            "sizeof_hdr", "NIfTI-2 is not supported (NIfTI-1 only); convert with nibabel or c3d");
      else throw bad("sizeof_hdr", "not a NIfTI-1 file (sizeof_hdr " + size + ", expected 348)");
    }
    String magic =
        new String(
            new byte[] {all.get(344), all.get(345), all.get(346)}, StandardCharsets.US_ASCII);
    if (magic.equals("ni1"))
      throw bad("magic", "a header/image pair (.hdr/.img) is not supported; save as a single .nii");
    if (!magic.equals("n+1")) throw bad("magic", "magic is not 'n+1' (an ANALYZE 7.5 file?)");
    dim = new int[8];
    for (int i = 0; i < 8; i++) dim[i] = all.getShort(40 + 2 * i);
    if (dim[0] < 2 || dim[0] > 7)
      throw bad("dim", "dim[0] = " + dim[0] + " (2 to 7 dimensions expected)");
    for (int i = dim[0] + 1; i < 8; i++) dim[i] = 1;
    for (int i = 1; i <= dim[0]; i++)
      if (dim[i] < 1) throw bad("dim", "dim[" + i + "] = " + dim[i]);
    for (int i = 5; i <= dim[0]; i++)
      if (dim[i] > 1)
        throw bad(
            "dim", "dimension " + i + " has size " + dim[i] + "; only x, y, z and time are read");
    datatype = all.getShort(70);
    bytesPerVoxel =
        switch (datatype) {
          case UINT8, INT8 -> 1;
          case INT16, UINT16 -> 2;
          case INT32, UINT32, FLOAT32, RGBA32 -> datatype == RGBA32 ? 4 : 4;
          case FLOAT64, INT64, UINT64 -> 8;
          case RGB24 -> 3;
          default ->
              throw bad(
                  "datatype", "datatype " + datatype + " is not supported (complex or float128)");
        };
    pixdim = new double[8];
    for (int i = 0; i < 8; i++) pixdim[i] = all.getFloat(76 + 4 * i);
    voxOffset = (long) all.getFloat(108);
    double s = all.getFloat(112);
    double b = all.getFloat(116);
    boolean scaled = s != 0 && Double.isFinite(s);
    slope = scaled ? s : 1;
    inter = scaled && Double.isFinite(b) ? b : 0;
    calMax = all.getFloat(124);
    calMin = all.getFloat(128);
    byte[] d = new byte[80];
    for (int i = 0; i < 80; i++) d[i] = all.get(148 + i);
    int n = 0;
    while (n < 80 && d[n] != 0) n++;
    description = new String(d, 0, n, StandardCharsets.ISO_8859_1).strip();
    long need = voxOffset + voxels() * bytesPerVoxel;
    if (voxOffset < 348)
      throw bad("vox_offset", "vox_offset " + voxOffset + " lies inside the header");
    if (all.capacity() < need)
      throw bad(
          "data",
          "file has " + all.capacity() + " bytes, the header needs " + need + " (truncated?)");
    data = all;
  }

  /**
   * Reads {@code file} ({@code .nii} or {@code .nii.gz}).
   *
   * @throws BadAnnotationException for a file that is not NIfTI-1 or is truncated
   */
  public static NiftiVolume read(Path file) {
    try {
      ByteBuffer all;
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
          all = ByteBuffer.wrap(in.readAllBytes());
        }
      } else {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
          if (ch.size() > Integer.MAX_VALUE)
            throw new BadAnnotationException(file, -1, -1, "file", "larger than 2 GiB");
          all = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
      }
      return new NiftiVolume(file, all);
    } catch (IOException e) {
      throw new BadAnnotationException(file, -1, -1, "file", "cannot read: " + e.getMessage(), e);
    }
  }

  /** True for names ending in {@code .nii} or {@code .nii.gz}. */
  public static boolean isNifti(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".nii") || n.endsWith(".nii.gz");
  }

  /** Number of dimensions (dim[0]). */
  public int rank() {
    return dim[0];
  }

  /** Size along axis {@code a} (0 = x, 1 = y, 2 = z, 3 = t); 1 beyond the rank. */
  public int size(int a) {
    return dim[a + 1];
  }

  /** Voxel size along axis {@code a} (pixdim[a+1], in the file's units). */
  public double spacing(int a) {
    return pixdim[a + 1];
  }

  public int datatype() {
    return datatype;
  }

  public double calMin() {
    return calMin;
  }

  public double calMax() {
    return calMax;
  }

  /** The header's description field (may be free text: never logged). */
  public String description() {
    return description;
  }

  long voxels() {
    long n = 1;
    for (int i = 1; i <= 4; i++) n *= dim[i];
    return n;
  }

  /** The scaled value at voxel (x, y, z, t); RGB types give their luma (BT.601). */
  public double value(int x, int y, int z, int t) {
    long idx = x + (long) dim[1] * (y + (long) dim[2] * (z + (long) dim[3] * t));
    return raw(idx) * slope + inter;
  }

  /** The stored value of voxel {@code idx} (x fastest), before scaling. */
  double raw(long idx) {
    int at = (int) (voxOffset + idx * bytesPerVoxel);
    ByteBuffer d = data;
    return switch (datatype) {
      case UINT8 -> d.get(at) & 0xFF;
      case INT8 -> d.get(at);
      case INT16 -> d.getShort(at);
      case UINT16 -> d.getShort(at) & 0xFFFF;
      case INT32 -> d.getInt(at);
      case UINT32 -> d.getInt(at) & 0xFFFFFFFFL;
      case FLOAT32 -> d.getFloat(at);
      case FLOAT64 -> d.getDouble(at);
      case INT64 -> d.getLong(at);
      case UINT64 -> unsigned(d.getLong(at));
      case RGB24, RGBA32 ->
          0.299 * (d.get(at) & 0xFF)
              + 0.587 * (d.get(at + 1) & 0xFF)
              + 0.114 * (d.get(at + 2) & 0xFF);
      default -> throw new IllegalStateException("datatype " + datatype);
    };
  }

  private static double unsigned(long v) {
    return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
  }

  private BadAnnotationException bad(String field, String problem) {
    return new BadAnnotationException(file, -1, -1, field, problem);
  }

  @Override
  public String toString() {
    return "NiftiVolume["
        + dim[1]
        + "x"
        + dim[2]
        + "x"
        + dim[3]
        + "x"
        + dim[4]
        + ", datatype "
        + datatype
        + "]";
  }
}
