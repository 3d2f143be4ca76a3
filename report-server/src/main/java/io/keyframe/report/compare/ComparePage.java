package io.keyframe.report.compare;

import static io.keyframe.report.html.Html.esc;
import static io.keyframe.report.html.Html.f3;

import io.keyframe.report.agreement.AgreementPage;
import io.keyframe.report.auth.Role;
import io.keyframe.report.html.Html;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Renders {@link CompareView} as HTML. */
public final class ComparePage {
  private ComparePage() {}

  /** The page. */
  public static String render(CompareView v, Role role) {
    StringBuilder b = new StringBuilder();
    String pair = v.modelA() == null ? "" : v.modelA() + "|" + v.modelB();
    b.append("<p class=\"muted\">Compare run <code>")
        .append(esc(v.run() == null ? "none yet" : v.run()))
        .append("</code> · delta = B − A; bold when the 95 % CI excludes 0</p>");
    b.append(
        "<form class=\"filters\" method=\"get\" action=\"/compare\"><label>Model A vs model B<select name=\"pair\">");
    v.pairs().forEach(p -> b.append(Html.option(p, p.replace("|", " vs "), pair)));
    b.append("</select></label><button class=\"btn\" type=\"submit\">Compare</button></form>");
    if (v.modelA() != null) {
      b.append(
              "<div class=\"cards\"><div class=\"card\"><div class=\"k\">A</div><div class=\"v\" id=\"model-a\">")
          .append(esc(v.modelA()))
          .append(
              "</div></div><div class=\"card\"><div class=\"k\">B</div><div class=\"v\" id=\"model-b\">")
          .append(esc(v.modelB()))
          .append("</div></div></div>");
    }
    b.append(
            "<div class=\"grid2\"><div class=\"chart\"><img alt=\"Deltas\" src=\"/charts/compare-deltas.png?pair=")
        .append(esc(URLEncoder.encode(pair, StandardCharsets.UTF_8)))
        .append("\"></div><div>");
    b.append("<h2 style=\"margin-top:0\">Delta per metric and class (all videos)</h2>");
    AgreementPage.grid(b, v.deltaByMetricAndLabel(), "delta-grid", "metric");
    b.append("</div></div>");

    b.append(
            "<h2>Tracking metrics per source (all videos, all classes)</h2><table id=\"tracking\"><thead><tr>")
        .append(
            "<th>prediction</th><th>reference</th><th class=n>MOTA</th><th class=n>IDF1</th><th class=n>HOTA</th>")
        .append(
            "<th class=n>DetA</th><th class=n>AssA</th><th class=n>ID switches <small>(TrackEval's CLEAR rule, per class then summed)</small></th></tr></thead><tbody>");
    for (CompareView.SourceMetrics m : v.tracking()) {
      b.append("<tr><td>")
          .append(esc(m.predSource()))
          .append("</td><td>")
          .append(esc(m.refSource()))
          .append("</td><td class=n>")
          .append(f3(m.mota()))
          .append("</td><td class=n>")
          .append(f3(m.idf1()))
          .append("</td><td class=n>")
          .append(f3(m.hota()))
          .append("</td><td class=n>")
          .append(f3(m.deta()))
          .append("</td><td class=n>")
          .append(f3(m.assa()))
          .append("</td><td class=n>")
          .append(m.numSwitches())
          .append("</td></tr>");
    }
    b.append("</tbody></table>");

    b.append(
            "<h2>A vs B per class and video</h2><table id=\"compare\"><thead><tr><th>video</th><th>class</th>")
        .append(
            "<th>metric</th><th class=n>A</th><th class=n>B</th><th class=n>delta</th><th class=n>95 % CI</th></tr></thead><tbody>");
    for (CompareView.CompareRow r : v.rows()) {
      b.append("<tr")
          .append(r.significant() ? " class=\"sig\"" : "")
          .append("><td>")
          .append(esc(r.videoId()))
          .append("</td><td>")
          .append(esc(r.label()))
          .append("</td><td>")
          .append(esc(r.metric()))
          .append("</td><td class=n>")
          .append(f3(r.valueA()))
          .append("</td><td class=n>")
          .append(f3(r.valueB()))
          .append("</td><td class=n data-k=\"delta\">")
          .append(r.significant() ? "<b>" : "")
          .append(Html.delta(r.delta()))
          .append(r.significant() ? "</b>" : "")
          .append("</td><td class=\"n ci\">[")
          .append(f3(r.ciLo()))
          .append(", ")
          .append(f3(r.ciHi()))
          .append("]</td></tr>");
    }
    b.append("</tbody></table>");

    b.append(
            "<h2>Frames where A and B disagree most</h2><p class=\"muted\">Each thumbnail draws A, B and the reference,")
        .append(" one colour each (legend below the frame).</p><p id=\"clustering\">")
        .append(esc(v.clustering()))
        .append("</p>")
        .append("<table id=\"worst-frames\"><thead><tr><th>frame</th>")
        .append(
            "<th>video</th><th class=n>frame #</th><th class=n>disagreement</th><th>detail</th><th>keyframe of</th></tr></thead><tbody>");
    // The frame page is for reviewers and above: a viewer gets no link that would answer 403.
    boolean links = role.atLeast(Role.REVIEWER);
    for (CompareView.FrameDisagreement f : v.worstFrames()) {
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
          .append("</td><td data-k=\"keyframe\">")
          .append(f.keyframeOf().isEmpty() ? "—" : esc(String.join(", ", f.keyframeOf())))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    if (v.modelA() != null) {
      b.append("<p><a id=\"all-frames\" class=\"drill\" href=\"")
          .append(esc(io.keyframe.report.drilldown.CompareFramesPage.url(v.modelA(), v.modelB())))
          .append("\">Every frame the compare job scored for this pair →</a></p>");
    }
    return Html.page("Compare models", "compare", role, b.toString());
  }
}
