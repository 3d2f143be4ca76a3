package io.keyframe.report;

import io.javalin.Javalin;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.web.ReportServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator behind {@code bench/report-load.sh}: an open-loop client (requests start on a fixed
 * schedule, so a slow server cannot slow the offered rate down and hide its latency) against the
 * overview and agreement pages of a synthetic 100-video batch. Baseline in the same run: the same
 * schedule against {@code /api/health}, which does no report work.
 *
 * <p>Args: {@code [videos=100] [rate=200] [seconds=10]}.
 */
public final class ReportLoad {
  private ReportLoad() {}

  record Result(double p50, double p99, double rps, int errors) {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    int videos = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path root = Files.createTempDirectory("kf-report-load");
    long t0 = System.nanoTime();
    SyntheticBatch.write(root, videos, 100);
    System.out.printf(Locale.ROOT, "fixture: %d videos written in %.1f s%n", videos, (System.nanoTime() - t0) / 1e9);
    String token = "bench-token-0123456789abcdef";
    t0 = System.nanoTime();
    ReportServer server = new ReportServer(root, TokenStore.fromLines(List.of(token + " reviewer")));
    System.out.printf(Locale.ROOT, "load: Parquet read in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    Javalin app = server.app().start("127.0.0.1", 0);
    String base = "http://127.0.0.1:" + app.port();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(8)).build();
    try {
      // Warm-up: JIT, view caches and connections.
      run(http, base, token, List.of("/overview", "/agreement", "/api/health"), rate, 3);
      Result baseline = run(http, base, token, List.of("/api/health"), rate, seconds);
      print("baseline /api/health", baseline);
      Result pages = run(http, base, token, List.of("/overview", "/agreement"), rate, seconds);
      print("pages /overview + /agreement", pages);
      System.out.printf(Locale.ROOT, "ratio p99 pages/baseline = %.2f%n", pages.p99() / Math.max(1e-3, baseline.p99()));
      System.out.printf(Locale.ROOT, "p50_ms=%.2f p99_ms=%.2f rps=%.1f%n", pages.p50(), pages.p99(), pages.rps());
    } finally {
      app.stop();
      System.exit(0);
    }
  }

  private static void print(String what, Result r) {
    System.out.printf(Locale.ROOT, "%-30s p50 %.2f ms  p99 %.2f ms  %.1f req/s  errors %d%n", what, r.p50(), r.p99(), r.rps(), r.errors());
  }

  static Result run(HttpClient http, String base, String token, List<String> paths, int rate, int seconds)
      throws Exception {
    int total = rate * seconds;
    ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    CompletableFuture<?>[] done = new CompletableFuture<?>[total];
    AtomicInteger issued = new AtomicInteger();
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    CompletableFuture<Void> allIssued = new CompletableFuture<>();
    clock.scheduleAtFixedRate(() -> {
      int i = issued.getAndIncrement();
      if (i >= total) {
        allIssued.complete(null);
        return;
      }
      HttpRequest req = HttpRequest.newBuilder(URI.create(base + paths.get(i % paths.size())))
          .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
      long sent = System.nanoTime();
      done[i] = http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
        latencies.add((System.nanoTime() - sent) / 1e6);
        if (e != null || r.statusCode() != 200) {
          errors.incrementAndGet();
        }
      });
    }, 0, periodNanos, TimeUnit.NANOSECONDS);
    allIssued.get();
    clock.shutdownNow();
    CompletableFuture.allOf(Arrays.stream(done).map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new)).get();
    double elapsed = (System.nanoTime() - start) / 1e9;
    double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Result(quantile(sorted, 0.50), quantile(sorted, 0.99), total / elapsed, errors.get());
  }

  /** Nearest-rank quantile. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
