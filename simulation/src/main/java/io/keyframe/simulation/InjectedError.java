package io.keyframe.simulation;

import java.util.Objects;

/**
 * One recorded fault in the delivered labels: which object, which frames, what kind. Each frame of
 * the span on which the object is present counts as one erroneous object-frame.
 *
 * @param kind e.g. {@code wrong_class}, {@code missed_span}, {@code jitter}, {@code id_swap}
 * @param trackId the ground-truth track affected, or {@link #SPURIOUS} for a labelled object that
 *     does not exist (it counts on every frame of its span)
 * @param startFrame first affected frame (inclusive)
 * @param endFrame last affected frame (inclusive)
 */
public record InjectedError(String kind, int trackId, int startFrame, int endFrame) {
  /** Track id of an error about an object that is not there (a false positive). */
  public static final int SPURIOUS = -1;

  public InjectedError {
    Objects.requireNonNull(kind, "kind");
    if (startFrame < 0 || endFrame < startFrame)
      throw new IllegalArgumentException("bad error span " + startFrame + ".." + endFrame);
  }
}
