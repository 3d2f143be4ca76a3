package io.keyframe.report;

import io.javalin.Javalin;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.web.ReportServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Server side of {@code bench/report-load.sh}: writes the seeded synthetic batch, starts the report
 * server on a free loopback port and prints {@code READY <url>}; runs until killed.
 *
 * <p>Args: {@code videos framesPerVideo token}.
 */
public final class LoadFixtureServer {
  private LoadFixtureServer() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    int videos = Integer.parseInt(args[0]);
    int frames = Integer.parseInt(args[1]);
    String token = args[2];
    Path root = Files.createTempDirectory("kf-report-load");
    long t0 = System.nanoTime();
    SyntheticBatch.write(root, videos, frames);
    System.out.printf(
        Locale.ROOT,
        "fixture: %d videos x %d frames written in %.1f s%n",
        videos,
        frames,
        (System.nanoTime() - t0) / 1e9);
    t0 = System.nanoTime();
    ReportServer server =
        new ReportServer(root, TokenStore.fromLines(List.of(token + " reviewer")));
    System.out.printf(
        Locale.ROOT, "server: Parquet read in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    Javalin app = server.app().start("127.0.0.1", 0);
    System.out.println("READY http://127.0.0.1:" + app.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
