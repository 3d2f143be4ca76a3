package io.keyframe.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --run}: which runs of an output root a command reads ({@link OutputRootBatch#read}); empty
 * means every complete detections run. Rank, spot-check and scorecard take it with one wording.
 */
final class RunIdsOption {
  @Option(
      names = "--run",
      split = ",",
      description =
          "With an output root: run id(s) to read (default: every complete detections run; a later run replaces an earlier one's source).")
  List<String> runs = new ArrayList<>();
}
