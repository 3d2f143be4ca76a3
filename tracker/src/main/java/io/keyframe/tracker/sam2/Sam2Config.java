package io.keyframe.tracker.sam2;

import io.keyframe.tracker.TrackerConfig;
import java.io.Serializable;

/**
 * Settings of keyframe's SAM 2 video loop. The model's own loop settings (memory slots,
 * conditioning frames attended to, object pointers, image size, bfloat16 memories) come with the
 * bundle's {@link Sam2Manifest}, as SAM 2's yaml configs carry them, and are written to provenance
 * beside these.
 *
 * @param minOcclusionFrames hidden spans (object-score logit at or below 0, SAM 2's "object not
 *     appearing") shorter than this are not reported as occlusions. 3: the fallback tracker's
 *     value, so both trackers count occlusions alike; one or two hidden frames are mask flicker.
 * @param autoPromptScore with no keyframes, objects start from the detections at or above this
 *     score on the first frame that has any. 0.5: ByteTrack's {@code track_thresh}, the score at
 *     which the fallback trusts a detection enough to associate it first.
 */
public record Sam2Config(int minOcclusionFrames, double autoPromptScore)
    implements TrackerConfig, Serializable {
  public Sam2Config {
    if (minOcclusionFrames < 1)
      throw new IllegalArgumentException("minOcclusionFrames must be >= 1: " + minOcclusionFrames);
    if (!(autoPromptScore >= 0 && autoPromptScore <= 1))
      throw new IllegalArgumentException("autoPromptScore not in [0,1]: " + autoPromptScore);
  }

  public static Sam2Config defaults() {
    return new Sam2Config(3, 0.5);
  }
}
