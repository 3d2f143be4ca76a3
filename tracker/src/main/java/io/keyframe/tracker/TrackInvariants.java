package io.keyframe.tracker;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The two promises every tracker output keeps: no object ID appears twice in one frame, and every
 * ID has exactly one class. Checked on every output; a violation is a tracker bug, so it fails
 * loudly.
 */
public final class TrackInvariants {
  private TrackInvariants() {}

  /**
   * Throws {@link IllegalStateException} naming the first violation.
   *
   * @return {@code tracks}, for chaining
   */
  public static AnnotationSet check(AnnotationSet tracks) {
    Set<Long> seen = new HashSet<>();
    Map<Integer, String> labelOf = new HashMap<>();
    for (Detection d : tracks.detections()) {
      if (d.trackId() == Detection.UNTRACKED)
        throw new IllegalStateException(
            "tracker output has an untracked detection at frame " + d.frame());
      if (!seen.add(((long) d.frame() << 32) | d.trackId()))
        throw new IllegalStateException(
            "track ID " + d.trackId() + " appears twice in frame " + d.frame());
      String prev = labelOf.putIfAbsent(d.trackId(), d.label());
      if (prev != null && !prev.equals(d.label()))
        throw new IllegalStateException(
            "track ID "
                + d.trackId()
                + " has two classes: "
                + prev
                + " and "
                + d.label()
                + " (frame "
                + d.frame()
                + ")");
    }
    return tracks;
  }

  /** Number of (frame, ID) pairs that occur more than once: 0 for a valid output. */
  public static int duplicateIds(AnnotationSet tracks) {
    Set<Long> seen = new HashSet<>();
    int dup = 0;
    for (Detection d : tracks.detections())
      if (d.trackId() != Detection.UNTRACKED && !seen.add(((long) d.frame() << 32) | d.trackId()))
        dup++;
    return dup;
  }
}
