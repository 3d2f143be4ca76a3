package io.keyframe.synth;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.ProgressListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Generates synthetic clinic videos from a {@link GeneratorSpec}: scene, ground truth, occlusion
 * manifest, simulated annotators and detector, each video independent of the others (video {@code
 * i} is the same whatever {@code videos} is) and a pure function of the spec.
 */
public final class ClinicVideoGenerator {
  /** Progress stage name reported to listeners. */
  public static final String STAGE = "generate";

  private final GeneratorSpec spec;

  /** A generator for {@code spec}. */
  public ClinicVideoGenerator(GeneratorSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /** The spec this generator follows. */
  public GeneratorSpec spec() {
    return spec;
  }

  /** The scene of video {@code index} alone (cheap), e.g. to render frames. */
  public Scene scene(int index) {
    checkIndex(index);
    return new SceneBuilder(spec, index).build();
  }

  /** Generates video {@code index}. */
  public GeneratedVideo generate(int index) {
    return generate(index, ProgressListener.NONE);
  }

  /**
   * Generates video {@code index}, reporting frames measured (of this video) to {@code listener}
   * under stage {@link #STAGE}.
   */
  public GeneratedVideo generate(int index, ProgressListener listener) {
    Scene scene = scene(index);
    int frames = spec.frames();
    int step = Math.max(1, frames / 100);
    GroundTruthBuilder.Result truth =
        GroundTruthBuilder.build(
            scene,
            done -> {
              if (done % step == 0 || done == frames) listener.progress(STAGE, done, frames);
            });
    TruthIndex truthIndex = TruthIndex.of(truth.groundTruth());
    List<AnnotationSet> annotators = new ArrayList<>();
    List<InjectedFault> faults = new ArrayList<>();
    for (AnnotatorProfile p : spec.annotators()) {
      AnnotatorSimulator.Output a =
          AnnotatorSimulator.simulate(
              truthIndex,
              truth.occlusions(),
              p,
              SeedSequence.stream(spec.seed(), index, "annotator:" + p.name()));
      annotators.add(a.annotations());
      faults.addAll(sorted(a.faults()));
    }
    ModelSimulator.Output m =
        ModelSimulator.simulate(
            scene,
            truthIndex,
            spec.model(),
            SeedSequence.stream(spec.seed(), index, "model:" + spec.model().name()));
    faults.addAll(sorted(m.faults()));
    return new GeneratedVideo(
        scene.video(),
        scene,
        truth.groundTruth(),
        truth.occlusions(),
        annotators,
        m.detections(),
        faults);
  }

  /** All videos, generated one after another (each holds its annotations in memory). */
  public List<GeneratedVideo> generateAll() {
    List<GeneratedVideo> out = new ArrayList<>(spec.videos());
    for (int i = 0; i < spec.videos(); i++) out.add(generate(i));
    return out;
  }

  private static List<InjectedFault> sorted(List<InjectedFault> faults) {
    List<InjectedFault> out = new ArrayList<>(faults);
    out.sort(
        Comparator.comparingInt(InjectedFault::startFrame)
            .thenComparing(InjectedFault::kind)
            .thenComparing(f -> f.trackIds().toString())
            .thenComparingInt(InjectedFault::endFrame)
            .thenComparing(InjectedFault::detail));
    return out;
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= spec.videos())
      throw new IndexOutOfBoundsException("video " + index + " not in [0, " + spec.videos() + ")");
  }
}
