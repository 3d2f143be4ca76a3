package io.keyframe.metrics.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.identity.IdentityCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import io.keyframe.metrics.tracking.TrackingResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code mot-metrics} output: py-motmetrics' MOTChallenge summary table (same columns, names
 * and number formats as {@code mm.io.render_summary} with {@code motchallenge_metric_names}) plus
 * HOTA columns, or JSON with py-motmetrics' metric names ({@code mota}, {@code motp}, {@code
 * idf1}, {@code num_switches}, ...) and {@code hota}, {@code deta}, {@code assa}, ...
 *
 * @param rows one row per scope (videos, optionally classes), in order
 * @param overall the combined row, or null for a single video
 */
public record MotMetricsReport(List<TrackingResult> rows, TrackingResult overall) {
  public MotMetricsReport {
    rows = List.copyOf(rows);
  }

  /** Rows plus an OVERALL row when there is more than one video. */
  public static MotMetricsReport of(List<TrackingResult> perVideo) {
    return new MotMetricsReport(perVideo, perVideo.size() > 1 ? TrackingEvaluation.combine(perVideo, "OVERALL") : null);
  }

  /** Every metric of a result, by py-motmetrics name (HOTA names in lower case); NaN = undefined. */
  public static Map<String, Number> metrics(TrackingResult r) {
    ClearCounts c = r.clear();
    IdentityCounts id = r.identity();
    HotaCounts h = r.hota();
    Map<String, Number> m = new LinkedHashMap<>();
    m.put("idf1", id.idf1());
    m.put("idp", id.idp());
    m.put("idr", id.idr());
    m.put("recall", c.recall());
    m.put("precision", c.precision());
    m.put("num_unique_objects", c.uniqueObjects());
    m.put("mostly_tracked", c.mostlyTracked());
    m.put("partially_tracked", c.partiallyTracked());
    m.put("mostly_lost", c.mostlyLost());
    m.put("num_false_positives", c.falsePositives());
    m.put("num_misses", c.misses());
    m.put("num_switches", c.switches());
    m.put("num_fragmentations", c.fragmentations());
    m.put("mota", c.mota());
    m.put("motp", c.motp());
    // TrackEval has no transfer/ascend/migrate events: undefined, not zero, under its convention.
    boolean te = c.convention() == io.keyframe.metrics.clear.Convention.TRACKEVAL;
    m.put("num_transfer", te ? (Number) Double.NaN : c.transfers());
    m.put("num_ascend", te ? (Number) Double.NaN : c.ascends());
    m.put("num_migrate", te ? (Number) Double.NaN : c.migrates());
    m.put("num_frames", c.frames());
    m.put("num_matches", c.matches());
    m.put("num_detections", c.detections());
    m.put("num_objects", c.objects());
    m.put("num_predictions", c.predictions());
    m.put("idtp", id.idtp());
    m.put("idfp", id.idfp());
    m.put("idfn", id.idfn());
    m.put("hota", h.hota());
    m.put("deta", h.detA());
    m.put("assa", h.assA());
    m.put("loca", h.locA());
    m.put("detre", h.detRe());
    m.put("detpr", h.detPr());
    m.put("assre", h.assRe());
    m.put("asspr", h.assPr());
    return m;
  }

  private static final String[][] COLUMNS = {
    {"idf1", "IDF1", "%"}, {"idp", "IDP", "%"}, {"idr", "IDR", "%"}, {"recall", "Rcll", "%"},
    {"precision", "Prcn", "%"}, {"num_unique_objects", "GT", "d"}, {"mostly_tracked", "MT", "d"},
    {"partially_tracked", "PT", "d"}, {"mostly_lost", "ML", "d"}, {"num_false_positives", "FP", "d"},
    {"num_misses", "FN", "d"}, {"num_switches", "IDs", "d"}, {"num_fragmentations", "FM", "d"},
    {"mota", "MOTA", "%"}, {"motp", "MOTP", "3f"}, {"num_transfer", "IDt", "d"}, {"num_ascend", "IDa", "d"},
    {"num_migrate", "IDm", "d"}, {"hota", "HOTA", "%"}, {"deta", "DetA", "%"}, {"assa", "AssA", "%"},
    {"loca", "LocA", "%"}
  };

  private List<TrackingResult> allRows() {
    List<TrackingResult> all = new ArrayList<>(rows);
    if (overall != null) all.add(overall);
    return all;
  }

  /** The summary table, right-aligned columns, index left-aligned (pandas' {@code to_string} layout). */
  public String toText() {
    List<TrackingResult> all = allRows();
    String[][] cells = new String[all.size() + 1][COLUMNS.length + 1];
    cells[0][0] = "";
    for (int c = 0; c < COLUMNS.length; c++) cells[0][c + 1] = COLUMNS[c][1];
    for (int r = 0; r < all.size(); r++) {
      Map<String, Number> m = metrics(all.get(r));
      cells[r + 1][0] = all.get(r).name();
      for (int c = 0; c < COLUMNS.length; c++) cells[r + 1][c + 1] = format(m.get(COLUMNS[c][0]), COLUMNS[c][2]);
    }
    int[] width = new int[COLUMNS.length + 1];
    for (String[] row : cells) for (int c = 0; c < row.length; c++) width[c] = Math.max(width[c], row[c].length());
    StringBuilder b = new StringBuilder();
    for (String[] row : cells) {
      b.append(String.format(Locale.ROOT, "%-" + Math.max(1, width[0]) + "s", row[0]));
      for (int c = 1; c < row.length; c++) b.append(' ').append(String.format(Locale.ROOT, "%" + width[c] + "s", row[c]));
      b.append('\n');
    }
    return b.toString();
  }

  private static String format(Number v, String kind) {
    double d = v.doubleValue();
    if (Double.isNaN(d)) return "NaN";
    return switch (kind) {
      case "%" -> String.format(Locale.ROOT, "%.1f%%", 100 * d);
      case "3f" -> String.format(Locale.ROOT, "%.3f", d);
      default -> Long.toString(v.longValue());
    };
  }

  /** JSON: {@code {"sequences": {name: {metric: value}}, "overall": {...}}}; undefined values are null. */
  public String toJson() {
    return toJson(Map.of());
  }

  /** JSON as {@link #toJson()}, with {@code about} (e.g. the protocol that ran) first. */
  public String toJson(Map<String, ?> about) {
    Map<String, Object> root = new LinkedHashMap<>(about);
    Map<String, Object> seqs = new LinkedHashMap<>();
    for (TrackingResult r : rows) seqs.put(r.name(), jsonMetrics(r));
    root.put("sequences", seqs);
    root.put("overall", jsonMetrics(overall != null ? overall : rows.isEmpty() ? TrackingResult.empty("OVERALL") : rows.get(0)));
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> jsonMetrics(TrackingResult r) {
    Map<String, Object> out = new LinkedHashMap<>();
    metrics(r).forEach((k, v) -> out.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
    return out;
  }
}
