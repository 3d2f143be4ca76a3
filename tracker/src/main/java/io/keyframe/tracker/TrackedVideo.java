package io.keyframe.tracker;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a tracker produced for one video.
 *
 * @param tracks tracked detections (every detection has a track ID); invariants already checked
 * @param occlusions spans where a track was lost and found again (or left for good)
 * @param recommendedKeyframes frames a human should label to anchor identities, in frame order
 * @param framesPerSecond tracker throughput on this run
 */
public record TrackedVideo(
    AnnotationSet tracks,
    List<OcclusionEvent> occlusions,
    List<RecommendedKeyframe> recommendedKeyframes,
    double framesPerSecond) {
  public TrackedVideo {
    Objects.requireNonNull(tracks, "tracks");
    occlusions = List.copyOf(occlusions);
    recommendedKeyframes = List.copyOf(recommendedKeyframes);
  }
}
