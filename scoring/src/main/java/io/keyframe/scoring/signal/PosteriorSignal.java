package io.keyframe.scoring.signal;

import io.keyframe.dataset.Detection;
import java.util.Optional;

/**
 * A signal over each model detection's class posterior (Settles 2009, Active Learning Literature
 * Survey, sec. 3.1); detections without class probabilities count as certain. The three differ only
 * in the uncertainty they take.
 */
sealed interface PosteriorSignal extends MostUncertainDetection
    permits Entropy, Margin, LeastConfidence {

  /** The uncertainty of one detection's posterior (0 = certain). */
  double uncertainty(Posterior p);

  @Override
  default double uncertainty(Detection d) {
    return d.classProbabilities().isEmpty() ? 0 : uncertainty(Posterior.of(d));
  }

  @Override
  default Optional<String> inapplicable(VideoEvidence evidence) {
    return Posterior.missing(evidence);
  }
}
