package io.keyframe.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A one-line progress bar on stderr with rate and ETA, redrawn at most a few times a second. When
 * stderr is not a terminal it prints a plain line every 10% instead, so CI logs stay readable.
 */
public final class ProgressBar {
  private final PrintWriter err;
  private final String unit;
  private final boolean terminal;
  private long startNanos = System.nanoTime();
  private String currentStage;
  private long lastDrawNanos;
  private int lastDecile = -1;
  private String finishedStage;

  public ProgressBar(PrintWriter err, String unit) {
    this(err, unit, System.console() != null);
  }

  ProgressBar(PrintWriter err, String unit, boolean terminal) {
    this.err = err;
    this.unit = unit;
    this.terminal = terminal;
  }

  /** Reports that {@code done} of {@code total} units of {@code stage} are finished. */
  public synchronized void update(String stage, long done, long total) {
    long now = System.nanoTime();
    if (!stage.equals(currentStage)) {
      // Rate and ETA are per stage: a new stage starts its own clock.
      currentStage = stage;
      startNanos = now;
      lastDecile = -1;
    }
    boolean finished = total > 0 && done >= total;
    if (finished && stage.equals(finishedStage)) return;
    if (finished) finishedStage = stage;
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    // Too early for a meaningful rate: say nothing rather than a huge number.
    double rate = seconds < 0.5 ? 0 : done / seconds;
    String eta = rate > 0 && total > done ? format(Duration.ofMillis((long) ((total - done) / rate * 1000))) : "--";
    if (terminal) {
      if (!finished && now - lastDrawNanos < 200_000_000L) return;
      lastDrawNanos = now;
      int width = 30;
      int filled = total > 0 ? (int) Math.min(width, width * done / total) : 0;
      err.printf("\r%-10s [%s%s] %d/%d %s  %s  ETA %s   ",
          stage, "#".repeat(filled), " ".repeat(width - filled), done, total, unit, rate(rate), eta);
      if (finished) err.println();
      err.flush();
    } else {
      int decile = total > 0 ? (int) (10 * done / total) : 0;
      if (decile == lastDecile && !finished) return;
      lastDecile = decile;
      err.printf("%s: %d/%d %s (%s, ETA %s)%n", stage, done, total, unit, rate(rate), eta);
      err.flush();
    }
  }

  private String rate(double perSecond) {
    return perSecond > 0 ? String.format("%.1f %s/s", perSecond, unit) : "-- " + unit + "/s";
  }

  private static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60) : String.format("%dm%02ds", s / 60, s % 60);
  }
}
