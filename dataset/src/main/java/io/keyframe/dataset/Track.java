package io.keyframe.dataset;

import java.util.Comparator;
import java.util.List;

/** One object followed through a video: its stable ID, class and per-frame shapes (frame order). */
public record Track(int id, String label, List<Detection> detections) {
  public Track {
    if (id < 0) throw new IllegalArgumentException("track id is negative: " + id);
    detections = detections.stream().sorted(Comparator.comparingInt(Detection::frame)).toList();
    for (Detection d : detections)
      if (d.trackId() != id)
        throw new IllegalArgumentException(
            "detection of track " + d.trackId() + " given to track " + id);
  }

  public int firstFrame() {
    return detections.isEmpty() ? -1 : detections.get(0).frame();
  }

  public int lastFrame() {
    return detections.isEmpty() ? -1 : detections.get(detections.size() - 1).frame();
  }
}
