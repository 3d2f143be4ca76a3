package io.keyframe.spark;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.spark.session.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** One local[2] session for every test class in the surefire JVM; starting Spark costs seconds. */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSessions.local("local[2]", ProgressListener.NONE);
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
