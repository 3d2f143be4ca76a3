package io.keyframe.dataset.frames.dicom;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Frame;
import io.keyframe.dataset.frames.CheckedFrameSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * DICOM as frames: a multi-frame instance (an endoscopy or ultrasound clip, an enhanced MR) is a
 * video whose frames are in file order; a folder of single-frame instances of one series (a CT or
 * MR stack) is ordered along the slice normal by Image Position (Patient), else by Instance Number,
 * else by file name. The frame rate comes from Frame Time (0018,1063), Cine Rate (0018,0040) or
 * Recommended Display Frame Rate (0008,2144), else the caller's default.
 */
public final class DicomFrameSource extends CheckedFrameSource {
  private final Path path;
  private final List<DicomImage> images;
  private final List<DicomFile> files;
  private final int[] firstFrame;
  private final Format format;
  private final boolean fpsFromFile;

  private DicomFrameSource(Path path, List<DicomFile> files, double defaultFps) {
    this.path = path;
    this.files = List.copyOf(files);
    List<DicomImage> imgs = new ArrayList<>();
    firstFrame = new int[files.size() + 1];
    for (int i = 0; i < files.size(); i++) {
      DicomImage img = DicomImage.of(files.get(i));
      if (i > 0 && (img.rows() != imgs.get(0).rows() || img.columns() != imgs.get(0).columns()))
        throw new BadAnnotationException(
            files.get(i).source(),
            -1,
            firstFrame[i],
            "Rows",
            "size "
                + img.columns()
                + "x"
                + img.rows()
                + " differs from the series' "
                + imgs.get(0).columns()
                + "x"
                + imgs.get(0).rows());
      imgs.add(img);
      firstFrame[i + 1] = firstFrame[i] + img.frames();
    }
    images = List.copyOf(imgs);
    shareRange(images);
    double f = frameRate(files.get(0).dataset());
    fpsFromFile = f > 0;
    format =
        new Format(
            firstFrame[files.size()],
            fpsFromFile ? f : defaultFps,
            images.get(0).columns(),
            images.get(0).rows());
  }

  /**
   * Opens a DICOM file or a folder holding one series.
   *
   * @param defaultFps the rate to report when the file carries no timing attributes
   * @throws BadAnnotationException for unreadable files, unsupported pixels, or a folder with no or
   *     several series
   */
  public static DicomFrameSource open(Path path, double defaultFps) {
    if (Files.isDirectory(path)) return new DicomFrameSource(path, series(path), defaultFps);
    return new DicomFrameSource(path, List.of(DicomFile.read(path)), defaultFps);
  }

  /** True for a folder with at least one Part 10 file and no PNG/JPEG images. */
  public static boolean isSeriesFolder(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      List<Path> files = s.filter(Files::isRegularFile).toList();
      boolean images =
          files.stream()
              .map(p -> p.getFileName().toString().toLowerCase())
              .anyMatch(n -> n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
      return !images && files.stream().anyMatch(DicomFile::isDicom);
    } catch (IOException e) {
      return false;
    }
  }

