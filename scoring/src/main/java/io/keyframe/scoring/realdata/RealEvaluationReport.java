package io.keyframe.scoring.realdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Outcome of {@link RealEvaluation}: per sequence, strategy and budget, the tracker errors on the
 * queued frames beside random's expectation and the oracle's.
 *
 * @param rows one row per sequence, strategy and budget
 * @param errors each sequence's counted tracker errors
 * @param ignoredGtRows per sequence, ground-truth rows the evaluation left out (conf 0 or not class
 *     1)
 * @param tunedOn sequences the weights were tuned on
 */
public record RealEvaluationReport(
    List<Row> rows,
    List<TrackerErrors> errors,
    Map<String, Integer> ignoredGtRows,
    Set<String> tunedOn) {
  /** Strategy name of the combined queue. */
  public static final String QUEUE = "queue";

  public RealEvaluationReport {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
    ignoredGtRows = Map.copyOf(ignoredGtRows);
    tunedOn = Set.copyOf(tunedOn);
  }

  /**
   * One strategy on one sequence at one budget.
   *
   * @param sequence sequence name
   * @param tuned whether the weights were tuned on this sequence
   * @param strategy {@link #QUEUE} or a signal's name (that signal alone)
   * @param budget share of frames
   * @param frames frames the budget allows
   * @param caught tracker errors on the frames the strategy queued
   * @param random errors random frames catch on average: all errors x frames / sequence length
   * @param oracle errors on the {@code frames} frames holding the most
   * @param total all errors of the sequence
   * @param minutes expert minutes of the queued frames under the queue's {@code CostModel}
   * @param randomMinutes expert minutes {@code frames} random frames take on average
   */
  public record Row(
      String sequence,
      boolean tuned,
      String strategy,
      double budget,
      int frames,
      long caught,
      double random,
      long oracle,
      long total,
      double minutes,
      double randomMinutes) {
    /** Caught over random's expectation (NaN when the sequence has no errors). */
    public double ratio() {
      return random > 0 ? caught / random : Double.NaN;
    }

    /**
     * Errors per expert-minute over random's errors per minute: whether the queue finds errors or
     * only crowded (costly) frames that hold more of everything (NaN without errors or minutes).
     */
    public double perMinuteRatio() {
      return random > 0 && minutes > 0 && randomMinutes > 0
          ? (caught / minutes) / (random / randomMinutes)
          : Double.NaN;
    }

    /** The oracle over random's expectation. */
    public double oracleRatio() {
      return random > 0 ? oracle / random : Double.NaN;
    }
  }

  /** Mean of {@code strategy}'s ratio over held-out (or tuned) sequences at {@code budget}. */
  public double meanRatio(String strategy, double budget, boolean tuned) {
    return mean(strategy, budget, tuned, Row::ratio);
  }

  /**
   * Mean of the queue's {@link Row#perMinuteRatio()} over held-out (or tuned) sequences at {@code
   * budget}.
   */
  public double meanPerMinuteRatio(double budget, boolean tuned) {
    return mean(QUEUE, budget, tuned, Row::perMinuteRatio);
  }

  /** Mean oracle ratio over held-out (or tuned) sequences at {@code budget}. */
  public double meanOracleRatio(double budget, boolean tuned) {
    return mean(QUEUE, budget, tuned, Row::oracleRatio);
  }

  /**
   * Mean of {@code value} over the rows of one strategy, budget and side with a random baseline.
   */
  private double mean(
      String strategy,
      double budget,
      boolean tuned,
      java.util.function.ToDoubleFunction<Row> value) {
    return rows.stream()
        .filter(
            r ->
                r.strategy().equals(strategy)
                    && r.budget() == budget
                    && r.tuned() == tuned
                    && r.random() > 0)
        .mapToDouble(value)
        .average()
        .orElse(Double.NaN);
  }

  /** Budgets evaluated, ascending. */
  public List<Double> budgets() {
    return new ArrayList<>(new TreeSet<>(rows.stream().map(Row::budget).toList()));
  }

  /** Strategies in the order they were run (the queue first). */
  public List<String> strategies() {
    return new ArrayList<>(new LinkedHashSet<>(rows.stream().map(Row::strategy).toList()));
  }

  /**
   * Tables for people: errors per sequence, the queue vs random vs oracle per budget, held-out
   * means, signals alone.
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(
        "tracker errors (py-motmetrics events, IoU >= 0.5; gt rows with conf != 0 and class 1):\n");
    b.append(
        String.format(
            Locale.ROOT,
            "%-16s %-8s %6s %6s %6s %6s %6s  %s%n",
            "sequence",
            "role",
            "frames",
            "FP",
            "miss",
            "IDSW",
            "all",
            "gt rows left out"));
    for (TrackerErrors e : errors)
      b.append(
          String.format(
              Locale.ROOT,
              "%-16s %-8s %6d %6d %6d %6d %6d  %d%n",
              e.sequence(),
              role(e.sequence()),
              e.frameCount(),
              e.falsePositives().sum(),
              e.misses().sum(),
              e.switches().sum(),
              e.total(),
              ignoredGtRows.getOrDefault(e.sequence(), 0)));
    b.append(
        "\nqueue vs random (x random = errors on queued frames / random's expectation; oracle beside):\n");
    b.append(String.format(Locale.ROOT, "%-16s %-8s", "sequence", "role"));
    for (double budget : budgets())
      b.append(String.format(Locale.ROOT, " %18s", pct(budget) + " queue (oracle)"));
    b.append('\n');
    Map<String, Map<Double, Row>> q = new LinkedHashMap<>();
    for (Row r : rows)
      if (r.strategy().equals(QUEUE))
        q.computeIfAbsent(r.sequence(), k -> new LinkedHashMap<>()).put(r.budget(), r);
    q.forEach(
        (seq, byBudget) -> {
          b.append(String.format(Locale.ROOT, "%-16s %-8s", seq, role(seq)));
          for (double budget : budgets()) {
            Row r = byBudget.get(budget);
            b.append(
                String.format(
                    Locale.ROOT,
                    " %18s",
                    String.format(Locale.ROOT, "%.2fx (%.2fx)", r.ratio(), r.oracleRatio())));
          }
          b.append('\n');
        });
    appendMeans(
        b,
        (budget, tuned) ->
            String.format(
                Locale.ROOT,
                "%.2fx (%.2fx)",
                meanRatio(QUEUE, budget, tuned),
                meanOracleRatio(budget, tuned)));
    b.append(
        "\nper expert-minute (queue's errors per minute of its frames / random's, under the queue's cost model):\n");
    appendMeans(
        b,
        (budget, tuned) ->
            String.format(Locale.ROOT, "%s %.2fx", pct(budget), meanPerMinuteRatio(budget, tuned)));
    List<String> alone = strategies().subList(1, strategies().size());
    if (!alone.isEmpty()) {
      double mid = budgets().contains(0.10) ? 0.10 : budgets().get(0);
      b.append(
          String.format(
              Locale.ROOT, "%nsignals alone at %s (mean x random; held-out / tuned):%n", pct(mid)));
      for (String s : strategies())
        b.append(
            String.format(
                Locale.ROOT,
                "%-22s %6.2fx / %6.2fx%n",
                s,
                meanRatio(s, mid, false),
                meanRatio(s, mid, true)));
    }
    return b.toString();
  }

  private String role(String seq) {
    return tunedOn.contains(seq) ? "tuned" : "held-out";
  }

  private static String pct(double budget) {
    return String.format(Locale.ROOT, "%.0f%%", budget * 100);
  }

  /** The mean rows, held-out then tuned (those present), one {@code cell} per budget. */
  private void appendMeans(StringBuilder b, MeanCell cell) {
    for (boolean tuned : new boolean[] {false, true}) {
      if (rows.stream().noneMatch(r -> r.tuned() == tuned)) continue;
      b.append(String.format(Locale.ROOT, "%-16s %-8s", "mean", tuned ? "tuned" : "held-out"));
      for (double budget : budgets())
        b.append(String.format(Locale.ROOT, " %18s", cell.text(budget, tuned)));
      b.append('\n');
    }
  }

  /** One budget's cell of a mean row. */
  private interface MeanCell {
    String text(double budget, boolean tuned);
  }
}
