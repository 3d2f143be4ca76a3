package io.keyframe.cli;

import io.keyframe.scoring.queue.Budget;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.SignalWeights;
import io.keyframe.scoring.realdata.RealEvaluation;
import io.keyframe.scoring.realdata.RealEvaluationReport;
import io.keyframe.scoring.realdata.RealSequence;
import io.keyframe.scoring.realdata.TrackEvalFolder;
import io.keyframe.simulation.ActiveLearningSimulation;
import io.keyframe.simulation.ResidualModelErrors;
import io.keyframe.simulation.SimulationOptions;
import io.keyframe.simulation.SimulationReport;
import io.keyframe.simulation.SynthWorld;
import io.keyframe.synth.GeneratorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures what the expert queue is worth: on generated batches with recorded faults, rank, let a
 * simulated expert fix the budgeted frames, and compare errors caught with random sampling.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Active-learning simulation on generated data: errors caught at a budget by the queue, each signal alone, random and an oracle; ends with ratio=combined/random.",
      "With --real DIR: the queue on real MOTChallenge sequences in TrackEval's data layout (DIR/gt/mot_challenge/<bench>-train/<seq>/gt/gt.txt + seqinfo.ini, DIR/trackers/mot_challenge/<bench>-train/<tracker>/data/<seq>.txt): the first tracker's output is delivered, its real errors (FP, misses, ID switches vs the ground truth, py-motmetrics' counting) on the queued frames vs random and an oracle per sequence; ends with ratio=mean over held-out sequences at 10%%."
    })
public final class SimulateCommand extends KeyframeCommand {
  @Option(
      names = "--videos",
      defaultValue = "6",
      description = "Videos per batch world (default: ${DEFAULT-VALUE}).")
  int videos;

  @Option(
      names = "--frames",
      defaultValue = "300",
      description = "Frames per video (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(
      names = "--objects",
      defaultValue = "8",
      description = "Objects per video (default: ${DEFAULT-VALUE}).")
  int objects;

  @Option(
      names = "--seeds",
      defaultValue = "5",
      description = "Seeds 1..N; mean and sd over them (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(
      names = "--batches",
      defaultValue = "3",
      description = "Pre-annotation batches per world (default: ${DEFAULT-VALUE}).")
  int batches;

  @Option(
      names = "--budget",
      defaultValue = "10%",
      description =
          "Share of frames sent to the expert: " + Units.SHARE + " (default: ${DEFAULT-VALUE}).")
  String budget;

  @Option(
      names = "--weights",
      defaultValue = "",
      description = "Signal weight overrides (then signals alone are skipped).")
  String weights;

  @Option(
      names = "--delivered",
      defaultValue = "A",
      description =
          "Annotator whose corrected pre-annotations are delivered and checked: A careful, B typical, C sloppy; the others are second opinions (default: ${DEFAULT-VALUE}).")
  String delivered;

  @Option(
      names = "--residual",
      defaultValue = "0.3",
      converter = ShareConverter.class,
      description =
          "Chance that a model fault survives an annotator's correction of the pre-annotations, as a share ("
              + Units.SHARE
              + "); 0 = annotators' own faults only (default: ${DEFAULT-VALUE}).")
  io.keyframe.scoring.units.Share residual;

  @Option(
      names = "--real",
      paramLabel = "DIR",
      description =
          "TrackEval's data folder with real sequences and tracker outputs (e.g. scoring/src/test/resources/real/trackeval/data).")
  java.nio.file.Path real;

  @Option(
      names = "--budgets",
      defaultValue = "5%,10%,20%",
      split = ",",
      description = "With --real: shares of each sequence's frames (default: ${DEFAULT-VALUE}).")
  List<String> budgets;

  @Option(
      names = "--tuned-on",
      split = ",",
      description =
          "With --real: sequences the weights were tuned on, reported apart (default: those the default weights were tuned on, RealEvaluation.DEFAULTS_TUNED_ON).")
  List<String> tunedOn;

  @Override
  public Integer call() throws java.io.IOException {
    if (real != null) return real();
    int who = delivered.length() == 1 ? Character.toUpperCase(delivered.charAt(0)) - 'A' : -1;
    if (who < 0 || who > 2)
      throw usageError("--delivered must be A, B or C, not '" + delivered + "'");
    ResidualModelErrors left = new ResidualModelErrors(residual.value());
    List<Long> s = new ArrayList<>();
    for (long i = 1; i <= seeds; i++) s.add(i);
    QueueOptions q =
        QueueOptions.defaults()
            .withBudget(Budget.parse(budget))
            .withWeights(SignalWeights.parse(weights));
    SimulationOptions o = new SimulationOptions(q, batches, s, weights.isEmpty());
    ProgressBar bar = new ProgressBar(stderr(), "steps");
    SimulationReport r =
        ActiveLearningSimulation.run(
            seed ->
                SynthWorld.of(
                    GeneratorSpec.of(videos, frames, objects, seed), who, true, left, bar::update),
            o,
            bar::update);
    var out = stdout();
    out.printf(
        Locale.ROOT,
        "generator: %d videos x %d frames x %d objects, seeds 1..%d, %d batches, budget %s, delivered annotator-%s, residual model faults %.2f%n%n",
        videos,
        frames,
        objects,
        seeds,
        batches,
        budget,
        delivered.toUpperCase(Locale.ROOT),
        residual.value());
    out.print(r.describe());
    out.printf(Locale.ROOT, "ratio=%.2f%n", r.ratio());
    return 0;
  }

  private int real() throws java.io.IOException {
    List<Double> shares = new ArrayList<>();
    for (String b : budgets) {
      Budget parsed = Budget.parse(b);
      if (parsed.inMinutes())
        throw usageError("--budgets takes shares of frames (5%,10%), not minutes: " + b);
      shares.add(parsed.fraction());
    }
    java.util.Set<String> tuned =
        tunedOn == null ? RealEvaluation.DEFAULTS_TUNED_ON : new java.util.TreeSet<>(tunedOn);
    List<RealSequence> seqs = TrackEvalFolder.read(real);
    QueueOptions q = QueueOptions.defaults().withWeights(SignalWeights.parse(weights));
    ProgressBar bar = new ProgressBar(stderr(), "sequences");
    RealEvaluationReport r =
        RealEvaluation.run(
            seqs, new RealEvaluation.Options(q, shares, tuned, weights.isEmpty()), bar::update);
    var out = stdout();
    out.printf(
        Locale.ROOT,
        "real data: %d sequences from %s, delivered tracker %s, tuned on %s%n%n",
        seqs.size(),
        real,
        seqs.get(0).deliveredTracker(),
        tuned.isEmpty() ? "none" : String.join(",", new java.util.TreeSet<>(tuned)));
    out.print(r.describe());
    double at = shares.contains(0.10) ? 0.10 : shares.get(0);
    boolean heldOut = r.rows().stream().anyMatch(x -> !x.tuned());
    out.printf(Locale.ROOT, "ratio=%.2f%n", r.meanRatio(RealEvaluationReport.QUEUE, at, !heldOut));
    return 0;
  }
}
