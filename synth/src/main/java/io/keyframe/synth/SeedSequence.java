package io.keyframe.synth;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed, one per (video, purpose), so that adding an
 * annotator or changing the detector does not change the scene or the ground truth.
 */
final class SeedSequence {
  private SeedSequence() {}

  /** A generator for {@code purpose} of video {@code video} under {@code seed}. */
  static SplittableRandom stream(long seed, int video, String purpose) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ video);
    // String.hashCode is specified by the JLS, so this is stable across JVMs.
    h = mix(h ^ purpose.hashCode());
    return new SplittableRandom(h);
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform double in [lo, hi). */
  static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /** A standard normal deviate (Box-Muller with StrictMath, so identical on every platform). */
  static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
  }
}
