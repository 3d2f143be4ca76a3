package io.keyframe.scoring.realdata;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.SignalWeights;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Not a test: prints the real-data evaluation ({@code java ... RealQueueBench DATA [weights]}), the
 * same as {@code ./keyframe simulate --real}, for quick runs from the test classpath.
 */
public final class RealQueueBench {
  public static void main(String[] args) throws Exception {
    List<RealSequence> seqs = TrackEvalFolder.read(Path.of(args[0]));
    SignalWeights w = SignalWeights.parse(args.length > 1 ? args[1] : "");
    RealEvaluation.Options o =
        new RealEvaluation.Options(QueueOptions.defaults().withWeights(w), List.of(0.05, 0.10, 0.20), RealData.TUNED_ON, true);
    System.out.print(RealEvaluation.run(seqs, o, ProgressListener.NONE).describe());
  }
}