  /** The instances of the folder's one series, in slice order. */
  static List<DicomFile> series(Path folder) {
    List<DicomFile> all = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p :
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList()) if (DicomFile.isDicom(p)) all.add(DicomFile.read(p));
    } catch (IOException e) {
      throw new BadAnnotationException(
          folder, -1, -1, "folder", "cannot list: " + e.getMessage(), e);
    }
    if (all.isEmpty())
      throw new BadAnnotationException(folder, -1, -1, "folder", "no DICOM Part 10 files");
    long series =
        all.stream()
            .map(f -> f.dataset().string(DicomTags.SERIES_INSTANCE_UID, ""))
            .distinct()
            .count();
    if (series > 1)
      throw new BadAnnotationException(
          folder,
          -1,
          -1,
          "SeriesInstanceUID",
          "the folder holds " + series + " series; put each series in its own folder");
    for (DicomFile f : all)
      if (f.dataset().integer(DicomTags.NUMBER_OF_FRAMES).orElse(1) > 1 && all.size() > 1)
        throw new BadAnnotationException(
            f.source(),
            -1,
            -1,
            "NumberOfFrames",
            "a multi-frame instance inside a series folder; open it on its own");
    all.sort(sliceOrder(all));
    return all;
  }

  /**
   * Along the normal of Image Orientation (Patient) when every instance has position and
   * orientation (PS3.3 C.7.6.2.1.1), else by Instance Number, else by file name.
   */
  static Comparator<DicomFile> sliceOrder(List<DicomFile> all) {
    Comparator<DicomFile> byName = Comparator.comparing(f -> f.source().getFileName().toString());
    boolean geometry =
        all.stream()
            .allMatch(
                f ->
                    f.dataset().doubles(DicomTags.IMAGE_POSITION_PATIENT).length == 3
                        && f.dataset().doubles(DicomTags.IMAGE_ORIENTATION_PATIENT).length == 6);
    Comparator<DicomFile> byInstance =
        Comparator.comparingInt(
            f -> f.dataset().integer(DicomTags.INSTANCE_NUMBER).orElse(Integer.MAX_VALUE));
    if (!geometry) return byInstance.thenComparing(byName);
    return Comparator.comparingDouble(DicomFrameSource::alongNormal)
        .thenComparing(byInstance)
        .thenComparing(byName);
  }

  /** Image Position (Patient) projected on the row x column cosine cross product. */
  static double alongNormal(DicomFile f) {
    double[] o = f.dataset().doubles(DicomTags.IMAGE_ORIENTATION_PATIENT);
    double[] p = f.dataset().doubles(DicomTags.IMAGE_POSITION_PATIENT);
    double nx = o[1] * o[5] - o[2] * o[4];
    double ny = o[2] * o[3] - o[0] * o[5];
    double nz = o[0] * o[4] - o[1] * o[3];
    return p[0] * nx + p[1] * ny + p[2] * nz;
  }

  /**
   * Slices without a window are scaled by the min..max of the whole series, not each by its own, so
   * that brightness does not jump from slice to slice.
   */
  private static void shareRange(List<DicomImage> images) {
    if (images.size() < 2) return;
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (DicomImage img : images) {
      if (img.samplesPerPixel() != 1 || img.hasWindow()) continue;
      double[] r = img.range();
      lo = Math.min(lo, r[0]);
      hi = Math.max(hi, r[1]);
    }
    if (lo > hi) return;
    for (DicomImage img : images)
      if (img.samplesPerPixel() == 1 && !img.hasWindow()) img.useRange(lo, hi);
  }

  /** Frames per second from the timing attributes, or 0 when none is usable. */
  static double frameRate(DicomDataset d) {
    double ft = d.number(DicomTags.FRAME_TIME).orElse(0);
    if (ft > 0) return 1000.0 / ft;
    double cine = d.number(DicomTags.CINE_RATE).orElse(0);
    if (cine > 0) return cine;
    double rec = d.number(DicomTags.RECOMMENDED_DISPLAY_FRAME_RATE).orElse(0);
    return rec > 0 ? rec : 0;
  }

  /** The instances in frame order. */
  public List<DicomFile> files() {
    return files;
  }

  /** The image of the first instance (pixel attributes). */
  public DicomImage firstImage() {
    return images.get(0);
  }

  /** True when the rate came from the file's own timing attributes. */
  public boolean fpsFromFile() {
    return fpsFromFile;
  }

  @Override
  public Format format() {
    return format;
  }

  @Override
  protected Frame decode(int index) {
    int i = 0;
    while (firstFrame[i + 1] <= index) i++;
    return new Frame(index, images.get(i).display(index - firstFrame[i]));
  }

  @Override
  public void close() {
    // Mapped buffers are released by the garbage collector; nothing to close.
  }
}
