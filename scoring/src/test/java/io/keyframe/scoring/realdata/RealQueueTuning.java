package io.keyframe.scoring.realdata;

import io.keyframe.scoring.queue.Budget;
import io.keyframe.scoring.queue.LabelQueue;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.SignalWeights;
import io.keyframe.scoring.queue.VideoScores;
import io.keyframe.scoring.signal.Signal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: the grid search that chose the default weights on the real tuning sequences only
 * ({@link RealData#TUNED_ON}); objective = mean x random over those sequences at 5, 10 and 20 %.
 * {@code java ... RealQueueTuning DATA}.
 */
public final class RealQueueTuning {
  public static void main(String[] args) throws Exception {
    List<RealSequence> seqs = new ArrayList<>();
    for (RealSequence s : TrackEvalFolder.read(Path.of(args[0])))
      if (RealData.TUNED_ON.contains(s.name())) seqs.add(s);
    Map<String, Double> all = new LinkedHashMap<>();
    for (Signal s : SignalWeights.SIGNALS) all.put(s.name(), 1.0);
    List<VideoScores> scores = new ArrayList<>();
    List<TrackerErrors> errors = new ArrayList<>();
    for (RealSequence s : seqs) {
      scores.add(LabelQueue.scoreVideo(RealEvaluation.evidence(s), new SignalWeights(all)));
      errors.add(TrackerErrors.count(s.name(), s.groundTruth(), s.delivered(), s.frameCount()));
    }
    if (args.length > 1) {
      for (int a = 1; a < args.length; a++)
        System.out.printf(
            Locale.ROOT,
            "%.3f %s%n",
            objective(seqs, scores, errors, SignalWeights.parse(args[a])),
            args[a]);
      return;
    }
    double[] grid = {0, 0.25, 0.5, 1, 2, 4};
    double best = -1;
    String bestW = "";
    for (double te : new double[] {1, 2, 4, 8})
      for (double cr : grid)
        for (double tp : grid)
          for (double dv : grid)
            for (double oc : new double[] {0, 0.25, 1}) {
              String w =
                  String.format(
                      Locale.ROOT,
                      "track_ends=%s,crowding=%s,temporal=%s,diversity=%s,occlusion=%s",
                      te,
                      cr,
                      tp,
                      dv,
                      oc);
              double o = objective(seqs, scores, errors, SignalWeights.parse(w));
              if (o > best + 1e-9) {
                best = o;
                bestW = w;
                System.out.printf(Locale.ROOT, "%.3f %s%n", best, w);
              }
            }
    System.out.println("best " + bestW);
  }

  /** Mean x random over the sequences at 5, 10 and 20 %. */
  static double objective(
      List<RealSequence> seqs,
      List<VideoScores> scores,
      List<TrackerErrors> errors,
      SignalWeights sw) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < seqs.size(); i++)
      for (double b : new double[] {0.05, 0.10, 0.20}) {
        int k = Budget.ofFraction(b).frames(seqs.get(i).frameCount());
        double random = errors.get(i).total() * (double) k / seqs.get(i).frameCount();
        sum +=
            RealEvaluation.caught(
                    scores.get(i),
                    sw,
                    QueueOptions.defaults().withBudget(Budget.ofFraction(b)),
                    errors.get(i))
                / random;
        n++;
      }
    return sum / n;
  }
}
