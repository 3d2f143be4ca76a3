package io.keyframe.scoring.signal;

import java.util.Optional;

/**
 * One acquisition signal: a per-frame score over a video's evidence, higher = more worth an
 * expert's look. Values are non-negative; their scale is the signal's own (the queue normalises).
 */
public sealed interface Signal
    permits MostUncertainDetection,
        ModelTrackerDisagreement,
        AnnotatorDisagreement,
        LabelModelDisagreement,
        TemporalInstability,
        OcclusionProximity,
        Diversity,
        TrackEnds,
        Crowding {

  /** Short stable name used in weights, reasons and the {@code signals} table. */
  String name();

  /** Why this signal cannot run on {@code evidence} (and what to supply instead), or empty. */
  Optional<String> inapplicable(VideoEvidence evidence);

  /**
   * Scores every frame of the video.
   *
   * @throws IllegalArgumentException when {@link #inapplicable} says so, with its message
   */
  FrameScores score(VideoEvidence evidence);

  /** Throws the {@link #inapplicable} message, if any. */
  default void requireApplicable(VideoEvidence evidence) {
    inapplicable(evidence)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException(name() + ": " + why);
            });
  }
}
