package io.keyframe.spark.generate;

import io.keyframe.synth.GeneratorSpec;
import io.keyframe.synth.ModelProfile;
import java.io.Serializable;
import java.util.Objects;

/**
 * What {@link GenerateJob} asks the synthetic generator for, in a form that travels to executors
 * (the generator's own spec records are not serializable). Each executor rebuilds the same {@link
 * GeneratorSpec}; the generator is deterministic per (spec, video index).
 *
 * @param model the simulated customer detector's error profile (name, miss rates, noise)
 */
public record SynthBatch(
    int videos,
    int frames,
    int objects,
    long seed,
    String modelName,
    double missRate,
    double occlusionMissRate,
    double falsePositivesPerFrame,
    double confusionRate,
    double boxNoise)
    implements Serializable {
  public SynthBatch {
    Objects.requireNonNull(modelName, "modelName");
    // Validate through the generator's own rules (fields are not assigned yet inside this body).
    GeneratorSpec.of(videos, frames, objects, seed);
    new ModelProfile(
        modelName, missRate, occlusionMissRate, falsePositivesPerFrame, confusionRate, boxNoise);
  }

  /** The generator's defaults (three annotators, the default detector) for this size and seed. */
  public static SynthBatch of(int videos, int frames, int objects, long seed) {
    ModelProfile m = ModelProfile.defaults();
    return new SynthBatch(
        videos,
        frames,
        objects,
        seed,
        m.name(),
        m.missRate(),
        m.occlusionMissRate(),
        m.falsePositivesPerFrame(),
        m.confusionRate(),
        m.boxNoise());
  }

  /** A copy whose detector has another name and box noise (a second "model iteration"). */
  public SynthBatch withModel(String name, double noise) {
    return new SynthBatch(
        videos,
        frames,
        objects,
        seed,
        name,
        missRate,
        occlusionMissRate,
        falsePositivesPerFrame,
        confusionRate,
        noise);
  }

  public GeneratorSpec toSpec() {
    return GeneratorSpec.of(videos, frames, objects, seed).withModel(model());
  }

  /** The simulated detector's error profile. */
  private ModelProfile model() {
    return new ModelProfile(
        modelName, missRate, occlusionMissRate, falsePositivesPerFrame, confusionRate, boxNoise);
  }
}
