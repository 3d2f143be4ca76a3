package io.keyframe.spark.session;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.spark.JobArguments;
import io.keyframe.spark.output.RunRecord;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/**
 * Embedded Spark sessions with keyframe's defaults: {@code local[*]}, no UI, quiet logs, few
 * shuffle partitions (video batches are small tables of large rows), progress forwarded per stage.
 *
 * <p>The driver's heap is the JVM's own in local mode ({@code spark.driver.memory} cannot change it
 * after start), so the launcher sets {@code -Xmx}; here we only cap what Spark may cache.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** {@code local[*]} with no progress reporting. */
  public static SparkSession local() {
    return local("local[*]", ProgressListener.NONE);
  }

  /**
   * A local session, or the active one when a session already runs in this JVM (tests share one).
   *
   * @param master {@code local[*]}, {@code local[2]}, ...
   * @param progress receives stage progress; {@link ProgressListener#NONE} for none
   */
  public static SparkSession local(String master, ProgressListener progress) {
    if (!master.startsWith("local"))
      throw new IllegalArgumentException("not a local master: " + master);
    quietLogs();
    int cores = coresOf(master);
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("keyframe")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(2, 2 * cores)))
            .config("spark.default.parallelism", String.valueOf(Math.max(2, 2 * cores)))
            .config("spark.memory.fraction", "0.5")
            .config("spark.sql.session.timeZone", "UTC")
            // Contract tables are wide; the default (25) makes Spark warn about truncated plan
            // strings.
            .config("spark.sql.debug.maxToStringFields", "200")
            // Our staged writer commits partitions itself; Spark's _SUCCESS markers would be noise.
            .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
            .config("spark.sql.parquet.compression.codec", "snappy")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    if (progress != ProgressListener.NONE) attach(spark, progress);
    return spark;
  }

  /**
   * The session for a job's {@code main}: the one spark-submit configured (its {@code
   * spark.master}), or {@code local[*]} with keyframe's defaults when the class is started with
   * plain {@code java}.
   */
  public static SparkSession forMain(String appName) {
    if (new org.apache.spark.SparkConf().contains("spark.master"))
      return SparkSession.builder().appName(appName).getOrCreate();
    return local("local[*]", ProgressListener.NONE);
  }

  /**
   * Every job's {@code main}: runs {@code job} on the {@link #forMain} session, prints the one line
   * a spark-submit caller reads (run id, the tracker path when the job ran one, row counts), and
   * stops the session whatever happened.
   */
  public static void runMain(String name, Function<SparkSession, RunRecord> job) {
    SparkSession spark = forMain("keyframe " + name);
    try {
      RunRecord r = job.apply(spark);
      String tracker = r.trackerPath() == null ? "" : " (tracker: " + r.trackerPath() + ")";
      System.out.println(name + " run " + r.runId() + tracker + " wrote " + r.rowCounts());
    } finally {
      spark.stop();
    }
  }

  /**
   * {@link #runMain(String, Function)} for a job whose options come from its {@code main}'s {@code
   * args}: they are parsed first, so that a bad argument fails, naming it, before any session
   * starts.
   */
  public static <O> void runMain(
      String name,
      String[] args,
      Function<JobArguments, O> options,
      BiFunction<SparkSession, O, RunRecord> job) {
    O o = options.apply(JobArguments.parse(args));
    runMain(name, spark -> job.apply(spark, o));
  }

  /** Forwards the session's stage progress to {@code progress} until {@link #detach} is called. */
  public static StageProgressListener attach(SparkSession spark, ProgressListener progress) {
    StageProgressListener listener = new StageProgressListener(progress);
    spark.sparkContext().addSparkListener(listener);
    return listener;
  }

  /** Detaches a listener added by {@link #attach}; sessions outlive single jobs in tests. */
  public static void detach(SparkSession spark, StageProgressListener listener) {
    spark.sparkContext().removeSparkListener(listener);
  }

  private static void quietLogs() {
    // Spark installs its chatty INFO defaults when nobody configured log4j; configure ours first,
    // and
    // leave any configuration the application (CLI, spark-submit) already chose alone.
    var context =
        (org.apache.logging.log4j.core.LoggerContext)
            org.apache.logging.log4j.LogManager.getContext(false);
    if (context.getConfiguration()
        instanceof org.apache.logging.log4j.core.config.DefaultConfiguration) {
      var quiet = SparkSessions.class.getResource("/io/keyframe/spark/log4j2-quiet.properties");
      if (quiet != null) {
        try {
          Configurator.reconfigure(quiet.toURI());
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  static int coresOf(String master) {
    String inside =
        master.contains("[") ? master.substring(master.indexOf('[') + 1, master.indexOf(']')) : "1";
    if (inside.equals("*")) return Runtime.getRuntime().availableProcessors();
    return Integer.parseInt(inside.split(",")[0].trim());
  }
}
