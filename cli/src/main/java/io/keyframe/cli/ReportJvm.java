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
    Path home = Path.of(System.getProperty("keyframe.home", ".")).toAbsolutePath().normalize();
    Path target = home.resolve("report-server/target");
    Path classpathFile = target.resolve("classpath.txt");
    if (!Files.isRegularFile(classpathFile))
      throw new IllegalStateException(
          "report server is not built: run ./mvnw -B -DskipTests package in " + home);
    String jar;
    try (var files = Files.list(target)) {
      jar =
          files
              .map(Path::toString)
              .filter(p -> p.matches(".*/report-server-[^/]*\\.jar") && !p.endsWith("-sources.jar"))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("report server jar missing in " + target));
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + System.getProperty("keyframe.serve.heap", "1g"));
    cmd.add("-Dkeyframe.home=" + home);
    // Hadoop's parquet reader is chatty at INFO; keep the terminal for keyframe's own lines.
    cmd.add("-Dorg.slf4j.simpleLogger.log.org.apache.hadoop=warn");
    cmd.add("-Dorg.slf4j.simpleLogger.log.org.apache.parquet=warn");
    cmd.add("-cp");
    cmd.add(jar + java.io.File.pathSeparator + Files.readString(classpathFile).trim());
    cmd.add(mainClass);
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    Thread stopChild = new Thread(p::destroy);
    Runtime.getRuntime().addShutdownHook(stopChild);
    int rc = p.waitFor();
    Runtime.getRuntime().removeShutdownHook(stopChild);
    return rc;
  }
}
