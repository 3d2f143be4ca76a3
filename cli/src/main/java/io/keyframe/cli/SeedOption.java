package io.keyframe.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed} of the commands that draw at random (spot-check's sample, assign's plan): one
 * default and one promise, that the same seed on the same inputs draws the same result.
 */
final class SeedOption {
  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "Random seed; the same seed on the same inputs draws the same result (default: ${DEFAULT-VALUE}).")
  long seed;
}
