package io.keyframe.synth;

/**
 * How the simulated customer detector errs. It sees only the visible part of each object: misses
 * grow with occlusion ({@code missRate + occlusionMissRate * (1 - visibility)}), scores fall with
 * it, and fully hidden objects are never detected (not a fault: nothing is visible).
 *
 * @param name model name for provenance and file names
 * @param missRate miss chance of a fully visible object per frame
 * @param occlusionMissRate extra miss chance at visibility 0 (linear in the hidden fraction)
 * @param falsePositivesPerFrame expected spurious detections per frame
 * @param confusionRate chance a track gets a span reported as its confusable class
 * @param boxNoise box noise as a fraction of box size (measurement noise, applied everywhere)
 */
public record ModelProfile(
    String name,
    double missRate,
    double occlusionMissRate,
    double falsePositivesPerFrame,
    double confusionRate,
    double boxNoise) {
  public ModelProfile {
    ProfileChecks.fileNameToken("model", name);
    ProfileChecks.probabilities(name, missRate, occlusionMissRate, confusionRate);
    if (missRate + occlusionMissRate > 1)
      throw new IllegalArgumentException("missRate + occlusionMissRate > 1");
    if (!(falsePositivesPerFrame >= 0) || falsePositivesPerFrame > 10)
      throw new IllegalArgumentException(
          "falsePositivesPerFrame not in [0,10]: " + falsePositivesPerFrame);
    if (!(boxNoise >= 0) || boxNoise > 0.5)
      throw new IllegalArgumentException("boxNoise not in [0,0.5]: " + boxNoise);
  }

  /** The default detector: decent when objects are visible, poor under occlusion. */
  public static ModelProfile defaults() {
    return new ModelProfile("synthetic-detector", 0.01, 0.7, 0.05, 0.12, 0.03);
  }
}
