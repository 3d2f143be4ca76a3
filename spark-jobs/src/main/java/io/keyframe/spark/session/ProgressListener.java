package io.keyframe.spark.session;

/**
 * Receives progress from a running job: Spark stage progress and the job's own step messages. Called
 * on the driver, from Spark's listener thread for stage events, so implementations must be quick and
 * thread-safe.
 */
public interface ProgressListener {
  /** Ignores everything. */
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void stage(StageProgress progress) {}

        @Override
        public void step(String job, String message) {}
      };

  /** A Spark stage advanced (a task ended) or finished. */
  void stage(StageProgress progress);

  /** A job reached a step worth telling the user (e.g. "committing 12 partitions"). */
  void step(String job, String message);
}
