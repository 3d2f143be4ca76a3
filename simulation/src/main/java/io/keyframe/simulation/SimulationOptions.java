package io.keyframe.simulation;

import io.keyframe.scoring.queue.QueueOptions;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@link ActiveLearningSimulation#run}.
 *
 * @param queue queue options for the combined strategy; its budget (a fraction of frames) is used
 *     by every strategy, random included
 * @param batches how many batches the videos of one seed are split into (video i goes to batch i
 *     mod batches), processed in order
 * @param seeds one simulated world per seed; results are mean ± sd over seeds
 * @param eachSignal also run every signal alone
 */
public record SimulationOptions(
    QueueOptions queue, int batches, List<Long> seeds, boolean eachSignal) {
  public SimulationOptions {
    Objects.requireNonNull(queue, "queue");
    if (queue.budget().inMinutes())
      throw new IllegalArgumentException(
          "the simulation compares strategies at a fraction-of-frames budget, e.g. 10%");
    if (batches < 1) throw new IllegalArgumentException("batches must be >= 1: " + batches);
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty()) throw new IllegalArgumentException("give at least one seed");
  }

  /** Default queue at 10%, 3 batches, seeds 1..5, every signal alone too. */
  public static SimulationOptions defaults() {
    return new SimulationOptions(QueueOptions.defaults(), 3, List.of(1L, 2L, 3L, 4L, 5L), true);
  }
}
