package io.keyframe.tracker;

import java.awt.image.BufferedImage;

/**
 * Random access to decoded frames for appearance cues; trackers ask for frames in ascending order.
 * Pixels never go to logs.
 */
@FunctionalInterface
public interface FrameImages {
  /** No pixels: trackers fall back to geometry only. */
  FrameImages NONE = frame -> null;

  /** The image of 0-based {@code frame}, or null when not available. */
  BufferedImage image(int frame);
}
