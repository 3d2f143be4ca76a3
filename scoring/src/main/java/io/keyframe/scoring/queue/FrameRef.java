package io.keyframe.scoring.queue;

import java.util.Objects;

/** One frame of one video. */
public record FrameRef(String videoId, int frame) {
  public FrameRef {
    Objects.requireNonNull(videoId, "videoId");
    if (frame < 0) throw new IllegalArgumentException("frame is negative: " + frame);
  }
}
