package io.keyframe.scoring.simulation;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
public record SimulatedVideo(AnnotationSet truth, VideoEvidence evidence, List<InjectedError> errors) {
  public SimulatedVideo {
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(evidence, "evidence");
    if (evidence.annotators().isEmpty())
      throw new IllegalArgumentException("a simulated video needs delivered labels (first annotator)");
    errors = List.copyOf(errors);
  }

  /**
   * Erroneous object-frames per frame: for each error, the frames of its span where its truth
   * track is present (a missed or mislabelled object that is not there is no error).
   */
  public int[] errorsPerFrame() {
    int n = evidence.frameCount();
    Map<Integer, BitSet> present = new HashMap<>();
    for (Detection d : truth.detections())
      if (!d.outside() && d.frame() < n) present.computeIfAbsent(d.trackId(), k -> new BitSet(n)).set(d.frame());
    int[] out = new int[n];
    for (InjectedError e : errors) {
      BitSet p = present.getOrDefault(e.trackId(), new BitSet());
      for (int f = e.startFrame(); f <= Math.min(e.endFrame(), n - 1); f++) if (p.get(f)) out[f]++;
    }
    return out;
  }
}
