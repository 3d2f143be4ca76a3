package io.keyframe.dataset.frames;

import io.keyframe.dataset.Frame;
import io.keyframe.dataset.Video;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A video as numbered frames (0-based, display order). {@link #read(int)} is frame-accurate in any
 * order: reading frame {@code i} after frame {@code j} gives the same pixels as decoding the whole
 * video sequentially. Iterating reads frames 0..n-1 in order, which is the cheap path for decoders.
 *
 * <p>Not thread-safe: one reader per source. Bad or truncated input fails with {@link
 * io.keyframe.dataset.BadAnnotationException} naming the file and frame.
 */
public interface FrameSource extends AutoCloseable, Iterable<Frame> {

  /** Number of frames. */
  int frameCount();

  /** Frames per second (display rate). */
  double fps();

  /** Frame width in pixels. */
  int width();

  /** Frame height in pixels. */
  int height();

  /**
   * Decodes frame {@code index} (0-based, display order).
   *
   * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, frameCount)}
   * @throws io.keyframe.dataset.BadAnnotationException when the frame cannot be decoded
   */
  Frame read(int index);

  /** Releases the file handles; never throws a checked exception. */
  @Override
  void close();

  /** The frames in order, 0 to {@code frameCount - 1}. */
  @Override
  default Iterator<Frame> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < frameCount();
      }

      @Override
      public Frame next() {
        if (!hasNext()) throw new NoSuchElementException("no frame after " + (next - 1));
        return read(next++);
      }
    };
  }

  /** This source described as a {@link Video} with the given dataset id and source path. */
  default Video video(String id, String sourcePath) {
    return new Video(id, fps(), width(), height(), frameCount(), sourcePath);
  }

  /**
   * Opens what {@code path} is: a folder of images ({@link ImageFolderFrameSource}), a folder of
   * one DICOM series or a DICOM file ({@link io.keyframe.dataset.frames.dicom.DicomFrameSource}), a
   * NIfTI-1 volume sliced along z ({@link io.keyframe.dataset.frames.nifti.NiftiFrameSource}), or
   * an MP4 file ({@link Mp4FrameSource}).
   *
   * @param imageFps the frame rate to assume for sources that carry none (image folders, volumes,
   *     DICOM without timing attributes)
   */
  static FrameSource open(Path path, double imageFps) {
    if (Files.isDirectory(path)) {
      if (io.keyframe.dataset.frames.dicom.DicomFrameSource.isSeriesFolder(path))
        return io.keyframe.dataset.frames.dicom.DicomFrameSource.open(path, imageFps);
      return new ImageFolderFrameSource(path, imageFps);
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".mp4") || name.endsWith(".m4v") || name.endsWith(".mov"))
      return new Mp4FrameSource(path);
    if (io.keyframe.dataset.frames.nifti.NiftiVolume.isNifti(path))
      return new io.keyframe.dataset.frames.nifti.NiftiFrameSource(path, imageFps);
    if (name.endsWith(".dcm")
        || name.endsWith(".dicom")
        || io.keyframe.dataset.frames.dicom.DicomFile.isDicom(path))
      return io.keyframe.dataset.frames.dicom.DicomFrameSource.open(path, imageFps);
    throw new io.keyframe.dataset.BadAnnotationException(
        path,
        -1,
        -1,
        "video",
        "not an image folder, DICOM file or series folder, NIfTI-1 volume or MP4 file");
  }

  /**
   * As {@link #open(Path, double)}, with NIfTI volumes sliced along {@code axis} of volume {@code
   * volume} (0-based) instead of z of volume 0.
   */
  static FrameSource open(
      Path path,
      double imageFps,
      io.keyframe.dataset.frames.nifti.NiftiFrameSource.Axis axis,
      int volume) {
    if (!Files.isDirectory(path) && io.keyframe.dataset.frames.nifti.NiftiVolume.isNifti(path))
      return new io.keyframe.dataset.frames.nifti.NiftiFrameSource(path, axis, volume, imageFps);
    return open(path, imageFps);
  }

  /**
   * True for a file {@link #open} reads by its name (MP4 family, {@code .dcm}/{@code .dicom},
   * {@code .nii}/{@code .nii.gz}) or by its DICOM preamble; folders are not files.
   */
  static boolean isVideoFile(Path path) {
    if (Files.isDirectory(path)) return false;
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".mp4")
        || name.endsWith(".m4v")
        || name.endsWith(".mov")
        || name.endsWith(".dcm")
        || name.endsWith(".dicom")
        || io.keyframe.dataset.frames.nifti.NiftiVolume.isNifti(path);
  }

  /**
   * The video ID a file name gives: the name without its extension ({@code .nii.gz} counts as one).
   */
  static String videoId(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".nii.gz")) return fileName.substring(0, fileName.length() - 7);
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  /** Checks {@code index} against {@code [0, frameCount)}. */
  static void checkIndex(int index, int frameCount) {
    if (index < 0 || index >= frameCount)
      throw new IndexOutOfBoundsException("frame " + index + " not in [0, " + frameCount + ")");
  }
}
