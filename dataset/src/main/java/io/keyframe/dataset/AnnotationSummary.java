package io.keyframe.dataset;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code keyframe info FILE} prints about an annotation file.
 *
 * @param detections boxes/masks over all frames ("objects")
 * @param tracks distinct track ids
 * @param untracked detections without a track id
 * @param perLabel detections per label, in the file's label order (labels with none included)
 * @param annotatedFrames frames with at least one detection
 */
public record AnnotationSummary(
    AnnotationFormat format,
    String videoId,
    int width,
    int height,
    int frameCount,
    double fps,
    long detections,
    int tracks,
    long untracked,
    Map<String, Long> perLabel,
    int annotatedFrames,
    long occluded,
    long outside,
    long keyframes,
    long withMask,
    long withBox,
    Provenance provenance) {

  public AnnotationSummary {
    perLabel = Collections.unmodifiableMap(new LinkedHashMap<>(perLabel));
  }

  /** Counts everything in one pass over the detections. */
  public static AnnotationSummary of(AnnotationFormat format, AnnotationSet set) {
    Map<String, Long> perLabel = new LinkedHashMap<>();
    for (String l : set.labels()) perLabel.put(l, 0L);
    Set<Integer> tracks = new HashSet<>();
    Set<Integer> frames = new HashSet<>();
    long untracked = 0, occluded = 0, outside = 0, keyframes = 0, masks = 0, boxes = 0;
    for (Detection d : set.detections()) {
      perLabel.merge(d.label(), 1L, Long::sum);
      if (d.trackId() == Detection.UNTRACKED) untracked++;
      else tracks.add(d.trackId());
      frames.add(d.frame());
      if (d.occluded()) occluded++;
      if (d.outside()) outside++;
      if (d.keyframe()) keyframes++;
      if (d.mask() != null) masks++;
      if (d.box() != null) boxes++;
    }
    Video v = set.video();
    return new AnnotationSummary(
        format,
        v.id(),
        v.width(),
        v.height(),
        v.frameCount(),
        v.fps(),
        set.detections().size(),
        tracks.size(),
        untracked,
        perLabel,
        frames.size(),
        occluded,
        outside,
        keyframes,
        masks,
        boxes,
        set.provenance());
  }
}
