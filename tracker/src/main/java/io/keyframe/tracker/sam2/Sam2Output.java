package io.keyframe.tracker.sam2;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Video;
import io.keyframe.tracker.RecommendedKeyframe;
import io.keyframe.tracker.sam2.Sam2Graphs.Tensor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What the loop reports, frame by frame: the shapes of visible objects, an occlusion event for each
 * hidden run of at least {@code minOcclusionFrames} frames, and a recommended keyframe where an
 * object re-emerges without a prompt.
 */
final class Sam2Output {
  private final Video video;
  private final int minOcclusionFrames;
  private final List<Detection> shapes = new ArrayList<>();
  private final List<OcclusionEvent> occlusions = new ArrayList<>();
  private final List<RecommendedKeyframe> recommended = new ArrayList<>();

  Sam2Output(Video video, int minOcclusionFrames) {
    this.video = video;
    this.minOcclusionFrames = minOcclusionFrames;
  }

  /**
   * One object's decoder result on frame {@code f}. A prompted frame is visible whatever the object
   * score says (the human saw it); the prompt's box is the shape's box.
   */
  void add(ObjectState o, int f, Tensor masks, float objectScore, float iou, Sam2Prompt prompt) {
    boolean visible = objectScore > 0 || prompt != null;
    if (!visible) {
      if (o.hiddenSince < 0) o.hiddenSince = f;
      return;
    }
    Mask mask = Sam2VideoTracker.upsample(masks, video);
    if (o.hiddenSince >= 0 && f - o.hiddenSince >= minOcclusionFrames) {
      occlusions.add(new OcclusionEvent(o.id, o.hiddenSince, f - 1, "unknown", true));
      if (prompt == null)
        recommended.add(
            new RecommendedKeyframe(
                f, o.id, o.label, mask.bbox().orElse(new Box(0, 0, 1, 1)), "reemerged"));
    }
    o.hiddenSince = -1;
    Box box = prompt != null && prompt.box() != null ? prompt.box() : mask.bbox().orElse(null);
    if (box != null || mask.area() > 0)
      shapes.add(
          Detection.builder(f, o.label)
              .trackId(o.id)
              .box(box)
              .mask(mask.area() > 0 ? mask : null)
              .score(Math.max(0, Math.min(1, iou)))
              .keyframe(prompt != null)
              .build());
  }

  /** Objects still hidden at the end of the video's {@code n} frames end their occlusion there. */
  void endHiddenRuns(Collection<ObjectState> objects, int n) {
    for (ObjectState o : objects)
      if (o.hiddenSince >= 0 && n - o.hiddenSince >= minOcclusionFrames)
        occlusions.add(new OcclusionEvent(o.id, o.hiddenSince, n - 1, "unknown", true));
  }

  List<Detection> shapes() {
    return shapes;
  }

  /** Occlusion events by start frame, then track ID. */
  List<OcclusionEvent> occlusions() {
    occlusions.sort(
        Comparator.comparingInt(OcclusionEvent::startFrame)
            .thenComparingInt(OcclusionEvent::trackId));
    return occlusions;
  }

  List<RecommendedKeyframe> recommended() {
    return recommended;
  }
}
