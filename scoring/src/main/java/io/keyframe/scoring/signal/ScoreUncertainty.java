package io.keyframe.scoring.signal;

import io.keyframe.dataset.Detection;
import java.util.List;
import java.util.Optional;

/**
 * Detection-score uncertainty, 1 - |2s - 1|: highest for detections at the 0.5 decision boundary
 * (Brust, Käding &amp; Denzler 2019, Active Learning for Deep Object Detection).
 *
 * <p>Per detection of the customer model; a frame's value is its most uncertain detection.
 */
public record ScoreUncertainty() implements Signal {
  @Override
  public String name() {
    return "score_uncertainty";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    if (evidence.predictions() == null) return MissingInput.predictions(evidence);
    return Optional.empty();
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    FrameScores.Builder b = new FrameScores.Builder(evidence.frameCount());
    List<List<Detection>> frames = evidence.perFrame(evidence.predictions());
    for (int f = 0; f < frames.size(); f++) {
      double max = 0;
      for (Detection d : frames.get(f)) {
        double s = d.score();
        if (!(s >= 0 && s <= 1))
          throw new IllegalArgumentException(
              "detection score at frame "
                  + f
                  + ", track "
                  + d.trackId()
                  + " is not in [0,1]: "
                  + s
                  + "; pass model confidences, not logits");
        max = Math.max(max, 1 - Math.abs(2 * s - 1));
      }
      b.max(f, max);
      for (Detection d : frames.get(f))
        if (max > 0 && 1 - Math.abs(2 * d.score() - 1) >= max / 2) b.object(f, d.trackId());
    }
    return b.build();
  }
}
