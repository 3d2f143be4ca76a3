package io.keyframe.dataset;

import java.util.Objects;

/**
 * A video as keyframe sees it. {@code id} is the dataset's own identifier; treat it as potentially
 * identifying (never log it unpseudonymised). {@code sourcePath} may be empty when unknown.
 */
public record Video(
    String id, double fps, int width, int height, int frameCount, String sourcePath) {
  public Video {
    Objects.requireNonNull(id, "video id");
    if (id.isBlank()) throw new IllegalArgumentException("video id is blank");
    if (!(fps > 0) || !Double.isFinite(fps))
      throw new IllegalArgumentException("fps must be > 0: " + fps);
    if (width <= 0 || height <= 0)
      throw new IllegalArgumentException("video size must be positive: " + width + "x" + height);
    if (frameCount < 0)
      throw new IllegalArgumentException("frame count is negative: " + frameCount);
    sourcePath = sourcePath == null ? "" : sourcePath;
  }

  /** True when {@code frame} (0-based) lies inside the video. */
  public boolean contains(int frame) {
    return frame >= 0 && frame < frameCount;
  }
}
