package io.keyframe.scoring.qa;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.keyframe.dataset.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Scorecards of all annotators: one all-class row and one row per class each.
 *
 * @param referenceKind what accuracy was measured against: "ground truth", "consensus" or both
 * @param rows all-class rows carry the rank; per-class rows are never ranked
 */
public record Scorecard(String referenceKind, List<ScorecardRow> rows, ScorecardOptions options) {
  public Scorecard {
    rows = List.copyOf(rows);
  }

  /** The same scorecard with annotator names replaced by pseudonyms (for {@code --redact}). */
  public Scorecard redact(io.keyframe.dataset.privacy.Redactor redactor) {
    return new Scorecard(
        referenceKind,
        rows.stream().map(r -> r.withAnnotator(redactor.annotator(r.annotator()))).toList(),
        options);
  }

  /** The all-class row of {@code annotator}. */
  public ScorecardRow overall(String annotator) {
    return rows.stream()
        .filter(r -> r.annotator().equals(annotator) && r.label().equals(ScorecardRow.ALL))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no scorecard for annotator " + annotator));
  }

  /** All-class rows, ranked first (best first), then the small samples. */
  public List<ScorecardRow> ranking() {
    return rows.stream()
        .filter(r -> r.label().equals(ScorecardRow.ALL))
        .sorted(
            Comparator.comparingInt(
                    (ScorecardRow r) -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank())
                .thenComparing(ScorecardRow::annotator))
        .toList();
  }

