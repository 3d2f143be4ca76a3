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

  /**
   * What a source knows once open: frame count, frames per second (display rate) and the frame size
   * in pixels.
   */
  record Format(int frameCount, double fps, int width, int height) {
    public Format {
      Video.checkFps(fps);
    }

    @Override
    public String toString() {
      return frameCount + " frames, " + width + "x" + height + ", " + fps + " fps";
    }
  }

  /** Frame count, rate and size. */
  Format format();

  /** Number of frames. */
  default int frameCount() {
    return format().frameCount();
  }

  /** Frames per second (display rate). */
  default double fps() {
    return format().fps();
  }

  /** Frame width in pixels. */
  default int width() {
    return format().width();
  }

  /** Frame height in pixels. */
  default int height() {
    return format().height();
  }

  /**
   * Decodes frame {@code index} (0-based, display order).
   *
   * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, frameCount)}
   * @throws io.keyframe.dataset.BadAnnotationException when the frame cannot be decoded
   */
  Frame read(int index);

  /**
   * What was wrong with the input but read anyway (e.g. a truncated MP4 opened with {@code
   * allowTruncatedVideo}), one line each naming the file; empty for a sound source.
   */
  default java.util.List<String> warnings() {
    return java.util.List.of();
  }

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
    return open(path, imageFps, false);
  }

  /**
   * As {@link #open(Path, double)}; with {@code allowTruncatedVideo} an MP4 whose data ends before
   * the frames its header declares opens with the frames that are there and a {@link #warnings()}
   * line naming the last good frame, instead of failing.
   */
  static FrameSource open(Path path, double imageFps, boolean allowTruncatedVideo) {
    if (Files.isDirectory(path)) {
      if (io.keyframe.dataset.frames.dicom.DicomFrameSource.isSeriesFolder(path))
        return io.keyframe.dataset.frames.dicom.DicomFrameSource.open(path, imageFps);
      return new ImageFolderFrameSource(path, imageFps);
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".mp4") || name.endsWith(".m4v") || name.endsWith(".mov"))
      return new Mp4FrameSource(path, allowTruncatedVideo);
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
   * volume} (0-based) instead of z of volume 0, and MP4 truncation as {@link #open(Path, double,
   * boolean)} says.
   */
  static FrameSource open(
      Path path,
      double imageFps,
      io.keyframe.dataset.frames.nifti.NiftiFrameSource.Axis axis,
      int volume,
      boolean allowTruncatedVideo) {
    if (!Files.isDirectory(path) && io.keyframe.dataset.frames.nifti.NiftiVolume.isNifti(path))
      return new io.keyframe.dataset.frames.nifti.NiftiFrameSource(path, axis, volume, imageFps);
    return open(path, imageFps, allowTruncatedVideo);
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

  /** Checks {@code index} against {@code [0, frameCount)}. */
  static void checkIndex(int index, int frameCount) {
    if (index < 0 || index >= frameCount)
      throw new IndexOutOfBoundsException("frame " + index + " not in [0, " + frameCount + ")");
  }
}
