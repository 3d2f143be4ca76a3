package io.keyframe.metrics.tracking;

import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.clear.Convention;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Every tracking metric keyframe reports, each a formula over summed {@link TrackingCounts} (the
 * shape of Tribuo's {@code LabelMetrics}): one list serves the {@code mot-metrics} table and JSON,
 * the Spark jobs' {@code tracking_metrics} columns and {@code compare} rows, and the report pages.
 * Keys are py-motmetrics' metric names (HOTA's in lower case, as TrackEval's field names);
 * CLEAR-MOT from Bernardin and Stiefelhagen 2008, identity from Ristani et al. 2016, HOTA from
 * Luiten et al. 2021. Undefined values are NaN.
 */
public enum TrackingMetric {
  IDF1("idf1", "IDF1", Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.identity().idf1()),
  IDP("idp", "IDP", Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.identity().idp()),
  IDR("idr", "IDR", Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.identity().idr()),
  RECALL("recall", "Rcll", Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.clear().recall()),
  PRECISION(
      "precision", "Prcn", Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.clear().precision()),
  NUM_UNIQUE_OBJECTS("num_unique_objects", "GT", Direction.NEITHER, ClearCounts::uniqueObjects),
  MOSTLY_TRACKED("mostly_tracked", "MT", Direction.HIGHER_IS_BETTER, ClearCounts::mostlyTracked),
  PARTIALLY_TRACKED("partially_tracked", "PT", Direction.NEITHER, ClearCounts::partiallyTracked),
  MOSTLY_LOST("mostly_lost", "ML", Direction.LOWER_IS_BETTER, ClearCounts::mostlyLost),
  NUM_FALSE_POSITIVES(
      "num_false_positives", "FP", Direction.LOWER_IS_BETTER, ClearCounts::falsePositives),
  NUM_MISSES("num_misses", "FN", Direction.LOWER_IS_BETTER, ClearCounts::misses),
  NUM_SWITCHES("num_switches", "IDs", Direction.LOWER_IS_BETTER, ClearCounts::switches),
  NUM_FRAGMENTATIONS(
      "num_fragmentations", "FM", Direction.LOWER_IS_BETTER, ClearCounts::fragmentations),
  MOTA("mota", "MOTA", Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.clear().mota()),
  /**
   * Mean distance 1 − IoU under py-motmetrics (lower is better), mean IoU under TrackEval (higher
   * is better).
   */
  MOTP("motp", "MOTP", Unit.MEAN, null, c -> c.clear().motp()),
  // TrackEval has no transfer/ascend/migrate events: undefined, not zero, under its convention.
  NUM_TRANSFER(
      "num_transfer",
      "IDt",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      c -> pyMotmetricsOnly(c, c.clear().transfers())),
  NUM_ASCEND(
      "num_ascend",
      "IDa",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      c -> pyMotmetricsOnly(c, c.clear().ascends())),
  NUM_MIGRATE(
      "num_migrate",
      "IDm",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      c -> pyMotmetricsOnly(c, c.clear().migrates())),
  NUM_FRAMES("num_frames", null, Direction.NEITHER, ClearCounts::frames),
  NUM_MATCHES("num_matches", null, Direction.HIGHER_IS_BETTER, ClearCounts::matches),
  NUM_DETECTIONS("num_detections", null, Direction.HIGHER_IS_BETTER, ClearCounts::detections),
  NUM_OBJECTS("num_objects", null, Direction.NEITHER, ClearCounts::objects),
  NUM_PREDICTIONS("num_predictions", null, Direction.NEITHER, ClearCounts::predictions),
  IDTP("idtp", null, Unit.COUNT, Direction.HIGHER_IS_BETTER, c -> c.identity().idtp()),
  IDFP("idfp", null, Unit.COUNT, Direction.LOWER_IS_BETTER, c -> c.identity().idfp()),
  IDFN("idfn", null, Unit.COUNT, Direction.LOWER_IS_BETTER, c -> c.identity().idfn()),
  HOTA("hota", "HOTA", Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.hota().hota()),
  DETA("deta", "DetA", Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.hota().detA()),
  ASSA("assa", "AssA", Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.hota().assA()),
  LOCA("loca", "LocA", Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.hota().locA()),
  DETRE("detre", null, Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.hota().detRe()),
  DETPR("detpr", null, Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.hota().detPr()),
  ASSRE("assre", null, Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.hota().assRe()),
  ASSPR("asspr", null, Unit.FRACTION, Direction.HIGHER_IS_BETTER, c -> c.hota().assPr());

  /** What a value is, and so how it is printed. */
  public enum Unit {
    /** A ratio in [0, 1] (MOTA may be negative), printed as a percentage. */
    FRACTION,
    /** A mean per match, printed with three decimals. */
    MEAN,
    /** A whole number of events, objects or frames. */
    COUNT
  }

  /** Which way an improvement moves the value. */
  public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    /** Describes the data, not the tracker (e.g. the number of ground-truth objects). */
    NEITHER
  }

  private final String key;
  private final String summaryHeader;
  private final Unit unit;
  private final Direction direction;
  private final ToDoubleFunction<TrackingCounts> formula;

  TrackingMetric(
      String key,
      String summaryHeader,
      Unit unit,
      Direction direction,
      ToDoubleFunction<TrackingCounts> formula) {
    this.key = key;
    this.summaryHeader = summaryHeader;
    this.unit = unit;
    this.direction = direction;
    this.formula = formula;
  }

  /** A count of CLEAR-MOT's summed {@link ClearCounts}. */
  TrackingMetric(
      String key,
      String summaryHeader,
      Direction direction,
      ToLongFunction<ClearCounts> clearCount) {
    this(key, summaryHeader, Unit.COUNT, direction, c -> clearCount.applyAsLong(c.clear()));
  }

  private static double pyMotmetricsOnly(TrackingCounts c, long count) {
    return c.convention() == Convention.TRACKEVAL ? Double.NaN : count;
  }

  /** The name in JSON, Parquet columns and {@code compare} rows (py-motmetrics' name). */
  public String key() {
    return key;
  }

  /**
   * The column header of py-motmetrics' MOTChallenge summary table, if the metric is one of its
   * columns.
   */
  public Optional<String> summaryHeader() {
    return Optional.ofNullable(summaryHeader);
  }

  public Unit unit() {
    return unit;
  }

  /** Which way is better under a convention (only MOTP's direction depends on it). */
  public Direction direction(Convention convention) {
    if (direction != null) return direction;
    return convention == Convention.TRACKEVAL
        ? Direction.HIGHER_IS_BETTER
        : Direction.LOWER_IS_BETTER;
  }

  /** True when a larger value means a better tracker under this convention. */
  public boolean higherIsBetter(Convention convention) {
    return direction(convention) == Direction.HIGHER_IS_BETTER;
  }

  /** The metric of summed counts; NaN = undefined. */
  public double of(TrackingCounts counts) {
    return formula.applyAsDouble(counts);
  }

  /** As {@link #of}, with counts as {@code Long} (for JSON integers); undefined stays NaN. */
  public Number value(TrackingCounts counts) {
    double v = of(counts);
    return unit == Unit.COUNT && Double.isFinite(v) ? (Number) (long) v : (Number) v;
  }

  /** The metric with this key. */
  public static Optional<TrackingMetric> byKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (TrackingMetric m : values()) if (m.key.equals(k)) return Optional.of(m);
    return Optional.empty();
  }
}
