package io.keyframe.cli;

import io.keyframe.scoring.queue.Budget;
import io.keyframe.scoring.queue.LabelQueue;
import io.keyframe.scoring.queue.QueueFiles;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.QueueRow;
import io.keyframe.scoring.queue.RankedQueue;
import io.keyframe.scoring.queue.SignalWeights;
import io.keyframe.scoring.signal.VideoEvidence;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Ranks frames for expert labelling within a budget; every row says why. */
@Command(
    name = "rank",
    mixinStandardHelpOptions = true,
    description =
        "Rank frames for expert labelling within a budget (CSV or JSON, each row with its reasons).")
public final class RankCommand extends KeyframeCommand {
  @Mixin EvidenceInputs inputs;

  @Option(
      names = "--tracks",
      description = "Single video: tracker output (model-vs-tracker disagreement).")
  Path tracks;

  @Option(names = "--occlusions", description = "Single video: occlusion events JSON.")
  Path occlusions;

  @Option(
      names = "--budget",
      defaultValue = "10%",
      description = "Expert budget: " + Units.BUDGET + " (default: ${DEFAULT-VALUE}).")
  String budget;

  @Option(names = "--minutes", description = "Expert minutes; overrides --budget.")
  Double minutes;

  @Option(
      names = "--weights",
      description = "Signal weight overrides, e.g. 'entropy=0.5,occlusion=2'.")
  String weights;

  @Option(names = "--redact", description = "Write pseudonymised video IDs.")
  boolean redact;

  @Option(names = "--out", required = true, description = "Queue file: .csv or .json.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Budget b = minutes != null ? Budget.ofMinutes(minutes) : Budget.parse(budget);
    List<VideoEvidence> evidence = inputs.read(tracks, occlusions, stderr());
    QueueOptions o = QueueOptions.defaults().withBudget(b);
    if (weights != null) o = o.withWeights(SignalWeights.parse(weights));
    RankedQueue q = LabelQueue.rank(evidence, o, new ProgressBar(stderr(), "videos")::update);
    List<QueueRow> rows = redact ? q.rows().stream().map(RankCommand::redacted).toList() : q.rows();
    if (out.toString().endsWith(".json")) QueueFiles.writeQueueJson(out, rows);
    else QueueFiles.writeQueueCsv(out, rows);
    var w = stdout();
    w.printf(
        "%d frames in %d rows, %.0f expert minutes, written to %s%n",
        q.framesSelected(), rows.size(), q.minutes(), out);
    for (String note : q.notes()) w.println("note: " + note);
    for (QueueRow r : rows.subList(0, Math.min(5, rows.size())))
      w.printf(
          "  #%d %s frames %d-%d  score %.3f  %s%n",
          r.rank(), r.videoId(), r.frameStart(), r.frameEnd(), r.score(), r.reasonsText());
    return 0;
  }

  static QueueRow redacted(QueueRow r) {
    return r.withVideoId(Pseudonyms.video(r.videoId()));
  }
}
