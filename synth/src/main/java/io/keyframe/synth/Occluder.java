package io.keyframe.synth;

import java.util.List;
import java.util.Objects;

/**
 * A person or cart crossing the room in front of all equipment. Not annotated; it only hides
 * things. A walking person alternates between poses every few frames.
 *
 * @param kind {@code person} or {@code cart}, the occlusion cause in the manifest
 * @param poses the sprites it cycles through while moving (all the same size)
 * @param trajectory where its top-left corner is
 * @param firstFrame first frame it is in the scene
 * @param lastFrame last frame it is in the scene
 */
public record Occluder(
    String kind, List<Sprite> poses, Trajectory trajectory, int firstFrame, int lastFrame) {
  /** Frames per pose of the walking cycle. */
  static final int FRAMES_PER_POSE = 4;

  public Occluder {
    if (!"person".equals(kind) && !"cart".equals(kind))
      throw new IllegalArgumentException("occluder kind must be person or cart: " + kind);
    poses = List.copyOf(poses);
    if (poses.isEmpty()) throw new IllegalArgumentException("an occluder needs a pose");
    Objects.requireNonNull(trajectory, "trajectory");
    if (lastFrame < firstFrame)
      throw new IllegalArgumentException("occluder leaves before it enters");
  }

  /** True when the occluder is in the scene at {@code frame}. */
  public boolean presentAt(int frame) {
    return frame >= firstFrame && frame <= lastFrame;
  }

  /** The sprite at {@code frame}. */
  public Sprite spriteAt(int frame) {
    return poses.get(Math.floorMod(frame / FRAMES_PER_POSE, poses.size()));
  }
}
