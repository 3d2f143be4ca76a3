package io.keyframe.report.scorecard;

import static io.keyframe.report.html.Html.esc;
import static io.keyframe.report.html.Html.f1;
import static io.keyframe.report.html.Html.f3;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.keyframe.report.ReportConfig;
import io.keyframe.report.auth.Role;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.drilldown.AgreementFramesPage;
import io.keyframe.report.html.Html;
import io.keyframe.scoring.qa.Estimate;
import io.keyframe.scoring.qa.ScorecardRow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/** The scorecard index, one page per annotator, and their JSON twins. */
public final class ScorecardPage {
  // One computation per data snapshot (a reload makes a new ReportData, and the old entry goes).
  private static final Map<ReportData, ScorecardView> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private ScorecardPage() {}

  /**
   * The scorecards of {@code data} with the time log and rate of {@code config}, computed once per
   * snapshot (a server has one config).
   */
  public static ScorecardView view(ReportData data, ReportConfig config) {
    return CACHE.computeIfAbsent(
        data, d -> ScorecardView.of(d, config.times(), config.hourlyRate()));
  }

  /** {@code GET /scorecards}. */
  public static void index(Context ctx, Supplier<ReportData> data, ReportConfig config) {
    ctx.html(renderIndex(view(data.get(), config), config, ctx.attribute("role")));
  }

  /** {@code GET /api/scorecards}. */
  public static void indexJson(Context ctx, Supplier<ReportData> data, ReportConfig config) {
    ctx.json(view(data.get(), config));
  }

  /** {@code GET /scorecards/{annotator}}. */
  public static void annotator(Context ctx, Supplier<ReportData> data, ReportConfig config) {
    ScorecardView v = view(data.get(), config);
    String who = ctx.pathParam("annotator");
    List<ScorecardRow> rows = v.of(who);
    if (rows.isEmpty()) throw new NotFoundResponse("unknown annotator");
    ctx.html(renderAnnotator(v, who, rows, data.get(), config, ctx.attribute("role")));
  }

  /** {@code GET /api/scorecards/{annotator}}: that annotator's rows, all-class first. */
  public static void annotatorJson(Context ctx, Supplier<ReportData> data, ReportConfig config) {
    List<ScorecardRow> rows = view(data.get(), config).of(ctx.pathParam("annotator"));
    if (rows.isEmpty()) throw new NotFoundResponse("unknown annotator");
    ctx.json(Map.of("annotator", ctx.pathParam("annotator"), "rows", rows));
  }

