package io.keyframe.scoring.signal;

import java.util.Optional;

/**
 * The inputs signals share, with the message that tells a user what to pass when one is missing.
 */
final class MissingInput {
  private MissingInput() {}

  /**
   * What the signals that follow track IDs (temporal instability, track ends) say when they have no
   * tracked detections.
   */
  static final String TRACKED_DETECTIONS =
      "needs tracked labels or tracker output (detections with track IDs); pass --labels or --tracks";

  /**
   * {@code message} when the input is {@code missing}, else empty: a {@link Signal#inapplicable}.
   */
  static Optional<String> when(boolean missing, String message) {
    return missing ? Optional.of(message) : Optional.empty();
  }

  /** Why a signal that reads the customer model's detections cannot run, or empty. */
  static Optional<String> predictions(VideoEvidence e) {
    return when(
        e.predictions() == null,
        "no model predictions given; pass the customer model's detections (--pred)");
  }
}
