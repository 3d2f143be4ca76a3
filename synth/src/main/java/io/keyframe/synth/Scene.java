package io.keyframe.synth;

import io.keyframe.dataset.Video;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One generated video's world: the room, the annotated objects (kept in drawing order, back to
 * front) and the people and carts that cross in front of them. Pure data; {@link FrameRenderer}
 * draws it and {@link GroundTruthBuilder} measures it.
 */
public record Scene(Video video, Room room, List<SceneObject> objects, List<Occluder> occluders) {
  public Scene {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(room, "room");
    objects =
        objects.stream()
            .sorted(
                Comparator.comparingInt(SceneObject::depth).thenComparingInt(SceneObject::trackId))
            .toList();
    occluders = List.copyOf(occluders);
  }
}
