package io.keyframe.dataset;

import java.util.HashSet;
import java.util.Set;

/**
 * Checks writers share: no format can hold one track twice in a frame, and a file's frame count
 * must cover every annotated frame, or the written file would not read back.
 */
public final class TrackFrames {
  private TrackFrames() {}

  /**
   * @throws IllegalArgumentException naming the first track id that appears twice in one frame
   */
  public static void requireUnique(AnnotationSet set) {
    Set<Long> seen = new HashSet<>();
    for (Detection d : set.detections())
      if (d.trackId() != Detection.UNTRACKED && !seen.add(((long) d.frame() << 32) | d.trackId()))
        throw new IllegalArgumentException(
            "track " + d.trackId() + " appears twice in frame " + d.frame());
  }

  /** The video's frame count, or one past the last annotated frame when that is larger. */
  public static int length(AnnotationSet set) {
    var ds = set.detections();
    int last = ds.isEmpty() ? -1 : ds.get(ds.size() - 1).frame();
    return Math.max(set.video().frameCount(), last + 1);
  }
}
