package io.keyframe.report;

import io.javalin.Javalin;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.export.CvatLinks;
import io.keyframe.report.web.ReportServer;
import io.keyframe.scoring.qa.TimeLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyframe serve}: the report server in its own JVM. Prints the URL it listens on.
 *
 * <p>Tokens come from {@code --tokens FILE}, else the {@code KEYFRAME_TOKEN} environment variable
 * (one admin token). With neither, the server only starts on a loopback host, and then with a fresh
 * admin token written to {@code <data>/.report-token} (owner-only), never printed or logged.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the keyframe report (pages, JSON API, charts) over the Parquet outputs.")
public final class ReportServerMain implements Callable<Integer> {
  @Option(
      names = "--data",
      defaultValue = "keyframe-out",
      description = "output root holding tables/ (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "port, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to bind (default: ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--tokens",
      description = "file of 'TOKEN ROLE' lines (roles: viewer, reviewer, admin)")
  Path tokensFile;

  @Option(
      names = "--cvat-url",
      description =
          "CVAT server address (e.g. https://cvat.example.org): queued frames link to its annotation page; needs --cvat-jobs")
  String cvatUrl;

  @Option(
      names = "--cvat-jobs",
      description =
          "CSV of the CVAT jobs holding the videos: video_id,task_id,job_id,start_frame,stop_frame per line")
  Path cvatJobs;

  @Option(
      names = "--time-log",
      description =
          "CSV time log (annotator,video,seconds) for the scorecards' speed and cost, as keyframe scorecard --time-log")
  Path timeLog;

  @Option(
      names = "--rate",
      defaultValue = "40",
      description = "cost per annotator hour for the scorecards (default: ${DEFAULT-VALUE})")
  double rate;

  /** Runs the command line; exit code 2 on bad input, 1 on refusal to start. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    // Jetty and Javalin chatter at INFO; warnings and errors only, unless the caller asks for more.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int code = new CommandLine(new ReportServerMain()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws IOException {
    try {
      return serve();
    } catch (CannotServe e) {
      System.err.println("keyframe serve: " + e.getMessage());
      return e.exitCode;
    }
  }

  /**
   * Why the server does not start, said in one line on stderr before the exit code: 2 for bad
   * input, 1 for a refusal.
   */
  private static final class CannotServe extends Exception {
    final int exitCode;

    CannotServe(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    CannotServe(String message) {
      this(message, 2);
    }
  }

  private int serve() throws IOException, CannotServe {
    String env = System.getenv("KEYFRAME_TOKEN");
    boolean configured = tokensFile != null || (env != null && !env.isBlank());
    try {
      ReportServer.checkExposure(host, configured);
    } catch (IllegalStateException e) {
      throw new CannotServe(e.getMessage(), 1);
    }
    // Checked before the tables are read: a typo should not cost the minute a large root takes.
    if (port < 0 || port > 65_535) {
      throw new CannotServe("--port must be 0..65535: " + port);
    }
    if (!Files.isDirectory(data)) {
      throw new CannotServe("--data " + data + " is not a directory (run ./keyframe demo first)");
    }
    TokenStore tokens;
    Path generated = null;
    try {
      if (tokensFile != null) {
        tokens = TokenStore.fromFile(tokensFile);
      } else if (configured) {
        tokens = TokenStore.singleAdmin(env.strip());
      } else {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        generated = data.resolve(".report-token");
        Files.deleteIfExists(generated);
        Files.createFile(
            generated,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(generated, token + System.lineSeparator(), StandardCharsets.UTF_8);
        tokens = TokenStore.singleAdmin(token);
      }
    } catch (IllegalArgumentException e) {
      throw new CannotServe(e.getMessage());
    }
    if (tokens.isEmpty()) {
      throw new CannotServe("the tokens file holds no tokens");
    }
    ReportConfig config = config();
    ReportServer server;
    try {
      server = new ReportServer(data, tokens, config);
    } catch (BadAnnotationException e) {
      throw new CannotServe(e.getMessage());
    } catch (java.io.UncheckedIOException e) {
      throw new CannotServe("cannot read " + data + ": " + e.getCause().getMessage());
    }
    // A port in use is the common case: said in one line before Jetty starts (and logs) anything.
    if (port != 0) {
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new java.net.InetSocketAddress(host, port));
      } catch (IOException e) {
        throw cannotListen(e);
      }
    }
    Javalin app;
    try {
      app = server.app().start(host, port);
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof java.net.BindException))
        cause = cause.getCause();
      throw cannotListen(cause);
    }
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    System.out.println("keyframe report: http://" + shownHost + ":" + app.port() + "/");
    if (generated != null) {
      System.out.println(
          "no tokens configured: a one-off admin token is in " + generated.toAbsolutePath());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    return 0;
  }

  /** CVAT links, time log and hourly rate, each checked. */
  private ReportConfig config() throws CannotServe {
    if ((cvatUrl == null) != (cvatJobs == null)) {
      throw new CannotServe(
          "--cvat-url and --cvat-jobs go together (which task and job hold a frame is CVAT's to say)");
    }
    CvatLinks cvat = CvatLinks.NONE;
    if (cvatUrl != null) {
      try {
        cvat = CvatLinks.read(cvatUrl, cvatJobs);
      } catch (IllegalArgumentException | BadAnnotationException | java.io.UncheckedIOException e) {
        // A bad jobs-file line names file, line and field.
        throw new CannotServe(e.getMessage());
      }
    }
    TimeLog times = TimeLog.empty();
    if (timeLog != null) {
      try {
        times = TimeLog.readCsv(timeLog);
      } catch (BadAnnotationException | IOException e) {
        throw new CannotServe(e.getMessage());
      }
    }
    try {
      return new ReportConfig(cvat, times, rate);
    } catch (IllegalArgumentException e) {
      throw new CannotServe("--rate: " + e.getMessage());
    }
  }

  /** Naming the address. */
  private CannotServe cannotListen(Throwable why) {
    return new CannotServe(
        "cannot listen on "
            + host
            + ":"
            + port
            + ": "
            + (why instanceof java.net.BindException
                ? "port in use or not allowed"
                : why.getMessage()));
  }
}
