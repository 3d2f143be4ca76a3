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
import java.util.ArrayList;
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
  @Option(
      names = "--batch",
      description =
          "Batch folder (one sub-folder per video), or the output root the Spark jobs and 'keyframe demo' write.")
  Path batch;

  @Mixin RunIdsOption runIds;

  @Option(names = "--labels", description = "Single video: delivered labels.")
  List<Path> labels = new ArrayList<>();

  @Option(names = "--pred", description = "Single video: customer-model detections.")
  Path pred;

  @Option(
      names = "--rate",
      defaultValue = "10%",
      converter = ShareConverter.class,
      description = "Share of frames to check, 10%% or 0.1 (default: ${DEFAULT-VALUE}).")
  io.keyframe.scoring.units.Share rate;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed; same seed, same sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--queue-budget",
      defaultValue = "10%",
      description =
          "Budget of the expert queue to keep apart: 10%%, 0.1 or 120min (default: ${DEFAULT-VALUE}).")
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
    List<VideoEvidence> evidence =
        RankCommand.evidence(batch, runIds.runs, pred, labels, null, null, stderr());
    Collection<FrameRef> queued =
        allowOverlap
            ? List.of()
            : LabelQueue.rank(evidence, QueueOptions.defaults().withBudget(keepApart)).frames();
    List<SpotCheckRow> rows =
        SpotCheck.sample(evidence, new SpotCheckOptions(rate.value(), seed, allowOverlap), queued);
    if (out.toString().endsWith(".json")) QueueFiles.writeSpotCheckJson(out, rows);
    else QueueFiles.writeSpotCheckCsv(out, rows);
    stdout()
        .printf(
            "%d frames sampled (rate %s, seed %d), %s the expert queue; written to %s%n",
            rows.size(), rate, seed, allowOverlap ? "may overlap" : "disjoint from", out);
    return 0;
  }
}
