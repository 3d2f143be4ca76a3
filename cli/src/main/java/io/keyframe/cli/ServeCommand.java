package io.keyframe.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the report server (in its own JVM, see {@link ReportJvm}). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the reports over the Parquet outputs (own JVM; needs a token off loopback).")
public final class ServeCommand implements Callable<Integer> {
  @Mixin OutputRootOption outputRoot;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--tokens",
      description = "File of 'TOKEN ROLE' lines (roles: viewer, reviewer, admin).")
  Path tokens;

  @Option(
      names = "--cvat-url",
      description =
          "CVAT server address: queued frames link to its annotation page (with --cvat-jobs).")
  String cvatUrl;

  @Option(
      names = "--cvat-jobs",
      description = "CSV of CVAT jobs: video_id,task_id,job_id,start_frame,stop_frame per line.")
  Path cvatJobs;

  @Mixin CostOptions cost;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data",
                outputRoot.data.toString(),
                "--port",
                Integer.toString(port),
                "--host",
                host));
    if (tokens != null) args.addAll(List.of("--tokens", tokens.toString()));
    if (cvatUrl != null) args.addAll(List.of("--cvat-url", cvatUrl));
    if (cvatJobs != null) args.addAll(List.of("--cvat-jobs", cvatJobs.toString()));
    if (cost.timeLog != null) args.addAll(List.of("--time-log", cost.timeLog.toString()));
    if (cost.rate != null) args.addAll(List.of("--rate", cost.rate.toString()));
    System.err.println(
        "serve: starting the report server in its own JVM; it prints its address once the pages are ready (tens of seconds on a busy machine)...");
    return ReportJvm.run("io.keyframe.report.ReportServerMain", args);
  }
}
