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
import java.util.TreeMap;

/**
 * Where each (source, track ID, class) shows in one video, as runs of consecutive frames: all the
 * queue's per-object entries read of the detections. Track IDs are numbered per source (ID 2 of the
 * tracker and ID 2 of an annotator are different objects), so every run names its source. A track
 * is a handful of runs (broken only where a source misses it or calls it something else), so this
 * stays small where one entry per detection would not.
 *
 * @param runs every run, ordered by track ID, source, class, then first frame
 */
public record TrackLabels(List<Run> runs) implements Serializable {
  /**
   * Track {@code trackId} of {@code source} shown as {@code label} on every frame from {@code
   * firstFrame} to {@code lastFrame}.
   *
   * @param source the source whose numbering {@code trackId} belongs to
   * @param trackId track ID ({@link Detection#UNTRACKED} for untracked detections)
   * @param label class
   * @param firstFrame first frame, 0-based
   * @param lastFrame last frame, inclusive
   */
  public record Run(String source, int trackId, String label, int firstFrame, int lastFrame)
      implements Serializable {
    public Run {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(label, "label");
      if (firstFrame < 0 || lastFrame < firstFrame)
        throw new IllegalArgumentException(
            "run frames are not 0 <= first <= last: " + firstFrame + ".." + lastFrame);
    }
  }

  public TrackLabels {
    runs = List.copyOf(runs);
  }

  /**
   * The runs of every source of {@code e} on its frames 0..frameCount-1 (later frames are never
   * queued).
   */
  public static TrackLabels of(VideoEvidence e) {
    int n = e.frameCount();
    Map<Integer, Map<String, Map<String, BitSet>>> shown = new TreeMap<>();
    for (AnnotationSet s : e.sets())
      for (Detection d : s.detections())
        if (d.frame() < n)
          shown
              .computeIfAbsent(d.trackId(), k -> new TreeMap<>())
              .computeIfAbsent(s.provenance().source(), k -> new TreeMap<>())
              .computeIfAbsent(d.label(), k -> new BitSet(n))
              .set(d.frame());
    List<Run> runs = new ArrayList<>();
    shown.forEach(
        (id, bySource) ->
            bySource.forEach(
                (source, byLabel) ->
                    byLabel.forEach(
                        (label, frames) ->
                            FrameRuns.of(frames)
                                .forEach(r -> runs.add(new Run(source, id, label, r[0], r[1]))))));
    return new TrackLabels(runs);
  }

  /**
   * The objects of {@code ids} on frames {@code start..end}: one entry per (ID, source, class) that
   * shows there, ordered by ID, source, class. An ID no source shows there has no entry.
   */
  public List<QueueRow.QueueObject> objects(int start, int end, Set<Integer> ids) {
    Set<QueueRow.QueueObject> out = new java.util.LinkedHashSet<>();
    for (Run r : runs)
      if (r.firstFrame() <= end && r.lastFrame() >= start && ids.contains(r.trackId()))
        out.add(new QueueRow.QueueObject(r.trackId(), r.label(), r.source()));
    return List.copyOf(out);
  }
}
