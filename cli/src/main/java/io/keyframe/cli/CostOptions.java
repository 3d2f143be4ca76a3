package io.keyframe.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --time-log} and {@code --rate}: what the scorecards' throughput and cost are computed
 * from, as scorecard and serve take them (serve hands them to the report server, whose {@code
 * --rate} default is the same 40).
 */
final class CostOptions {
  /** Cost per annotator hour when {@code --rate} is not given. */
  static final double DEFAULT_RATE = 40;

  @Option(
      names = "--time-log",
      description = "CSV time log (annotator,video,seconds): the scorecards' throughput and cost.")
  Path timeLog;

  @Option(
      names = "--rate",
      description = "Cost per annotator hour in the scorecards (default: 40).")
  Double rate;

  /** {@code --rate}, else {@link #DEFAULT_RATE}. */
  double hourlyRate() {
    return rate == null ? DEFAULT_RATE : rate;
  }
}
