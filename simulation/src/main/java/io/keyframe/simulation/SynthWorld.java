package io.keyframe.simulation;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.scoring.signal.VideoEvidence;
import io.keyframe.synth.ClinicVideoGenerator;
import io.keyframe.synth.GeneratedVideo;
import io.keyframe.synth.GeneratorSpec;
import io.keyframe.synth.InjectedFault;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.TrackedVideo;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulation worlds from the synthetic clinic generator ({@code io.keyframe.synth}): one
 * annotator's labels are delivered, the others are second opinions, the simulated detector is the
 * customer model, and the generator's recorded faults of the delivered annotator are the errors to
 * catch, together with the model faults it left in while correcting the pre-annotations ({@link
 * ResidualModelErrors}; each annotator keeps its own draw of them).
 *
 * <p>Fault mapping: box jitter, missed spans/tracks and wrong classes count once per object-frame
 * of their span; an ID swap counts once per track involved, at the frame where the IDs are
 * exchanged (as CLEAR-MOT counts an ID switch where it happens; the later frames are not wrong on
 * their own, only relative to the switch). The generator's exact occlusion manifest is <em>not</em>
 * passed to the queue: as in production, the tracker ({@code tracker}'s weight-free ByteTrack on
 * the detector's boxes, no pixels) supplies tracks and occlusion events, and the occlusion signal
 * adds what the labels' gaps and occluded flags imply.
 */
public final class SynthWorld {
  private SynthWorld() {}

  /**
   * All videos of {@code spec}.
   *
   * @param delivered index of the annotator whose labels are delivered (and checked)
   * @param secondOpinions whether the other annotators' labels are given to the queue too
   * @param residual the model faults each annotator leaves in while correcting pre-annotations
   *     (rate 0: the annotators' own faults only)
   */
  public static List<SimulatedVideo> of(
      GeneratorSpec spec,
      int delivered,
      boolean secondOpinions,
      ResidualModelErrors residual,
      ProgressListener progress) {
    if (delivered < 0 || delivered >= spec.annotators().size())
      throw new IllegalArgumentException(
          "delivered annotator "
              + delivered
              + " is not one of the "
              + spec.annotators().size()
              + " annotators of the spec");
    ClinicVideoGenerator g = new ClinicVideoGenerator(spec);
    List<SimulatedVideo> out = new ArrayList<>();
    for (int i = 0; i < spec.videos(); i++) {
      out.add(of(g.generate(i), delivered, secondOpinions, residual, spec.seed() * 1_000_003L + i));
      progress.progress("simulate-world", i + 1, spec.videos());
    }
    return out;
  }

  /**
   * One generated video as a simulation video.
   *
   * @param seed seeds which model faults survive in which annotator's labels
   */
  public static SimulatedVideo of(
      GeneratedVideo v,
      int delivered,
      boolean secondOpinions,
      ResidualModelErrors residual,
      long seed) {
    List<InjectedFault> modelFaults = v.faultsOf(v.model().provenance().source());
    SplittableRandom root = new SplittableRandom(seed);
    List<AnnotationSet> labelled = new ArrayList<>();
    List<InjectedError> deliveredErrors = new ArrayList<>();
    for (int i = 0; i < v.annotators().size(); i++) {
      AnnotationSet own = v.annotators().get(i);
      ResidualModelErrors.Result left =
          residual.apply(own, v.groundTruth(), modelFaults, root.split());
      labelled.add(left.labels());
      if (i == delivered) {
        deliveredErrors.addAll(errors(v.faultsOf(own.provenance().source())));
        deliveredErrors.addAll(left.errors());
      }
    }
    List<AnnotationSet> annotators = new ArrayList<>();
    annotators.add(labelled.get(delivered));
    if (secondOpinions)
      for (int i = 0; i < labelled.size(); i++) if (i != delivered) annotators.add(labelled.get(i));
    TrackedVideo tracked =
        new ByteTracker(ByteTrackConfig.defaults())
            .track(v.model(), FrameImages.NONE, List.of(), ProgressListener.NONE);
    VideoEvidence ev =
        new VideoEvidence(v.video(), v.model(), tracked.tracks(), annotators, tracked.occlusions());
    return new SimulatedVideo(v.groundTruth(), ev, deliveredErrors);
  }

  /**
   * The delivered annotator's faults as errors to catch (see the class comment for the mapping).
   */
  static List<InjectedError> errors(List<InjectedFault> faults) {
    List<InjectedError> out = new ArrayList<>();
    for (InjectedFault f : faults) {
      String kind = f.kind().name().toLowerCase(java.util.Locale.ROOT);
      for (int id : f.trackIds())
        out.add(
            f.kind() == InjectedFault.Kind.ID_SWAP
                ? new InjectedError(kind, id, f.startFrame(), f.startFrame())
                : new InjectedError(kind, id, f.startFrame(), f.endFrame()));
    }
    return out;
  }
}
