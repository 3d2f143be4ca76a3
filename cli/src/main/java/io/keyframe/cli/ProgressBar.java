package io.keyframe.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The CLI's one progress reporter, on stderr.
 *
 * <p>On a terminal: one bar per stage, redrawn in place at most five times a second; for a
 * multi-stage command the overall step ({@code [demo 3/6]}) leads the line. Piped (CI logs, {@code
 * | tee}): no redraws; a line when an overall step ends, a line per stage only when it ends at
 * least {@link #PIPED_INTERVAL_NANOS} after the last line, heartbeats while a stage runs longer
 * (each waiting twice as long as the one before), and {@link #finish} prints the total time. A rate
 * is shown once there is one (not "--"), an ETA only for a stage whose total has not grown since it
 * began (Spark adds stages as it goes, so a growing total makes any ETA jump).
 */
public final class ProgressBar {
  /**
   * Piped: at most one progress line per this many nanoseconds, besides overall steps and the
   * summary.
   */
  static final long PIPED_INTERVAL_NANOS = 15_000_000_000L;

  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final String unit;
  private final boolean terminal;
  private final LongSupplier clock;
  private final long started;
  private String overall;
  private long overallDone = -1, overallTotal;
  private String lastOverallChild;

  private Stage current;
  private long lastLine;

  /** Piped heartbeats since the last overall step: each waits twice as long as the one before. */
  private int heartbeats;

  private long lastDraw;
  private int drawnWidth;

  /** What one stage has done so far. */
  private static final class Stage {
    final String name;
    final long started;
    final long firstTotal;
    long done, total;
    boolean grew, finished;

    Stage(String name, long started, long total) {
      this.name = name;
      this.started = started;
      this.firstTotal = total;
      this.total = total;
    }
  }

  public ProgressBar(PrintWriter err, String unit) {
    this(err, unit, System.console() != null, System::nanoTime);
  }

  ProgressBar(PrintWriter err, String unit, boolean terminal, LongSupplier clock) {
    this.err = err;
    this.unit = unit;
    this.terminal = terminal;
    this.clock = clock;
    this.started = clock.getAsLong();
    this.lastLine = started;
  }

  /**
   * Names the overall stage of a multi-stage command: its updates ({@code update(name, step,
   * steps)}) lead every line instead of being a bar of their own.
   */
  public ProgressBar overall(String stage) {
    this.overall = stage;
    return this;
  }

  /**
   * A line at once, e.g. what is starting and how long it takes; so a command never starts silent.
   */
  public synchronized void say(String message) {
    clearBar();
    err.println(message);
    err.flush();
    lastLine = clock.getAsLong();
  }

  /** Reports that {@code done} of {@code total} units of {@code stage} are finished. */
  public synchronized void update(String stage, long done, long total) {
    long now = clock.getAsLong();
    if (stage.equals(overall)) {
      overallStep(done, total, now);
      return;
    }
    if (current == null || !current.name.equals(stage)) {
      if (current != null && !current.finished) endStage(current, now, false);
      current = new Stage(stage, now, total);
    }
    Stage s = current;
    if (total > s.total) s.grew = true;
    s.total = total;
    s.done = done;
    boolean finished = total > 0 && done >= total;
    if (finished && s.finished) return;
    if (finished) {
      s.finished = true;
      endStage(s, now, true);
      return;
    }
    s.finished = false;
    if (terminal) {
      if (now - lastDraw < REDRAW_NANOS) return;
      draw(s, now);
    } else if (now - lastLine
        >= PIPED_INTERVAL_NANOS << Math.min(heartbeats, overall == null ? 2 : 6)) {
      // A long step still shows it is alive, in a number of lines that grows with log(time).
      heartbeats++;
      line(describe(s, now), now);
    }
  }

  /** The final summary line: the total time, after any bar. */
  public synchronized void finish(String what) {
    long now = clock.getAsLong();
    clearBar();
    err.printf(Locale.ROOT, "%s in %s%n", what, seconds(now - started));
    err.flush();
  }

  private void overallStep(long done, long total, long now) {
    if (done == overallDone && total == overallTotal) return;
    overallDone = done;
    overallTotal = total;
    if (done == 0) return;
    heartbeats = 0;
    String step = lastOverallChild == null ? "" : " (" + lastOverallChild + ")";
    String eta = done < total ? ", ETA " + seconds((now - started) * (total - done) / done) : "";
    line(
        String.format(
            Locale.ROOT,
            "%s: step %d/%d done%s at %s%s",
            overall,
            done,
            total,
            step,
            seconds(now - started),
            eta),
        now);
  }

  private void endStage(Stage s, long now, boolean completed) {
    if (overall != null) {
      int colon = s.name.indexOf(':');
      lastOverallChild = colon > 0 ? s.name.substring(0, colon) : s.name;
    }
    if (terminal) {
      draw(s, now);
      err.println();
      err.flush();
      drawnWidth = 0;
      lastLine = now;
    } else if (completed
        && (overall == null
            ? now - lastLine >= PIPED_INTERVAL_NANOS || now - s.started >= PIPED_INTERVAL_NANOS
            : false)) {
      line(describe(s, now), now);
    }
  }

  private void draw(Stage s, long now) {
    lastDraw = now;
    int width = 24;
    int filled = s.total > 0 ? (int) Math.min(width, width * s.done / s.total) : 0;
    String lead =
        overall != null && overallTotal > 0
            ? String.format(Locale.ROOT, "[%s %d/%d] ", overall, overallDone, overallTotal)
            : "";
    String text =
        String.format(
            Locale.ROOT,
            "%s%s [%s%s] %s",
            lead,
            s.name,
            "#".repeat(filled),
            " ".repeat(width - filled),
            counts(s, now));
    err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
    drawnWidth = text.length();
    err.flush();
  }

  private void clearBar() {
    if (terminal && drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      drawnWidth = 0;
    }
  }

  private String describe(Stage s, long now) {
    String lead =
        overall != null && overallTotal > 0
            ? String.format(Locale.ROOT, "%s %d/%d, ", overall, overallDone, overallTotal)
            : "";
    return lead + s.name + ": " + counts(s, now);
  }

  private String counts(Stage s, long now) {
    StringBuilder b =
        new StringBuilder(String.format(Locale.ROOT, "%d/%d %s", s.done, s.total, unit));
    double secs = (now - s.started) / 1e9;
    if (s.done > 0 && secs >= 1) {
      b.append(String.format(Locale.ROOT, ", %.1f %s/s", s.done / secs, unit));
      if (!s.grew && !s.finished && s.total == s.firstTotal && s.total > s.done)
        b.append(", ETA ")
            .append(seconds((long) ((s.total - s.done) * (now - s.started) / (double) s.done)));
    }
    if (s.finished) b.append(" in ").append(seconds(now - s.started));
    return b.toString();
  }

  private void line(String text, long now) {
    clearBar();
    err.println(text);
    err.flush();
    lastLine = now;
  }

  private static String seconds(long nanos) {
    long s = Math.round(nanos / 1e9);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : s >= 60
            ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
            : String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
