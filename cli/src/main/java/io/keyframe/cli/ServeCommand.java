package io.keyframe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the report server in its own JVM: Javalin 7 (servlet 6) and Spark 4 (servlet 5) cannot
 * share a classpath, so the server has its own jar and classpath file built next to this one.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the reports over the Parquet outputs (own JVM; needs a token off loopback).")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "keyframe-out", description = "Output root of the jobs (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--tokens", description = "File of 'TOKEN ROLE' lines (roles: viewer, reviewer, admin).")
  Path tokens;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("keyframe.home", ".")).toAbsolutePath().normalize();
    Path target = home.resolve("report-server/target");
    Path classpathFile = target.resolve("classpath.txt");
    if (!Files.isRegularFile(classpathFile))
      throw new IllegalStateException("report server is not built: run ./mvnw -B -DskipTests package in " + home);
    String jar;
    try (var files = Files.list(target)) {
      jar = files.filter(p -> p.getFileName().toString().matches("report-server-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("report server jar missing in " + target))
          .toString();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + System.getProperty("keyframe.serve.heap", "1g"));
    cmd.add("-cp");
    cmd.add(jar + java.io.File.pathSeparator + Files.readString(classpathFile).trim());
    cmd.add("io.keyframe.report.ReportServerMain");
    cmd.addAll(List.of("--data", data.toString(), "--port", Integer.toString(port), "--host", host));
    if (tokens != null) cmd.addAll(List.of("--tokens", tokens.toString()));
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
    return p.waitFor();
  }
}
