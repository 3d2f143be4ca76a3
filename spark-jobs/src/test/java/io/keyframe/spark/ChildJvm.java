package io.keyframe.spark;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a class's main in a fresh JVM with this test JVM's classpath and module flags (Spark's
 * --add-opens).
 */
public final class ChildJvm {
  private ChildJvm() {}

  public static Process start(Path log, String mainClass, String... args) throws IOException {
    return start(log, System.getProperty("java.class.path"), Map.of(), mainClass, args);
  }

  /**
   * As {@link #start(Path, String, String...)} on another classpath and with extra environment
   * variables: daemons such as a Spark standalone Worker read SPARK_HOME and friends from the
   * environment, and a distribution's JVMs see only its {@code jars/*}, not the test classpath.
   */
  public static Process start(
      Path log, String classPath, Map<String, String> env, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments())
      if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xmx"))
        cmd.add(a);
    cmd.add("-Xmx768m");
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("OPT_OUT_TRACKING", "true");
    pb.environment().putAll(env);
    return pb.start();
  }

  /** The classpath separator, for tests that build one. */
  public static String separator() {
    return File.pathSeparator;
  }
}
