package io.keyframe.tracker;

import io.keyframe.dataset.Frame;
import io.keyframe.dataset.frames.FrameSource;
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

  /**
   * Frames read from {@code source}, remembering the latest one so that a detector pass and a
   * tracker pass over the same frame decode it once. Frames outside the source give null.
   */
  static FrameImages of(FrameSource source) {
    return new FrameImages() {
      private Frame last;

      @Override
      public BufferedImage image(int frame) {
        if (frame < 0 || frame >= source.frameCount()) return null;
        if (last == null || last.index() != frame) last = source.read(frame);
        return last.image();
      }
    };
  }
}
