package io.keyframe.dataset;

import java.util.Objects;

/**
 * A video as keyframe sees it. {@code id} is the dataset's own identifier; treat it as potentially
 * identifying (never log it unpseudonymised). {@code sourcePath} may be empty when unknown.
 */
public record Video(
    String id, double fps, int width, int height, int frameCount, String sourcePath) {
  /**
   * The frame rate assumed for a video whose file does not say (MOT without seqinfo.ini, COCO or
   * CVAT without keyframe's metadata, an MP4 without a duration); {@code info} says it was assumed.
   */
  public static final double UNKNOWN_FPS = 30;

  /**
   * The video ID a file gives when its content names none: the file name without its extension
   * ({@code .nii.gz} counts as one), e.g. {@code ward-3.xml} gives {@code ward-3}.
   */
  public static String idFromFileName(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".nii.gz")) return fileName.substring(0, fileName.length() - 7);
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  public Video {
    Objects.requireNonNull(id, "video id");
    if (id.isBlank()) throw new IllegalArgumentException("video id is blank");
    checkFps(fps);
    if (width <= 0 || height <= 0)
      throw new IllegalArgumentException("video size must be positive: " + width + "x" + height);
    if (frameCount < 0)
      throw new IllegalArgumentException("frame count is negative: " + frameCount);
    sourcePath = sourcePath == null ? "" : sourcePath;
  }

  /**
   * Refuses a frame rate that is not finite and positive, the rule for every video and frame
   * source.
   *
   * @throws IllegalArgumentException naming the rate
   */
  public static void checkFps(double fps) {
    if (!(fps > 0) || !Double.isFinite(fps))
      throw new IllegalArgumentException("fps must be > 0: " + fps);
  }

  /** True when {@code frame} (0-based) lies inside the video. */
  public boolean contains(int frame) {
    return frame >= 0 && frame < frameCount;
  }
}
