package io.keyframe.simulation;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.SignalWeights;
import io.keyframe.synth.GeneratorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of {@code bench/active-learning.sh}: the simulation on the synthetic generator at a
 * 10% budget. Arguments (all optional): videos, frames, objects, seeds, weight overrides (then
 * signals alone are skipped), first seed, residual model fault rate (0.3), delivered annotator
 * index (0 = A).
 */
public final class ActiveLearningBench {
  private ActiveLearningBench() {}

  public static void main(String[] args) {
    int videos = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int objects = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    String weights = args.length > 4 ? args[4] : "";
    long first = args.length > 5 ? Long.parseLong(args[5]) : 1;
    double residual = args.length > 6 ? Double.parseDouble(args[6]) : 0.3;
    int delivered = args.length > 7 ? Integer.parseInt(args[7]) : 0;
    List<Long> s = new ArrayList<>();
    for (long i = first; i < first + seeds; i++) s.add(i);
    SimulationOptions o =
        new SimulationOptions(
            dedup(QueueOptions.defaults().withWeights(SignalWeights.parse(weights))),
            3,
            s,
            weights.isEmpty());
    long t0 = System.nanoTime();
    SimulationReport r =
        ActiveLearningSimulation.run(
            seed ->
                SynthWorld.of(
                    GeneratorSpec.of(videos, frames, objects, seed),
                    delivered,
                    true,
                    new ResidualModelErrors(residual),
                    ProgressListener.NONE),
            o,
            ProgressListener.NONE);
    System.out.printf(
        Locale.ROOT,
        "generator: %d videos x %d frames x %d objects, seeds %d..%d, delivered = annotator-%c, residual model faults %.2f%n%n",
        videos,
        frames,
        objects,
        first,
        first + seeds - 1,
        (char) ('A' + delivered),
        residual);
    System.out.print(r.describe());
    System.out.printf(Locale.ROOT, "%nseconds=%.1f%n", (System.nanoTime() - t0) / 1e9);
    System.out.printf(Locale.ROOT, "ratio=%.2f%n", r.ratio());
  }

  /**
   * {@code -Dkeyframe.bench.dedupWindow=N} tries another de-duplication window (default: the
   * queue's).
   */
  private static QueueOptions dedup(QueueOptions q) {
    String w = System.getProperty("keyframe.bench.dedupWindow");
    return w == null
        ? q
        : new QueueOptions(
            q.weights(),
            q.budget(),
            q.cost(),
            Integer.parseInt(w),
            q.dedupRadius(),
            q.topReasons());
  }
}
