package io.keyframe.cli;

import io.keyframe.scoring.queue.Budget;
import io.keyframe.scoring.queue.FrameRef;
import io.keyframe.scoring.queue.LabelQueue;
import io.keyframe.scoring.queue.QueueFiles;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.SpotCheck;
import io.keyframe.scoring.queue.SpotCheckOptions;
import io.keyframe.scoring.queue.SpotCheckRow;
import io.keyframe.scoring.signal.VideoEvidence;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The QA spot-check sample: stratified by video and class, reproducible, apart from the expert
 * queue.
 */
@Command(
    name = "spot-check",
    mixinStandardHelpOptions = true,
    description =
        "Draw the QA spot-check sample (stratified by video and class; excludes the expert queue unless --allow-overlap).")
public final class SpotCheckCommand extends KeyframeCommand {
  @Mixin EvidenceInputs inputs;

  @Option(
      names = "--rate",
      defaultValue = "10%",
      converter = ShareConverter.class,
      description = "Share of frames to check: " + Units.SHARE + " (default: ${DEFAULT-VALUE}).")
  io.keyframe.scoring.units.Share rate;

  @Mixin SeedOption seed;

  @Option(
      names = "--queue-budget",
      defaultValue = "10%",
      description =
          "Expert budget of the queue to keep apart: "
              + Units.BUDGET
              + " (default: ${DEFAULT-VALUE}).")
  String queueBudget;

  @Option(
      names = "--allow-overlap",
      description = "Allow frames that are also in the expert queue.")
  boolean allowOverlap;

  @Option(names = "--out", required = true, description = "Sample file: .csv or .json.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Budget keepApart = Budget.parse(queueBudget);
    List<VideoEvidence> evidence = inputs.read(null, null, stderr());
    Collection<FrameRef> queued =
        allowOverlap
            ? List.of()
            : LabelQueue.rank(evidence, QueueOptions.defaults().withBudget(keepApart)).frames();
    List<SpotCheckRow> rows =
        SpotCheck.sample(
            evidence, new SpotCheckOptions(rate.value(), seed.seed, allowOverlap), queued);
    if (out.toString().endsWith(".json")) QueueFiles.writeSpotCheckJson(out, rows);
    else QueueFiles.writeSpotCheckCsv(out, rows);
    stdout()
        .printf(
            "%d frames sampled (rate %s, seed %d), %s the expert queue; written to %s%n",
            rows.size(), rate, seed.seed, allowOverlap ? "may overlap" : "disjoint from", out);
    return 0;
  }
}
