package io.keyframe.synth;

import java.util.Objects;

/**
 * An annotated object in a generated scene.
 *
 * @param trackId ground-truth track id (>= 0)
 * @param objectClass its class
 * @param sprite its shape
 * @param trajectory where it is per frame
 * @param depth drawing order among objects (higher is nearer the camera); ties by track id
 */
public record SceneObject(
    int trackId, ObjectClass objectClass, Sprite sprite, Trajectory trajectory, int depth) {
  public SceneObject {
    if (trackId < 0) throw new IllegalArgumentException("track id is negative: " + trackId);
    Objects.requireNonNull(objectClass, "objectClass");
    Objects.requireNonNull(sprite, "sprite");
    Objects.requireNonNull(trajectory, "trajectory");
  }

  /** True when this object is drawn in front of {@code other}. */
  public boolean inFrontOf(SceneObject other) {
    return depth != other.depth ? depth > other.depth : trackId > other.trackId;
  }
}
