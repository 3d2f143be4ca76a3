package io.keyframe.synth;

import java.util.List;
import java.util.Objects;

/**
 * One fault the generator put into a simulated annotator's or detector's output on purpose. The
 * list of these is exact: outside recorded faults an annotator equals the ground truth, so a
 * quality metric can be checked against what was injected.
 *
 * @param source who made it: an annotator name or the model name
 * @param kind what kind of fault
 * @param video the video id
 * @param startFrame first affected frame (0-based, inclusive)
 * @param endFrame last affected frame (inclusive)
 * @param trackIds ground-truth track ids involved (two for a swap; empty for a false positive)
 * @param detail human-readable specifics (sigma, classes, box), stable for equal seeds
 */
public record InjectedFault(
    String source,
    Kind kind,
    String video,
    int startFrame,
    int endFrame,
    List<Integer> trackIds,
    String detail) {
  /** Fault kinds; the first four are annotator faults, the last three model faults. */
  public enum Kind {
    /** Boxes of a track span perturbed with Gaussian noise. */
    BOX_JITTER,
    /** A track (or a span of it) not labelled. */
    MISSED,
    /** A whole track labelled with a confusable class. */
    WRONG_CLASS,
    /** Two tracks' IDs exchanged from an object's reappearance after occlusion onwards. */
    ID_SWAP,
    /** A detection where there is no object. */
    FALSE_POSITIVE,
    /** Consecutive frames where a visible object was not detected. */
    MISSED_DETECTION,
    /** A span where the detector reports the confusable class. */
    CLASS_CONFUSION
  }

  public InjectedFault {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(video, "video");
    if (startFrame < 0 || endFrame < startFrame)
      throw new IllegalArgumentException("bad fault span " + startFrame + ".." + endFrame);
    trackIds = List.copyOf(trackIds);
    detail = detail == null ? "" : detail;
  }

  /** True when {@code frame} lies in the fault's span. */
  public boolean covers(int frame) {
    return frame >= startFrame && frame <= endFrame;
  }

  /** True when the fault is about track {@code id} and covers {@code frame}. */
  public boolean covers(int id, int frame) {
    return covers(frame) && trackIds.contains(id);
  }
}
