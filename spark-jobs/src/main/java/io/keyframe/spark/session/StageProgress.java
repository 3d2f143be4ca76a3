package io.keyframe.spark.session;

/**
 * Progress of one Spark stage, as a CLI or report can render it.
 *
 * @param stageId Spark's stage id
 * @param name Spark's short stage name (the call site, e.g. {@code parquet at StagedTableWriter.java:88})
 * @param tasksDone tasks finished so far (successful or failed)
 * @param tasksTotal tasks in the stage
 * @param elapsedSeconds seconds since the stage was submitted
 * @param finished true once the stage has completed
 */
public record StageProgress(
    int stageId, String name, int tasksDone, int tasksTotal, double elapsedSeconds, boolean finished) {
  public StageProgress {
    if (tasksTotal < 0 || tasksDone < 0) throw new IllegalArgumentException("negative task count");
    name = name == null ? "" : name;
  }

  /** Fraction of tasks done, in [0,1]. */
  public double fraction() {
    return tasksTotal == 0 ? 1.0 : Math.min(1.0, tasksDone / (double) tasksTotal);
  }

  /** Estimated seconds left at the current task rate; NaN before the first task ends. */
  public double etaSeconds() {
    if (finished) return 0;
    if (tasksDone == 0) return Double.NaN;
    return elapsedSeconds / tasksDone * (tasksTotal - tasksDone);
  }
}
