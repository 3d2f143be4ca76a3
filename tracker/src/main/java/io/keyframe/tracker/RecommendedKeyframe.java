package io.keyframe.tracker;

import io.keyframe.dataset.Box;
import java.util.Objects;

/**
 * A frame where a human box would help the tracker most: an object re-emerged (after an occlusion
 * or as an ambiguous new track) and its identity rests on the tracker's guess.
 *
 * @param frame 0-based frame to label
 * @param trackId the ID the tracker gave the object there
 * @param label the object's class
 * @param box where the tracker sees it
 * @param reason {@code reemerged} (lost track found again), {@code stitched} (ID carried over a gap
 *     by stitching), or {@code ambiguous-birth} (new track near a lost one of the same class)
 */
public record RecommendedKeyframe(int frame, int trackId, String label, Box box, String reason) {
  public RecommendedKeyframe {
    if (frame < 0) throw new IllegalArgumentException("frame is negative: " + frame);
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(reason, "reason");
  }
}
