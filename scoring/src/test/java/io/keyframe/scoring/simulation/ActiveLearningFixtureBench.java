package io.keyframe.scoring.simulation;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.scoring.queue.QueueOptions;
import java.util.List;

/** Runs the simulation on the test fixture and prints the report (used by bench/active-learning.sh). */
public final class ActiveLearningFixtureBench {
  private ActiveLearningFixtureBench() {}

  public static void main(String[] args) {
    SimulationOptions o = new SimulationOptions(QueueOptions.defaults(), 3, List.of(1L, 2L, 3L, 4L, 5L), true);
    SimulationReport r = ActiveLearningSimulation.run(seed -> FaultyClinicFixture.world(seed, 6, 300, 6), o, ProgressListener.NONE);
    System.out.print(r.describe());
    System.out.printf(java.util.Locale.ROOT, "ratio=%.2f%n", r.ratio());
  }
}
