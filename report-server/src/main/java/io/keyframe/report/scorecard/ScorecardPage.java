package io.keyframe.report.scorecard;

import static io.keyframe.report.html.Html.f3;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.keyframe.report.ReportConfig;
import io.keyframe.report.auth.Role;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.drilldown.AgreementFramesPage;
import io.keyframe.report.drilldown.AgreementFramesView;
import io.keyframe.report.drilldown.FrameLinks;
import io.keyframe.report.html.Templates;
import io.keyframe.scoring.qa.Estimate;
import io.keyframe.scoring.qa.ScorecardRow;
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
    ctx.html(renderIndex(view(data.get(), config), config.hourlyRate(), ctx.attribute("role")));
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
    ctx.html(
        renderAnnotator(
            v, who, rows, pairsOf(data.get(), who), config.hourlyRate(), ctx.attribute("role")));
  }

  /** {@code GET /api/scorecards/{annotator}}: that annotator's rows, all-class first. */
  public static void annotatorJson(Context ctx, Supplier<ReportData> data, ReportConfig config) {
    List<ScorecardRow> rows = view(data.get(), config).of(ctx.pathParam("annotator"));
    if (rows.isEmpty()) throw new NotFoundResponse("unknown annotator");
    ctx.json(Map.of("annotator", ctx.pathParam("annotator"), "rows", rows));
  }

  /** The page of one annotator. */
  public static String url(String annotator) {
    return "/scorecards/" + FrameLinks.encode(annotator);
  }

  /** The index page; {@code rate}: the cost of an annotator hour. */
  public static String renderIndex(ScorecardView v, double rate, Role role) {
    return Templates.render("scorecards.jte", "v", v, "rate", rate, "role", role);
  }

  /**
   * The page of {@code who}, whose rows (all-class first) are {@code rows}, with links to the
   * frames behind the agreement of each of {@code pairs} ({@code a|b}).
   */
  public static String renderAnnotator(
      ScorecardView v,
      String who,
      List<ScorecardRow> rows,
      List<String> pairs,
      double rate,
      Role role) {
    return Templates.render(
        "scorecard.jte",
        "v",
        v,
        "who",
        who,
        "rows",
        rows,
        "pairs",
        pairs,
        "rate",
        rate,
        "role",
        role);
  }

  /** The annotator pairs ({@code a|b}) with agreement rows that {@code who} is one of. */
  static List<String> pairsOf(ReportData data, String who) {
    return AgreementFramesPage.view(data, AgreementFramesView.Selection.FIRST).pairs().stream()
        .filter(p -> p.startsWith(who + "|") || p.endsWith("|" + who))
        .toList();
  }

  /** An estimate's 95 % interval as {@code [low, high]}, or null when it is undefined. */
  public static String ci(Estimate e) {
    return Double.isNaN(e.value()) ? null : "[" + f3(e.low()) + ", " + f3(e.high()) + "]";
  }
}