  /** A table for the terminal. */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("Annotator scorecards (accuracy vs ")
        .append(referenceKind)
        .append("; 95% bootstrap CIs over videos)\n");
    b.append(
        String.format(
            Locale.ROOT,
            "%-4s %-16s %-16s %6s %7s %-24s %-24s %6s %-24s %5s %-24s %-24s %8s %8s %7s %9s %9s%n",
            "rank",
            "annotator",
            "class",
            "videos",
            "objects",
            "precision",
            "recall",
            "F1",
            "HOTA",
            "IDSW",
            "IoU vs consensus",
            "kappa vs consensus",
            "kappa-oth",
            "IoU-oth",
            "correct",
            "frames/h",
            "cost/video"));
    List<ScorecardRow> order = new java.util.ArrayList<>();
    for (ScorecardRow top : ranking()) {
      order.add(top);
      rows.stream()
          .filter(r -> r.annotator().equals(top.annotator()) && !r.label().equals(ScorecardRow.ALL))
          .forEach(order::add);
    }
    for (ScorecardRow r : order) {
      String rank =
          r.label().equals(ScorecardRow.ALL)
              ? (r.rank() > 0 ? Integer.toString(r.rank()) : "-")
              : "";
      b.append(
          String.format(
              Locale.ROOT,
              "%-4s %-16s %-16s %6d %7d %-24s %-24s %6s %-24s %5d %-24s %-24s %8s %8s %7s %9s"
                  + " %9s%s%n",
              rank,
              r.annotator(),
              r.label(),
              r.videos(),
              r.referenceObjects(),
              r.precision().format(),
              r.recall().format(),
              num(r.f1()),
              r.hota().format(),
              r.idSwitches(),
              r.iouVsConsensus().format(),
              r.kappaVsConsensus().format(),
              num(r.kappaVsOthers()),
              num(r.iouVsOthers()),
              num(r.correctionRate()),
              num0(r.framesPerHour()),
              num(r.costPerVideo()),
              r.smallSample() && r.label().equals(ScorecardRow.ALL)
                  ? "  (small sample: not ranked)"
                  : ""));
    }
    return b.toString();
  }

  private static String num(double x) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
  }

  private static String num0(double x) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.0f", x);
  }

  static final String CSV_HEADER =
      "annotator,label,rank,small_sample,videos,reference_objects,annotator_objects,precision,precision_lo,precision_hi,recall,recall_lo,recall_hi,f1,hota,hota_lo,hota_hi,"
          + "id_switches,iou_vs_consensus,iou_lo,iou_hi,kappa_vs_consensus,kappa_lo,kappa_hi,class_agreement,kappa_vs_others,iou_vs_others,"
          + "correction_rate,frames_per_hour,objects_per_hour,cost_per_video";

  /** CSV, one line per row; empty cells for undefined values. */
  public String csv() {
    StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
    for (ScorecardRow r : rows) {
      b.append(r.annotator())
          .append(',')
          .append(r.label())
          .append(',')
          .append(r.rank())
          .append(',')
          .append(r.smallSample())
          .append(',')
          .append(r.videos())
          .append(',')
          .append(r.referenceObjects())
          .append(',')
          .append(r.annotatorObjects());
      appendEstimate(b, r.precision());
      appendEstimate(b, r.recall());
      b.append(',').append(c(r.f1()));
      appendEstimate(b, r.hota());
      b.append(',').append(r.idSwitches());
      appendEstimate(b, r.iouVsConsensus());
      appendEstimate(b, r.kappaVsConsensus());
      for (double x :
          new double[] {
            r.classAgreement(),
            r.kappaVsOthers(),
            r.iouVsOthers(),
            r.correctionRate(),
            r.framesPerHour(),
            r.objectsPerHour(),
            r.costPerVideo()
          }) b.append(',').append(c(x));
      b.append('\n');
    }
    return b.toString();
  }

  /** An estimate's three CSV cells: value, interval low, interval high. */
  private static void appendEstimate(StringBuilder b, Estimate e) {
    b.append(',')
        .append(c(e.value()))
        .append(',')
        .append(c(e.low()))
        .append(',')
        .append(c(e.high()));
  }

  private static String c(double x) {
    return Double.isNaN(x) ? "" : Double.toString(x);
  }

  /** JSON: {@code {"reference":..., "rows":[{...}, ...]}}; undefined values are null. */
  public String json() {
    var out = new java.io.StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("reference", referenceKind);
      g.writeArrayFieldStart("rows");
      for (ScorecardRow r : rows) {
        g.writeStartObject();
        g.writeStringField("annotator", r.annotator());
        g.writeStringField("label", r.label());
        g.writeNumberField("rank", r.rank());
        g.writeBooleanField("smallSample", r.smallSample());
        g.writeNumberField("videos", r.videos());
        g.writeNumberField("referenceObjects", r.referenceObjects());
        g.writeNumberField("annotatorObjects", r.annotatorObjects());
        est(g, "precision", r.precision());
        est(g, "recall", r.recall());
        n(g, "f1", r.f1());
        est(g, "hota", r.hota());
        g.writeNumberField("idSwitches", r.idSwitches());
        est(g, "iouVsConsensus", r.iouVsConsensus());
        est(g, "kappaVsConsensus", r.kappaVsConsensus());
        n(g, "classAgreement", r.classAgreement());
        n(g, "kappaVsOthers", r.kappaVsOthers());
        n(g, "iouVsOthers", r.iouVsOthers());
        n(g, "correctionRate", r.correctionRate());
        n(g, "framesPerHour", r.framesPerHour());
        n(g, "objectsPerHour", r.objectsPerHour());
        n(g, "costPerVideo", r.costPerVideo());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void n(JsonGenerator g, String name, double x) throws IOException {
    if (Double.isNaN(x) || Double.isInfinite(x)) g.writeNullField(name);
    else g.writeNumberField(name, x);
  }

  private static void est(JsonGenerator g, String name, Estimate e) throws IOException {
    g.writeObjectFieldStart(name);
    n(g, "value", e.value());
    n(g, "low", e.low());
    n(g, "high", e.high());
    g.writeEndObject();
  }

  /** Writes {@link #csv()} or {@link #json()} (by {@code json}) all or nothing. */
  public void write(Path target, boolean json) throws IOException {
    byte[] bytes = (json ? json() : csv()).getBytes(StandardCharsets.UTF_8);
    AtomicOutput.write(target, out -> out.write(bytes));
  }
}
