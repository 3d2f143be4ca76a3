package io.keyframe.scoring.signal;

import io.keyframe.dataset.Detection;
import java.util.Optional;

/**
 * Detection-score uncertainty, 1 - |2s - 1|: highest for detections at the 0.5 decision boundary
 * (Brust, Käding &amp; Denzler 2019, Active Learning for Deep Object Detection).
 *
 * <p>Per detection of the customer model; a frame's value is its most uncertain detection.
 */
public record ScoreUncertainty() implements MostUncertainDetection {
  @Override
  public String name() {
    return "score_uncertainty";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    return MissingInput.predictions(evidence);
  }

  @Override
  public double uncertainty(Detection d) {
    double s = d.score();
    if (!(s >= 0 && s <= 1))
      throw MostUncertainDetection.badValue(
          d, "detection score", "is not in [0,1]: " + s + "; pass model confidences, not logits");
    return 1 - Math.abs(2 * s - 1);
  }
}
