package io.keyframe.scoring.realdata;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.SignalWeights;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: prints the real-data evaluation ({@code java ... RealQueueBench DATA [weights]}), the
 * same as {@code ./keyframe simulate --real} (entry point of {@code bench/real-queue.sh}).
 */
public final class RealQueueBench {
  public static void main(String[] args) throws Exception {
    List<RealSequence> seqs = TrackEvalFolder.read(Path.of(args[0]));
    SignalWeights w = SignalWeights.parse(args.length > 1 ? args[1] : "");
    RealEvaluation.Options o =
        new RealEvaluation.Options(
            QueueOptions.defaults().withWeights(w),
            List.of(0.05, 0.10, 0.20),
            RealData.TUNED_ON,
            true);
    RealEvaluationReport r = RealEvaluation.run(seqs, o, ProgressListener.NONE);
    System.out.print(r.describe());
    System.out.printf(
        java.util.Locale.ROOT,
        "ratio=%.2f%n",
        r.meanRatio(RealEvaluationReport.QUEUE, 0.10, false));
  }
}
