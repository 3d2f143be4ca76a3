package io.keyframe.synth;

import java.util.Objects;

/** The checks every simulated rater's profile (annotator or detector) makes of its parameters. */
final class ProfileChecks {
  private ProfileChecks() {}

  /** {@code name}, which goes into file names and provenance: letters, digits, '_' and '-'. */
  static String fileNameToken(String kind, String name) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_-]+"))
      throw new IllegalArgumentException(kind + " name must be a file-name token: " + name);
    return name;
  }

  /** Each of {@code rates} is a probability, in [0, 1]. */
  static void probabilities(String name, double... rates) {
    for (double r : rates)
      if (!(r >= 0 && r <= 1))
        throw new IllegalArgumentException("rate not in [0,1]: " + r + " in " + name);
  }
}
