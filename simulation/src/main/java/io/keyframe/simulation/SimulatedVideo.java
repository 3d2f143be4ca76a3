package io.keyframe.simulation;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * One video of the simulation: the truth, what the queue sees, and the recorded errors of the
 * delivered labels ({@code evidence.annotators().get(0)}).
 *
 * @param truth ground truth
 * @param evidence model predictions, tracker output, annotators' labels (first = delivered) and
 *     occlusion events, as the queue would get them
 * @param errors faults injected into the delivered labels
 */
public record SimulatedVideo(
    AnnotationSet truth, VideoEvidence evidence, List<InjectedError> errors) {
  public SimulatedVideo {
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(evidence, "evidence");
    if (evidence.annotators().isEmpty())
      throw new IllegalArgumentException(
          "a simulated video needs delivered labels (first annotator)");
    errors = List.copyOf(errors);
  }

  /**
   * Erroneous object-frames per frame: for each error, the frames of its span where its truth track
   * is present (a missed or mislabelled object that is not there is no error).
   */
  public int[] errorsPerFrame() {
    int[] out = new int[evidence.frameCount()];
    for (InjectedError e : errors) {
      BitSet b = frames(e);
      for (int f = b.nextSetBit(0); f >= 0; f = b.nextSetBit(f + 1)) out[f]++;
    }
    return out;
  }

  /**
   * Frames on which {@code e} is an erroneous object-frame: its span where its truth track is
   * present, or its whole span for a spurious object.
   */
  public BitSet frames(InjectedError e) {
    int n = evidence.frameCount();
    BitSet out = new BitSet(n);
    if (e.trackId() == InjectedError.SPURIOUS) {
      out.set(Math.min(e.startFrame(), n), Math.min(e.endFrame() + 1, n));
      return out;
    }
    for (Detection d : truth.detections())
      if (d.trackId() == e.trackId() && !d.outside() && d.frame() < n) out.set(d.frame());
    out.clear(0, Math.min(e.startFrame(), n));
    if (e.endFrame() + 1 < n) out.clear(e.endFrame() + 1, n);
    return out;
  }
}
