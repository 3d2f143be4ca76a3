package io.keyframe.metrics.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.keyframe.metrics.tracking.ScopeCounts;
import io.keyframe.metrics.tracking.TrackingCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import io.keyframe.metrics.tracking.TrackingMetric;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code mot-metrics} output: py-motmetrics' MOTChallenge summary table (same columns, names
 * and number formats as {@code mm.io.render_summary} with {@code motchallenge_metric_names}) plus
 * HOTA columns, or JSON with py-motmetrics' metric names ({@code mota}, {@code motp}, {@code idf1},
 * {@code num_switches}, ...) and {@code hota}, {@code deta}, {@code assa}, ...
 *
 * @param rows one row per scope (videos, optionally classes), in order
 * @param overall the combined row, or null for a single video
 */
public record MotMetricsReport(List<ScopeCounts> rows, ScopeCounts overall) {
  public MotMetricsReport {
    rows = List.copyOf(rows);
  }

  /** Rows plus an OVERALL row when there is more than one video. */
  public static MotMetricsReport of(List<ScopeCounts> perVideo) {
    return new MotMetricsReport(
        perVideo, perVideo.size() > 1 ? TrackingEvaluation.combine(perVideo, "OVERALL") : null);
  }

  /**
   * Every metric of a result, by py-motmetrics name (HOTA names in lower case); NaN = undefined.
   */
  public static Map<String, Number> metrics(ScopeCounts r) {
    Map<String, Number> m = new LinkedHashMap<>();
    for (TrackingMetric metric : TrackingMetric.values())
      m.put(metric.key(), metric.value(r.counts()));
    return m;
  }

  /** py-motmetrics' MOTChallenge summary columns, then HOTA's, in the metrics' order. */
  private static final List<TrackingMetric> COLUMNS =
      Arrays.stream(TrackingMetric.values()).filter(m -> m.summaryHeader().isPresent()).toList();

  private List<ScopeCounts> allRows() {
    List<ScopeCounts> all = new ArrayList<>(rows);
    if (overall != null) all.add(overall);
    return all;
  }

  /**
   * The summary table, right-aligned columns, index left-aligned (pandas' {@code to_string}
   * layout).
   */
  public String toText() {
    List<ScopeCounts> all = allRows();
    String[][] cells = new String[all.size() + 1][COLUMNS.size() + 1];
    cells[0][0] = "";
    for (int c = 0; c < COLUMNS.size(); c++)
      cells[0][c + 1] = COLUMNS.get(c).summaryHeader().orElseThrow();
    for (int r = 0; r < all.size(); r++) {
      cells[r + 1][0] = all.get(r).name();
      for (int c = 0; c < COLUMNS.size(); c++)
        cells[r + 1][c + 1] = format(COLUMNS.get(c), all.get(r).counts());
    }
    int[] width = new int[COLUMNS.size() + 1];
    for (String[] row : cells)
      for (int c = 0; c < row.length; c++) width[c] = Math.max(width[c], row[c].length());
    StringBuilder b = new StringBuilder();
    for (String[] row : cells) {
      b.append(String.format(Locale.ROOT, "%-" + Math.max(1, width[0]) + "s", row[0]));
      for (int c = 1; c < row.length; c++)
        b.append(' ').append(String.format(Locale.ROOT, "%" + width[c] + "s", row[c]));
      b.append('\n');
    }
    return b.toString();
  }

  private static String format(TrackingMetric metric, TrackingCounts counts) {
    Number v = metric.value(counts);
    double d = v.doubleValue();
    if (Double.isNaN(d)) return "NaN";
    return switch (metric.unit()) {
      case FRACTION -> String.format(Locale.ROOT, "%.1f%%", 100 * d);
      case MEAN -> String.format(Locale.ROOT, "%.3f", d);
      case COUNT -> Long.toString(v.longValue());
    };
  }

  /**
   * JSON: {@code {"sequences": {name: {metric: value}}, "overall": {...}}}; undefined values are
   * null.
   */
  public String toJson() {
    return toJson(Map.of());
  }

  /** JSON as {@link #toJson()}, with {@code about} (e.g. the protocol that ran) first. */
  public String toJson(Map<String, ?> about) {
    Map<String, Object> root = new LinkedHashMap<>(about);
    Map<String, Object> seqs = new LinkedHashMap<>();
    for (ScopeCounts r : rows) seqs.put(r.name(), jsonMetrics(r));
    root.put("sequences", seqs);
    root.put(
        "overall",
        jsonMetrics(
            overall != null
                ? overall
                : rows.isEmpty() ? ScopeCounts.empty("OVERALL") : rows.get(0)));
    // jackson-core's generator with the pretty printer ObjectMapper's INDENT_OUTPUT uses: the same
    // text, without building an ObjectMapper (a tenth of a second of a short command's CPU).
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      JsonValues.write(g, root);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static Map<String, Object> jsonMetrics(ScopeCounts r) {
    Map<String, Object> out = new LinkedHashMap<>();
    metrics(r)
        .forEach((k, v) -> out.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
    return out;
  }
}
