package io.keyframe.scoring.queue;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.scoring.signal.VideoEvidence;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One video's classes per frame as the {@link SpotCheck} stratifies them: the classes of the
 * delivered labels (else the predictions, else the tracker) on each frame, objects outside the
 * frame left out. Kept as runs of consecutive frames per class, since a class usually stays in view
 * for long stretches, so that a whole batch of these fits where the sample is drawn.
 *
 * @param videoId the video's ID
 * @param frameCount frames in the video
 * @param runs every run, ordered by class, then first frame; within {@code 0..frameCount-1}
 */
public record FrameClasses(String videoId, int frameCount, List<Run> runs) implements Serializable {
  /**
   * Class {@code label} shown on every frame from {@code firstFrame} to {@code lastFrame}.
   *
   * @param label class
   * @param firstFrame first frame, 0-based
   * @param lastFrame last frame, inclusive
   */
  public record Run(String label, int firstFrame, int lastFrame) implements Serializable {
    public Run {
      Objects.requireNonNull(label, "label");
      if (firstFrame < 0 || lastFrame < firstFrame)
        throw new IllegalArgumentException(
            "run frames are not 0 <= first <= last: " + firstFrame + ".." + lastFrame);
    }
  }

  public FrameClasses {
    Objects.requireNonNull(videoId, "videoId");
    if (frameCount < 0) throw new IllegalArgumentException("frameCount is negative: " + frameCount);
    runs = List.copyOf(runs);
    for (Run r : runs)
      if (r.lastFrame() >= frameCount)
        throw new IllegalArgumentException(
            "run of "
                + r.label()
                + " ends at frame "
                + r.lastFrame()
                + ", past the video's "
                + frameCount
                + " frames");
  }

  /** The classes of {@code e}'s delivered labels, else predictions, else tracker, per frame. */
  public static FrameClasses of(VideoEvidence e) {
    int n = e.frameCount();
    AnnotationSet src = e.labels().orElse(e.predictions() != null ? e.predictions() : e.tracker());
    Map<String, BitSet> shown = new TreeMap<>();
    if (src != null)
      for (Detection d : src.detections())
        if (d.frame() < n && !d.outside())
          shown.computeIfAbsent(d.label(), k -> new BitSet(n)).set(d.frame());
    List<Run> runs = new ArrayList<>();
    shown.forEach(
        (label, frames) -> FrameRuns.of(frames).forEach(r -> runs.add(new Run(label, r[0], r[1]))));
    return new FrameClasses(e.video().id(), n, runs);
  }

  /** Frame -> classes shown there; frames with none are absent. */
  public Map<Integer, Set<String>> byFrame() {
    Map<Integer, Set<String>> out = new HashMap<>();
    for (Run r : runs)
      for (int f = r.firstFrame(); f <= r.lastFrame(); f++)
        out.computeIfAbsent(f, k -> new HashSet<>()).add(r.label());
    return out;
  }
}