  /** The page of one annotator. */
  public static String url(String annotator) {
    return "/scorecards/"
        + URLEncoder.encode(annotator, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String renderIndex(ScorecardView v, ReportConfig config, Role role) {
    StringBuilder b = new StringBuilder();
    intro(b, v, config);
    if (v.note() != null) {
      b.append("<p class=\"note\">").append(esc(v.note())).append("</p>");
      return Html.page("Annotator scorecards", "scorecards", role, b.toString());
    }
    b.append(
            "<div class=\"wide\"><table id=\"scorecards\" class=\"sortable filterable\"><thead><tr>")
        .append("<th class=n>rank</th><th>annotator</th><th class=n>videos</th>")
        .append("<th class=n>reference objects</th><th class=n>objects drawn</th>")
        .append(
            "<th class=n>HOTA</th><th class=n>precision</th><th class=n>recall</th><th class=n>F1</th>")
        .append(
            "<th class=n>ID switches</th><th class=n>kappa vs consensus</th><th class=n>kappa vs others</th>")
        .append(
            "<th class=n>corrected</th><th class=n>frames / h</th><th class=n>cost / video</th>")
        .append("</tr></thead><tbody>");
    for (ScorecardRow r : v.annotators()) {
      b.append("<tr data-annotator=\"")
          .append(esc(r.annotator()))
          .append("\"><td class=n data-k=\"rank\">")
          .append(r.rank() == 0 ? "—" : Integer.toString(r.rank()))
          .append(r.smallSample() ? " <small class=muted>small sample</small>" : "")
          .append("</td><td><a class=\"scorecard\" href=\"")
          .append(esc(url(r.annotator())))
          .append("\">")
          .append(esc(r.annotator()))
          .append("</a></td>");
      counts(b, r);
      est(b, "hota", r.hota());
      est(b, "precision", r.precision());
      est(b, "recall", r.recall());
      num(b, "f1", f3(r.f1()));
      num(b, "id-switches", Long.toString(r.idSwitches()));
      est(b, "kappa-consensus", r.kappaVsConsensus());
      num(b, "kappa-others", f3(r.kappaVsOthers()));
      num(b, "correction-rate", f3(r.correctionRate()));
      num(b, "frames-per-hour", f1(r.framesPerHour()));
      num(b, "cost-per-video", f1(r.costPerVideo()));
      b.append("</tr>");
    }
    b.append("</tbody></table></div>");
    return Html.page("Annotator scorecards", "scorecards", role, b.toString());
  }

  static String renderAnnotator(
      ScorecardView v,
      String who,
      List<ScorecardRow> rows,
      ReportData data,
      ReportConfig config,
      Role role) {
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"muted\"><a href=\"/scorecards\">← all annotators</a></p>");
    intro(b, v, config);
    ScorecardRow all = rows.get(0);
    b.append("<div class=\"cards\" id=\"headline\">");
    card(
        b,
        "rank",
        "rank",
        all.rank() == 0 ? "—" : Integer.toString(all.rank()),
        all.smallSample() ? "small sample: not ranked" : null);
    card(b, "HOTA", "hota", f3(all.hota().value()), ci(all.hota()));
    card(b, "precision", "precision", f3(all.precision().value()), ci(all.precision()));
    card(b, "recall", "recall", f3(all.recall().value()), ci(all.recall()));
    card(b, "F1", "f1", f3(all.f1()), null);
    card(b, "ID switches", "id-switches", Long.toString(all.idSwitches()), null);
    card(
        b,
        "frames per hour",
        "frames-per-hour",
        f1(all.framesPerHour()),
        v.timeLogged() ? null : "no time log in the outputs");
    card(
        b,
        "cost per video",
        "cost-per-video",
        f1(all.costPerVideo()),
        v.timeLogged()
            ? "at " + f1(config.hourlyRate()) + " per hour"
            : "no time log in the outputs");
    b.append("</div>");
    b.append(
            "<h2>Per class</h2><p class=\"muted\">A class the reference never shows has no recall, and one the")
        .append(" annotator never drew no precision: “—”, not 0.</p>");
    b.append(
            "<div class=\"wide\"><table id=\"per-class\" class=\"sortable filterable\"><thead><tr><th>class</th>")
        .append(
            "<th class=n>videos</th><th class=n>reference objects</th><th class=n>objects drawn</th>")
        .append(
            "<th class=n>HOTA</th><th class=n>precision</th><th class=n>recall</th><th class=n>F1</th>")
        .append(
            "<th class=n>ID switches</th><th class=n>IoU vs consensus</th><th class=n>class agreement</th>")
        .append("</tr></thead><tbody>");
    for (ScorecardRow r : rows.subList(1, rows.size())) {
      b.append("<tr data-label=\"")
          .append(esc(r.label()))
          .append("\"><td>")
          .append(esc(r.label()))
          .append("</td>");
      counts(b, r);
      est(b, "hota", r.hota());
      est(b, "precision", r.precision());
      est(b, "recall", r.recall());
      num(b, "f1", f3(r.f1()));
      num(b, "id-switches", Long.toString(r.idSwitches()));
      est(b, "iou-consensus", r.iouVsConsensus());
      num(b, "class-agreement", f3(r.classAgreement()));
      b.append("</tr>");
    }
    b.append("</tbody></table></div>");
    // The frames behind this annotator's agreement with each other annotator.
    var pairs =
        AgreementFramesPage.view(data, null, null, null, 1).pairs().stream()
            .filter(p -> p.startsWith(who + "|") || p.endsWith("|" + who))
            .toList();
    if (!pairs.isEmpty()) {
      b.append("<h2>Where ")
          .append(esc(who))
          .append(" and the others disagree</h2><ul id=\"pair-links\">");
      for (String p : pairs) {
        String[] ab = p.split("\\|", 2);
        b.append("<li><a class=\"drill\" href=\"")
            .append(esc(AgreementFramesPage.url(ab[0], ab[1], null, null)))
            .append("\">")
            .append(esc(ab[0]))
            .append(" vs ")
            .append(esc(ab[1]))
            .append("</a></li>");
      }
      b.append("</ul>");
    }
    return Html.page("Scorecard · " + who, "scorecards", role, b.toString());
  }

  private static void intro(StringBuilder b, ScorecardView v, ReportConfig config) {
    b.append(
            "<p class=\"muted\">Computed with scoring's Scorecards (as <code>keyframe scorecard --annotations")
        .append(" &lt;output root&gt;</code>) from the detections of ")
        .append(
            v.roles().annotators().isEmpty()
                ? "no annotators"
                : esc(String.join(", ", v.roles().annotators())))
        .append(
            v.roles().fromRun() == null
                ? ""
                : " (named by run <code>" + esc(v.roles().fromRun()) + "</code>)")
        .append("; reference: <span id=\"reference-kind\">")
        .append(esc(v.referenceKind() == null ? "—" : v.referenceKind()))
        .append("</span>")
        .append(
            v.roles().preAnnotation() == null
                ? ""
                : "; pre-annotation: " + esc(v.roles().preAnnotation()))
        .append(
            ". Precision, recall and ID switches by CLEAR-MOT per class (IoU ≥ 0.5), HOTA per class summed;")
        .append(
            " 95 % bootstrap intervals over videos in brackets; rows with under 3 videos or 100 reference")
        .append(" objects are not ranked.")
        .append(
            v.timeLogged()
                ? " Speed and cost from the server's time log at "
                    + f1(config.hourlyRate())
                    + " per annotator hour."
                : " The outputs hold no time log (serve --time-log adds one), so speed and cost are “—”.")
        .append("</p>");
  }

  private static void counts(StringBuilder b, ScorecardRow r) {
    num(b, "videos", Integer.toString(r.videos()));
    num(b, "reference-objects", Long.toString(r.referenceObjects()));
    num(b, "objects", Long.toString(r.annotatorObjects()));
  }

  private static void num(StringBuilder b, String k, String text) {
    b.append("<td class=n data-k=\"").append(k).append("\">").append(text).append("</td>");
  }

  private static void est(StringBuilder b, String k, Estimate e) {
    b.append("<td class=n><span data-k=\"")
        .append(k)
        .append("\">")
        .append(f3(e.value()))
        .append("</span>");
    if (!Double.isNaN(e.value()))
      b.append(" <span class=ci data-k=\"")
          .append(k)
          .append("-ci\">")
          .append(ci(e))
          .append("</span>");
    b.append("</td>");
  }

  private static String ci(Estimate e) {
    return Double.isNaN(e.value()) ? null : "[" + f3(e.low()) + ", " + f3(e.high()) + "]";
  }

  private static void card(StringBuilder b, String k, String id, String value, String sub) {
    b.append("<div class=\"card\"><div class=\"k\">")
        .append(esc(k))
        .append("</div><div class=\"v\" data-k=\"")
        .append(id)
        .append("\">")
        .append(esc(value))
        .append("</div>")
        .append(
            sub == null ? "" : "<div class=\"ci\" data-k=\"" + id + "-ci\">" + esc(sub) + "</div>")
        .append("</div>");
  }
}
