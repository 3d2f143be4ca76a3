package io.keyframe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a main class of the report server in its own JVM: Javalin 7 (servlet 6) and Spark 4
 * (servlet 5) cannot share a classpath, so report-server has its own jar and classpath file, built
 * beside this one by {@code ./mvnw package}.
 */
final class ReportJvm {
  private ReportJvm() {}

  static int run(String mainClass, List<String> args) throws IOException, InterruptedException {
    Path home = home();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + System.getProperty("keyframe.serve.heap", "1g"));
    cmd.add("-Dkeyframe.home=" + home);
    // DJL, when a notebook's tracker loads it, must not try the network (as ./keyframe sets).
    cmd.add("-Dai.djl.offline=true");
    // Hadoop's parquet reader is chatty at INFO; keep the terminal for keyframe's own lines.
    cmd.add("-Dorg.slf4j.simpleLogger.log.org.apache.hadoop=warn");
    cmd.add("-Dorg.slf4j.simpleLogger.log.org.apache.parquet=warn");
    cmd.add("-cp");
    cmd.add(String.join(java.io.File.pathSeparator, moduleClassPath(home, "report-server")));
    cmd.add(mainClass);
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    Thread stopChild = new Thread(p::destroy);
    Runtime.getRuntime().addShutdownHook(stopChild);
    int rc = p.waitFor();
    Runtime.getRuntime().removeShutdownHook(stopChild);
    return rc;
  }

  /** The keyframe checkout ({@code keyframe.home}, set by ./keyframe). */
  static Path home() {
    return Path.of(System.getProperty("keyframe.home", ".")).toAbsolutePath().normalize();
  }

  /**
   * A module's jar, then its runtime class path ({@code MODULE/target/classpath.txt}, written by
   * {@code ./mvnw package}); an error that says how to build it when either is missing.
   */
  static List<String> moduleClassPath(Path home, String module) throws IOException {
    Path target = home.resolve(module).resolve("target");
    Path classpathFile = target.resolve("classpath.txt");
    if (!Files.isRegularFile(classpathFile))
      throw new IllegalStateException(
          module + " is not built: run ./mvnw -B -DskipTests package in " + home);
    String jar;
    try (var files = Files.list(target)) {
      String name = java.util.regex.Pattern.quote(module);
      jar =
          files
              .map(Path::toString)
              .filter(
                  p ->
                      p.matches(".*/" + name + "-[^/]*\\.jar")
                          && !p.endsWith("-sources.jar")
                          && !p.endsWith("-tests.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException(module + " jar missing in " + target));
    }
    List<String> entries = new ArrayList<>();
    entries.add(jar);
    for (String e : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator))
      if (!e.isBlank()) entries.add(e);
    return entries;
  }
}
