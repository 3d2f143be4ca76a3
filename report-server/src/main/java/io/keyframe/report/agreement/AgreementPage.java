package io.keyframe.report.agreement;

import static io.keyframe.report.html.Html.esc;
import static io.keyframe.report.html.Html.f3;

import io.keyframe.report.auth.Role;
import io.keyframe.report.data.Grid;
import io.keyframe.report.html.Html;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Renders {@link AgreementView} as HTML. */
public final class AgreementPage {
  private AgreementPage() {}

  /** The page. */
  public static String render(AgreementView v, Role role) {
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"muted\">Agreement run <code>").append(esc(v.run() == null ? "none yet" : v.run()))
        .append("</code> · 95 % bootstrap intervals in brackets</p>");
    String pair = v.confusion() == null ? "" : v.confusion().raterA() + "|" + v.confusion().raterB();
    b.append("<div class=\"grid2\"><div class=\"chart\"><img alt=\"Kappa per class\" src=\"/charts/kappa.png\"></div>")
        .append("<div class=\"chart\"><img alt=\"Confusion heat map\" src=\"/charts/confusion.png?pair=")
        .append(esc(URLEncoder.encode(pair, StandardCharsets.UTF_8))).append("\">");
    if (v.pairs().size() > 1) {
      b.append("<form class=\"filters\" method=\"get\" action=\"/agreement\"><label>Annotator pair<select name=\"pair\">");
      v.pairs().forEach(p -> b.append(Html.option(p, p.replace("|", " vs "), pair)));
      b.append("</select></label><button class=\"btn\" type=\"submit\">Show</button></form>");
    }
    b.append("</div></div>");

    b.append("<h2>Kappa per annotator pair and class (all videos)</h2>");
    grid(b, v.kappaByPairAndLabel(), "kappa-grid", "pair");

    b.append("<h2>Per annotator pair, class and video</h2><table id=\"agreement\"><thead><tr><th>video</th><th>rater A</th>")
        .append("<th>rater B</th><th>class</th><th class=n>matched</th><th class=n>only A</th><th class=n>only B</th>")
        .append("<th class=n>mean IoU</th><th class=n>kappa</th><th class=n>alpha</th></tr></thead><tbody>");
    for (AgreementView.AgreementRow r : v.rows()) {
      b.append("<tr><td>").append(esc(r.videoId())).append("</td><td>").append(esc(r.raterA())).append("</td><td>")
          .append(esc(r.raterB())).append("</td><td>").append(esc(r.label())).append("</td><td class=n>")
          .append(r.nMatched()).append("</td><td class=n>").append(r.nUnmatchedA()).append("</td><td class=n>")
          .append(r.nUnmatchedB()).append("</td><td class=n><span data-k=\"iou\">").append(f3(r.meanIou()))
          .append("</span> <span class=ci>[").append(f3(r.iouLo())).append(", ").append(f3(r.iouHi()))
          .append("]</span></td><td class=n><span data-k=\"kappa\">").append(f3(r.kappa()))
          .append("</span> <span class=ci>[").append(f3(r.kappaLo())).append(", ").append(f3(r.kappaHi()))
          .append("]</span></td><td class=n data-k=\"alpha\">").append(f3(r.alpha())).append("</td></tr>");
    }
    b.append("</tbody></table>");

    b.append("<h2>ID-switch timelines</h2>");
    if (v.timelines().isEmpty()) {
      b.append("<p class=muted>No ID switches or occlusion events recorded.</p>");
    }
    b.append("<table id=\"timelines\"><thead><tr><th>video</th><th class=n>ID switches</th>")
        .append("<th class=n>after occlusion</th><th class=n>occlusion events</th><th>timeline</th></tr></thead><tbody>");
    for (AgreementView.Timeline t : v.timelines()) {
      b.append("<tr><td>").append(esc(t.videoId())).append("</td><td class=n>").append(t.idSwitches())
          .append("</td><td class=n>").append(t.afterOcclusion()).append("</td><td class=n>").append(t.occlusionEvents())
          .append("</td><td><img class=\"timeline\" style=\"width:560px;max-width:100%\" loading=\"lazy\" alt=\"timeline\" src=\"")
          .append(esc(t.chartUrl())).append("\"></td></tr>");
    }
    b.append("</tbody></table>");

    if (v.spotCheck() == null) {
      b.append("<h2>Spot-check sample and audit trail</h2><p class=\"note\">Visible to the reviewer role and above.</p>");
    } else {
      b.append("<h2>Spot-check sample</h2><table id=\"spot-check\"><thead><tr><th>video</th><th class=n>frame</th>")
          .append("<th>class</th><th>stratum</th></tr></thead><tbody>");
      for (AgreementView.SpotCheck s : v.spotCheck()) {
        b.append("<tr><td>").append(esc(s.videoId())).append("</td><td class=n>").append(s.frame()).append("</td><td>")
            .append(esc(s.label())).append("</td><td>").append(esc(s.stratum())).append("</td></tr>");
      }
      b.append("</tbody></table>");
      b.append("<h2>Audit trail: runs</h2><table id=\"audit-runs\"><thead><tr><th>run</th><th>job</th><th>started</th>")
          .append("<th>ended</th><th>code</th><th>tracker</th><th>inputs (sha256)</th><th>models (sha256)</th></tr></thead><tbody>");
      for (AgreementView.RunEntry r : v.audit().runs()) {
        b.append("<tr><td><code>").append(esc(r.runId())).append("</code></td><td>").append(esc(r.job()))
            .append("</td><td>").append(Instant.ofEpochMilli(r.startedAt())).append("</td><td>")
            .append(Instant.ofEpochMilli(r.endedAt())).append("</td><td>").append(esc(r.codeVersion()))
            .append("</td><td>").append(esc(r.trackerPath())).append("</td><td><pre>").append(esc(r.inputsJson()))
            .append("</pre></td><td><pre>").append(esc(r.modelsJson())).append("</pre></td></tr>");
      }
      b.append("</tbody></table>");
      b.append("<h2>Audit trail: who labelled what</h2><table id=\"audit-labelled\"><thead><tr><th>video</th>")
          .append("<th>source</th><th class=n>boxes</th><th class=n>keyframes</th><th class=n>tracks</th></tr></thead><tbody>");
      for (AgreementView.LabelledBy l : v.audit().labelledBy()) {
        b.append("<tr><td>").append(esc(l.videoId())).append("</td><td>").append(esc(l.source()))
            .append("</td><td class=n>").append(l.boxes()).append("</td><td class=n>").append(l.keyframes())
            .append("</td><td class=n>").append(l.tracks()).append("</td></tr>");
      }
      b.append("</tbody></table>");
    }
    return Html.page("Agreement", "agreement", role, b.toString());
  }

  /** A pivot grid as a table. */
  public static void grid(StringBuilder b, Grid g, String id, String corner) {
    b.append("<table id=\"").append(id).append("\"><thead><tr><th>").append(esc(corner)).append("</th>");
    g.columnKeys().forEach(c -> b.append("<th class=n>").append(esc(c)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (int r = 0; r < g.rowKeys().size(); r++) {
      b.append("<tr><td>").append(esc(g.rowKeys().get(r))).append("</td>");
      for (int c = 0; c < g.columnKeys().size(); c++) {
        b.append("<td class=n>").append(f3(g.values()[r][c])).append("</td>");
      }
      b.append("</tr>");
    }
    if (g.rowKeys().isEmpty()) {
      b.append("<tr><td class=muted>No data.</td></tr>");
    }
    b.append("</tbody></table>");
  }
}
