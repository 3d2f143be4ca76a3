package io.keyframe.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data}: the output root the jobs wrote, as the commands that read all of it take it. */
final class OutputRootOption {
  @Option(
      names = "--data",
      defaultValue = "keyframe-out",
      description = "Output root of the jobs (default: ${DEFAULT-VALUE}).")
  Path data;
}
