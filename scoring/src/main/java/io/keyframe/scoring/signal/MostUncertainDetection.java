package io.keyframe.scoring.signal;

import io.keyframe.dataset.Detection;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A signal over each detection of the customer model (the posterior ones and {@link
 * ScoreUncertainty}): a frame scores its most uncertain detection, and the detections within half
 * of that are the objects behind it. The signals differ only in the uncertainty they take and in
 * what they need from the model.
 */
sealed interface MostUncertainDetection extends Signal permits PosteriorSignal, ScoreUncertainty {

  /** The uncertainty of one model detection (0 = certain). */
  double uncertainty(Detection d);

  @Override
  default FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    return perFrame(evidence, this::uncertainty);
  }

  /** Per-frame maximum of {@code uncertainty} over the model's detections (0 for none). */
  static FrameScores perFrame(VideoEvidence e, ToDoubleFunction<Detection> uncertainty) {
    FrameScores.Builder b = new FrameScores.Builder(e.frameCount());
    List<List<Detection>> frames = e.perFrame(e.predictions());
    for (int f = 0; f < frames.size(); f++) {
      List<Detection> frame = frames.get(f);
      double[] v = new double[frame.size()];
      double max = 0;
      for (int i = 0; i < v.length; i++) {
        v[i] = uncertainty.applyAsDouble(frame.get(i));
        max = Math.max(max, v[i]);
      }
      b.max(f, max);
      for (int i = 0; i < v.length; i++)
        if (max > 0 && v[i] >= max / 2) b.object(f, frame.get(i).trackId());
    }
    return b.build();
  }

  /**
   * A value of one model detection that the signals cannot use: "{@code what} at frame F, track T
   * {@code problem}".
   */
  static IllegalArgumentException badValue(Detection d, String what, String problem) {
    return new IllegalArgumentException(
        what + " at frame " + d.frame() + ", track " + d.trackId() + " " + problem);
  }
}
