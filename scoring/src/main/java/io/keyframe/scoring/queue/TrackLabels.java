package io.keyframe.scoring.queue;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.scoring.signal.VideoEvidence;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each (track ID, class) pair shows in one video, over every source, as runs of consecutive
 * frames: all the queue's {@code labels} column reads of the detections. A track is a handful of
 * runs (broken only where a source misses it or calls it something else), so this stays small
 * where one entry per detection would not.
 *
 * @param runs every run, ordered by track ID, class, then first frame
 */
public record TrackLabels(List<Run> runs) implements Serializable {
  /**
   * Track {@code trackId} shown as {@code label} by some source on every frame from {@code
   * firstFrame} to {@code lastFrame}.
   *
   * @param trackId track ID ({@link Detection#UNTRACKED} for untracked detections)
   * @param label class
   * @param firstFrame first frame, 0-based
   * @param lastFrame last frame, inclusive
   */
  public record Run(int trackId, String label, int firstFrame, int lastFrame) implements Serializable {
    public Run {
      Objects.requireNonNull(label, "label");
      if (firstFrame < 0 || lastFrame < firstFrame)
        throw new IllegalArgumentException("run frames are not 0 <= first <= last: " + firstFrame + ".." + lastFrame);
    }
  }

  public TrackLabels {
    runs = List.copyOf(runs);
  }

  /** The runs of every source of {@code e} on its frames 0..frameCount-1 (later frames are never queued). */
  public static TrackLabels of(VideoEvidence e) {
    int n = e.frameCount();
    Map<Integer, Map<String, BitSet>> shown = new TreeMap<>();
    for (AnnotationSet s : e.sets())
      for (Detection d : s.detections())
        if (d.frame() < n) shown.computeIfAbsent(d.trackId(), k -> new TreeMap<>()).computeIfAbsent(d.label(), k -> new BitSet(n)).set(d.frame());
    List<Run> runs = new ArrayList<>();
    shown.forEach(
        (id, byLabel) -> byLabel.forEach((label, frames) -> FrameRuns.of(frames).forEach(r -> runs.add(new Run(id, label, r[0], r[1])))));
    return new TrackLabels(runs);
  }

  /**
   * The classes shown on frames {@code start..end}: those of the tracks in {@code ids} when any of
   * them shows there (the objects a queue row is about), else every class shown there.
   */
  public SortedSet<String> labels(int start, int end, Set<Integer> ids) {
    TreeSet<String> all = new TreeSet<>();
    TreeSet<String> ofIds = new TreeSet<>();
    for (Run r : runs)
      if (r.firstFrame() <= end && r.lastFrame() >= start) {
        all.add(r.label());
        if (ids.contains(r.trackId())) ofIds.add(r.label());
      }
    return ofIds.isEmpty() ? all : ofIds;
  }
}
