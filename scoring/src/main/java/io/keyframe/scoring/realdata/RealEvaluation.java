package io.keyframe.scoring.realdata;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.scoring.queue.Budget;
import io.keyframe.scoring.queue.FrameRef;
import io.keyframe.scoring.queue.LabelQueue;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.SignalWeights;
import io.keyframe.scoring.queue.VideoScores;
import io.keyframe.scoring.signal.Signal;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queue replayed on real sequences: the tracker output is delivered as the pre-annotations
 * (other trackers' outputs as second opinions), each sequence is ranked as its own batch at each
 * budget, and the tracker's real errors on the queued frames ({@link TrackerErrors}) are compared
 * with what random frames catch on average (budget share x all errors, exact expectation) and with
 * an oracle that takes the frames holding the most errors.
 */
public final class RealEvaluation {
  private RealEvaluation() {}

  /**
   * The real sequences {@link SignalWeights#defaults()} were tuned on (scoring/README); every other
   * sequence, the rest of the committed MOT17 ones included, is held out.
   */
  public static final Set<String> DEFAULTS_TUNED_ON =
      Set.of("MOT17-02-FRCNN", "MOT17-05-FRCNN", "MOT17-10-FRCNN");

  /**
   * Options.
   *
   * @param queue queue options (weights, dedup, cost); the budget is replaced by each of {@code
   *     budgets}
   * @param budgets shares of each sequence's frames, e.g. 0.05, 0.10, 0.20
   * @param tunedOn sequences the weights were tuned on (reported apart from the held-out ones)
   * @param signalsAlone also rank with every applicable signal alone
   */
  public record Options(
      QueueOptions queue, List<Double> budgets, Set<String> tunedOn, boolean signalsAlone) {
    public Options {
      budgets = List.copyOf(budgets);
      tunedOn = Set.copyOf(tunedOn);
      if (budgets.isEmpty()) throw new IllegalArgumentException("no budget given");
      for (double b : budgets) Budget.ofFraction(b); // validates
    }
  }

  /** Evaluates every sequence. */
  public static RealEvaluationReport run(
      List<RealSequence> sequences, Options options, ProgressListener progress) {
    List<RealEvaluationReport.Row> rows = new ArrayList<>();
    List<TrackerErrors> errors = new ArrayList<>();
    Map<String, Integer> ignored = new LinkedHashMap<>();
    int done = 0;
    for (RealSequence s : sequences) {
      TrackerErrors e =
          TrackerErrors.count(s.name(), s.groundTruth(), s.delivered(), s.frameCount());
      errors.add(e);
      ignored.put(s.name(), s.ignoredGtRows());
      VideoEvidence evidence = evidence(s);
      SignalWeights all = allSignals(options.queue().weights(), options.signalsAlone());
      VideoScores scores = LabelQueue.scoreVideo(evidence, all);
      Map<String, SignalWeights> strategies = new LinkedHashMap<>();
      strategies.put(RealEvaluationReport.QUEUE, options.queue().weights());
      if (options.signalsAlone())
        for (String name : scores.signals().keySet())
          strategies.put(name, SignalWeights.only(name));
      for (double b : options.budgets()) {
        int k = Budget.ofFraction(b).frames(s.frameCount());
        double random = e.total() * (double) k / s.frameCount();
        double randomMinutes = k * meanMinutes(scores, options.queue());
        long oracle = oracle(e, k);
        for (Map.Entry<String, SignalWeights> st : strategies.entrySet()) {
          List<FrameRef> frames =
              queued(scores, st.getValue(), options.queue().withBudget(Budget.ofFraction(b)));
          long caught = 0;
          double minutes = 0;
          for (FrameRef f : frames) {
            caught += e.at(f.frame());
            minutes += options.queue().cost().frame(scores.objects()[f.frame()]);
          }
          rows.add(
              new RealEvaluationReport.Row(
                  s.name(),
                  options.tunedOn().contains(s.name()),
                  st.getKey(),
                  b,
                  k,
                  caught,
                  random,
                  oracle,
                  e.total(),
                  minutes,
                  randomMinutes));
        }
      }
      progress.progress("sequences", ++done, sequences.size());
    }
    return new RealEvaluationReport(rows, errors, ignored, options.tunedOn());
  }

  /**
   * What the queue sees of a sequence: the delivered tracker output as labels, second opinions
   * after it; no ground truth.
   */
  public static VideoEvidence evidence(RealSequence s) {
    List<io.keyframe.dataset.AnnotationSet> labels = new ArrayList<>();
    labels.add(s.delivered());
    labels.addAll(s.secondOpinions());
    return new VideoEvidence(s.groundTruth().video(), null, null, labels, List.of());
  }

  /** Errors on the frames {@code weights} queues at the options' budget. */
  static long caught(
      VideoScores scores, SignalWeights weights, QueueOptions options, TrackerErrors e) {
    long n = 0;
    for (FrameRef f : queued(scores, weights, options)) n += e.at(f.frame());
    return n;
  }

  private static List<FrameRef> queued(
      VideoScores scores, SignalWeights weights, QueueOptions options) {
    return LabelQueue.select(
            LabelQueue.combine(List.of(scores), weights), options.withWeights(weights))
        .frames();
  }

  /**
   * Expert minutes of an average frame of the sequence under the options' cost model (objects =
   * boxes the tracker shows).
   */
  private static double meanMinutes(VideoScores scores, QueueOptions options) {
    double m = 0;
    for (int n : scores.objects()) m += options.cost().frame(n);
    return scores.frameCount() == 0 ? 0 : m / scores.frameCount();
  }

  /** Errors on the {@code k} frames holding the most. */
  static long oracle(TrackerErrors e, int k) {
    int[] per = e.perFrame();
    Arrays.sort(per);
    long n = 0;
    for (int i = per.length - 1; i >= Math.max(0, per.length - k); i--) n += per[i];
    return n;
  }

  /** Scores every signal once when signals alone are wanted (weights 0 would skip them). */
  private static SignalWeights allSignals(SignalWeights w, boolean alone) {
    if (!alone) return w;
    Map<String, Double> m = new LinkedHashMap<>(w.weights());
    for (Signal s : SignalWeights.SIGNALS) m.merge(s.name(), 1.0, (a, b) -> a > 0 ? a : b);
    return new SignalWeights(m);
  }
}
