package io.keyframe.report.drilldown;

import io.javalin.http.Context;
import io.keyframe.report.auth.Role;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.html.Templates;
import java.util.function.Supplier;

/** Renders {@link CompareFramesView}; the handlers of the page and its JSON twin. */
public final class CompareFramesPage {
  private CompareFramesPage() {}

  /** The view a request asks for ({@code pair}, {@code video}, {@code page}). */
  public static CompareFramesView view(Context ctx, ReportData data) {
    String pair = ctx.queryParam("pair"), video = ctx.queryParam("video");
    return CompareFramesView.of(
        data,
        pair == null || pair.isBlank() ? null : pair,
        video == null || video.isBlank() ? null : video,
        ctx.queryParamAsClass("page", Integer.class).getOrDefault(1));
  }

  /** {@code GET /compare/frames}. */
  public static void html(Context ctx, Supplier<ReportData> data) {
    ctx.html(render(view(ctx, data.get()), ctx.attribute("role")));
  }

  /** {@code GET /api/compare/frames}. */
  public static void json(Context ctx, Supplier<ReportData> data) {
    ctx.json(view(ctx, data.get()));
  }

  /** The compare drill-down of model pair {@code a|b}. */
  public static String url(String modelA, String modelB) {
    return "/compare/frames?pair=" + FrameLinks.encode(modelA + "|" + modelB);
  }

  /** The page. */
  public static String render(CompareFramesView v, Role role) {
    return Templates.render("compare-frames.jte", "v", v, "role", role);
  }

  /** Page {@code page} of the selection of {@code v}. */
  public static String pageUrl(CompareFramesView v, int page) {
    return url(v.modelA(), v.modelB())
        + (v.video() == null ? "" : "&video=" + FrameLinks.encode(v.video()))
        + "&page="
        + page;
  }
}
