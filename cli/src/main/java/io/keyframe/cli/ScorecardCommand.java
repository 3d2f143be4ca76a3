package io.keyframe.cli;

import io.keyframe.scoring.qa.QaInputs;
import io.keyframe.scoring.qa.Scorecard;
import io.keyframe.scoring.qa.ScorecardOptions;
import io.keyframe.scoring.qa.Scorecards;
import io.keyframe.scoring.qa.TimeLog;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Per-annotator, per-class quality and speed side by side, with bootstrap CIs. */
@Command(
    name = "scorecard",
    mixinStandardHelpOptions = true,
    description =
        "Per-annotator scorecards: accuracy vs reference, agreement vs consensus and peers, correction rate, throughput, cost; small samples flagged.")
public final class ScorecardCommand extends KeyframeCommand {
  @Option(
      names = "--annotations",
      required = true,
      description =
          "Batch folder (video sub-folders with annotator-*.cvat.xml, optional gt.*), or the output root the Spark jobs and 'keyframe demo' write.")
  Path annotations;

  @Mixin RunIdsOption runIds;

  @Option(
      names = "--reference",
      defaultValue = "gt",
      description =
          "'gt' (ground-truth files when present) or 'consensus' (default: ${DEFAULT-VALUE}).")
  String reference;

  @Mixin CostOptions cost;

  @Option(
      names = "--json",
      description = "JSON: printed to stdout, or written to --out instead of CSV.")
  boolean json;

  @Option(names = "--csv", description = "Write CSV (with --out); the default.")
  boolean csv;

  @Option(names = "--out", description = "File for the full table.")
  Path out;

  @Mixin RedactOption redact;

  @Override
  public Integer call() throws Exception {
    if (!reference.equals("gt") && !reference.equals("consensus"))
      throw new IllegalArgumentException("--reference must be gt or consensus, got " + reference);
    boolean gt = reference.equals("gt");
    var inputs =
        OutputRootBatch.isOutputRoot(annotations)
            ? OutputRootBatch.read(
                    annotations, runIds.runs, note -> stderr().println("note: " + note))
                .labels(gt)
            : QaInputs.read(annotations, gt);
    if (!runIds.runs.isEmpty() && !OutputRootBatch.isOutputRoot(annotations))
      throw new IllegalArgumentException(
          "--run needs an output root (a folder with tables/), not a file batch");
    Scorecard s =
        Scorecards.compute(
            inputs,
            cost.timeLog == null ? TimeLog.empty() : TimeLog.readCsv(cost.timeLog),
            ScorecardOptions.defaults().withHourlyRate(cost.hourlyRate()),
            new ProgressBar(stderr(), "videos")::update);
    s = redact.applyTo(s, Scorecard::redact);
    var w = stdout();
    if (out != null) {
      s.write(out, json);
      w.print(s.text());
      w.println("written to " + out);
    } else if (json) w.println(s.json());
    else w.print(s.text());
    return 0;
  }
}
