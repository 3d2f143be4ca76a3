package io.keyframe.report.drilldown;

import static io.keyframe.report.html.Html.esc;
import static io.keyframe.report.html.Html.f3;

import io.javalin.http.Context;
import io.keyframe.report.auth.Role;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.html.Html;
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
    return "/compare/frames?pair=" + AgreementFramesView.enc(modelA + "|" + modelB);
  }

  /** The page. */
  public static String render(CompareFramesView v, Role role) {
    StringBuilder b = new StringBuilder();
    if (v.modelA() == null) {
      b.append("<p class=\"note\">No compare_frames rows yet: run the compare job.</p>");
      return Html.page("Frames behind the comparison", "compare", role, b.toString());
    }
    String pair = v.modelA() + "|" + v.modelB();
    b.append(
            "<p class=\"muted\"><a href=\"/compare\">← Compare models</a> · every frame the compare job")
        .append(
            " scored (table compare_frames), most disagreement first; each opens the frame page with A, B and")
        .append(" the reference side by side.</p>");
    b.append(
        "<form class=\"filters\" method=\"get\" action=\"/compare/frames\"><label>Model A vs model B<select name=\"pair\">");
    v.pairs().forEach(p -> b.append(Html.option(p, p.replace("|", " vs "), pair)));
    b.append("</select></label><label>Video<select name=\"video\"><option value=\"\">any</option>");
    v.videos().forEach(x -> b.append(Html.option(x, v.video())));
    b.append("</select></label><button class=\"btn\" type=\"submit\">Show</button></form>");
    b.append("<p id=\"frame-count\">").append(v.frameCount()).append(" frames</p>");
    boolean links = role.atLeast(Role.REVIEWER);
    b.append(
            "<div class=\"wide\"><table id=\"compare-frames\" class=\"sortable\"><thead><tr><th>frame</th><th>video</th>")
        .append(
            "<th class=n>frame #</th><th class=n>disagreement</th><th>detail</th><th>keyframe</th></tr></thead><tbody>");
    for (CompareFramesView.Frame f : v.frames()) {
      b.append("<tr><td>")
          .append(links ? "<a class=\"frame-link\" href=\"" + esc(f.frameUrl()) + "\">" : "")
          .append("<img class=\"thumb\" loading=\"lazy\" alt=\"frame\" src=\"")
          .append(esc(f.thumbnailUrl()))
          .append("\">")
          .append(links ? "</a>" : "")
          .append("</td><td>")
          .append(esc(f.videoId()))
          .append("</td><td class=n>")
          .append(f.frame())
          .append("</td><td class=n data-k=\"disagreement\">")
          .append(f3(f.disagreement()))
          .append("</td><td>")
          .append(esc(f.detail()))
          .append("</td><td>")
          .append(f.keyframe() ? "yes" : "—")
          .append("</td></tr>");
    }
    b.append("</tbody></table></div>");
    if (v.pages() > 1) {
      String base =
          url(v.modelA(), v.modelB())
              + (v.video() == null ? "" : "&video=" + AgreementFramesView.enc(v.video()));
      b.append("<p class=\"pager\">Page ").append(v.page()).append(" of ").append(v.pages());
      if (v.page() > 1)
        b.append(" · <a rel=\"prev\" href=\"")
            .append(esc(base + "&page=" + (v.page() - 1)))
            .append("\">previous</a>");
      if (v.page() < v.pages())
        b.append(" · <a rel=\"next\" href=\"")
            .append(esc(base + "&page=" + (v.page() + 1)))
            .append("\">next</a>");
      b.append("</p>");
    }
    return Html.page(
        "Frames behind " + v.modelA() + " vs " + v.modelB(), "compare", role, b.toString());
  }
}
