package io.keyframe.synth;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Video;
import java.util.List;
import java.util.Objects;

/**
 * One generated video with everything known about it.
 *
 * @param video the video's metadata (no file: frames are rendered on demand)
 * @param scene the world, for rendering
 * @param groundTruth exact boxes, visible-region masks, visibility and flags
 * @param occlusions the exact occlusion manifest
 * @param annotators each simulated annotator's labels, in spec order
 * @param model the simulated detector's per-frame detections
 * @param faults every injected fault (annotators' then the model's), sorted by source, start frame,
 *     kind
 */
public record GeneratedVideo(
    Video video,
    Scene scene,
    AnnotationSet groundTruth,
    List<OcclusionEvent> occlusions,
    List<AnnotationSet> annotators,
    AnnotationSet model,
    List<InjectedFault> faults) {
  public GeneratedVideo {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(groundTruth, "groundTruth");
    occlusions = List.copyOf(occlusions);
    annotators = List.copyOf(annotators);
    Objects.requireNonNull(model, "model");
    faults = List.copyOf(faults);
  }

  /** A renderer that draws this video's frames on demand. */
  public FrameRenderer renderer() {
    return new FrameRenderer(scene);
  }

  /** The faults injected by {@code source} (an annotator or the model name). */
  public List<InjectedFault> faultsOf(String source) {
    return faults.stream().filter(f -> f.source().equals(source)).toList();
  }
}
