package io.keyframe.dataset;

import java.util.HashSet;
import java.util.Locale;
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

  /**
   * Formats with one frame size per video cannot hold a mask of another size.
   *
   * @param rule the format's rule as the message opens, e.g. {@code "CVAT for video has one frame
   *     size"}
   * @param instead what the user can do, ending the message
   * @throws IllegalArgumentException naming the first mask whose size is not the video's
   */
  public static void requireMasksOfVideoSize(AnnotationSet set, String rule, String instead) {
    Video v = set.video();
    for (Detection d : set.detections())
      if (d.mask() != null && (d.mask().width() != v.width() || d.mask().height() != v.height()))
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s (%dx%d) but the mask in frame %d is %dx%d; %s",
                rule,
                v.width(),
                v.height(),
                d.frame(),
                d.mask().width(),
                d.mask().height(),
                instead));
  }

  /**
   * The detections by track id, in id order; each untracked detection becomes a one-frame track
   * with a fresh id past the largest (formats that store tracks, not boxes, need one).
   */
  public static java.util.TreeMap<Integer, java.util.List<Detection>> tracksWithUntrackedAlone(
      AnnotationSet set) {
    java.util.TreeMap<Integer, java.util.List<Detection>> tracks = new java.util.TreeMap<>();
    java.util.List<Detection> untracked = new java.util.ArrayList<>();
    for (Detection d : set.detections()) {
      if (d.trackId() == Detection.UNTRACKED) untracked.add(d);
      else tracks.computeIfAbsent(d.trackId(), k -> new java.util.ArrayList<>()).add(d);
    }
    int next = tracks.isEmpty() ? 0 : tracks.lastKey() + 1;
    for (Detection d : untracked) tracks.put(next++, java.util.List.of(d));
    return tracks;
  }

  /** The video's frame count, or one past the last annotated frame when that is larger. */
  public static int length(AnnotationSet set) {
    var ds = set.detections();
    int last = ds.isEmpty() ? -1 : ds.get(ds.size() - 1).frame();
    return Math.max(set.video().frameCount(), last + 1);
  }
}
