package io.keyframe.metrics.occlusion;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Track;
import java.util.ArrayList;
import java.util.List;

/**
 * Occlusion events implied by ground-truth annotations: runs of CVAT {@code occluded} frames (cause
 * {@code occluded}, full = false), runs of {@code outside} frames followed by a return (cause
 * {@code exit}, full = true), and gaps where a track has no detection between two appearances
 * (cause {@code unknown}, full = true).
 */
public final class OcclusionEvents {
  private OcclusionEvents() {}

  public static List<OcclusionEvent> fromFlags(AnnotationSet gt) {
    List<OcclusionEvent> out = new ArrayList<>();
    for (Track t : gt.tracks()) {
      List<Detection> ds = t.detections();
      int occStart = -1, outStart = -1, prevFrame = -1;
      for (Detection d : ds) {
        int f = d.frame();
        if (prevFrame >= 0 && f > prevFrame + 1 && outStart < 0)
          out.add(new OcclusionEvent(t.id(), prevFrame + 1, f - 1, "unknown", true));
        if (d.outside()) {
          if (outStart < 0) outStart = f;
        } else if (outStart >= 0) {
          out.add(new OcclusionEvent(t.id(), outStart, f - 1, "exit", true));
          outStart = -1;
        }
        if (d.occluded() && !d.outside()) {
          if (occStart < 0) occStart = f;
        } else if (occStart >= 0) {
          out.add(new OcclusionEvent(t.id(), occStart, prevFrame, "occluded", false));
          occStart = -1;
        }
        prevFrame = f;
      }
      if (occStart >= 0)
        out.add(new OcclusionEvent(t.id(), occStart, prevFrame, "occluded", false));
    }
    return List.copyOf(out);
  }
}
