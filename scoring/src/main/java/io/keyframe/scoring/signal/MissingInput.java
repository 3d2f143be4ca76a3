package io.keyframe.scoring.signal;

import java.util.Optional;

/**
 * The inputs signals share, with the message that tells a user what to pass when one is missing.
 */
final class MissingInput {
  private MissingInput() {}

  /** Why a signal that reads the customer model's detections cannot run, or empty. */
  static Optional<String> predictions(VideoEvidence e) {
    if (e.predictions() == null)
      return Optional.of(
          "no model predictions given; pass the customer model's detections (--pred)");
    return Optional.empty();
  }
}
