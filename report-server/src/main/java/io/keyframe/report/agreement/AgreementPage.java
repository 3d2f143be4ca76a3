package io.keyframe.report.agreement;

import static io.keyframe.report.html.Html.esc;
import static io.keyframe.report.html.Html.f3;

import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.report.auth.Role;
import io.keyframe.report.data.Grid;
import io.keyframe.report.drilldown.AgreementFramesPage;
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
    b.append("<p class=\"muted\">Agreement run <code>")
        .append(esc(v.run() == null ? "none yet" : v.run()))
        .append("</code> · 95 % bootstrap intervals in brackets</p>");
    String pair =
        v.confusion() == null ? "" : v.confusion().raterA() + "|" + v.confusion().raterB();
    b.append(
            "<div class=\"grid2\"><div class=\"chart\"><img alt=\"Kappa per class\" src=\"/charts/kappa.png\"></div>")
        .append(
            "<div class=\"chart\"><img alt=\"Confusion heat map\" src=\"/charts/confusion.png?pair=")
        .append(esc(URLEncoder.encode(pair, StandardCharsets.UTF_8)))
        .append("\">");
    if (v.pairs().size() > 1) {
      b.append(
          "<form class=\"filters\" method=\"get\" action=\"/agreement\"><label>Annotator pair<select name=\"pair\">");
      v.pairs().forEach(p -> b.append(Html.option(p, p.replace("|", " vs "), pair)));
      b.append("</select></label><button class=\"btn\" type=\"submit\">Show</button></form>");
    }
    b.append("</div></div>");

    b.append("<h2>Per class: do they call it the same, and do they both draw it? (all videos)</h2>")
        .append(
            "<p class=\"muted\">Class kappa is Cohen's kappa over objects both annotators drew (one class against the")
        .append(
            " rest); it cannot see objects only one of them drew, so detection agreement stands beside it:")
        .append(
            " F1 = 2·matched / (2·matched + only A + only B). Bands after Landis &amp; Koch (1977): &lt;0 poor,")
        .append(
            " 0–0.20 slight, 0.21–0.40 fair, 0.41–0.60 moderate, 0.61–0.80 substantial, 0.81–1 almost perfect.</p>");
    b.append(
            "<table id=\"class-agreement\"><thead><tr><th>rater A</th><th>rater B</th><th>class</th>")
        .append(
            "<th class=n>class kappa</th><th>band</th><th class=n>matched</th><th class=n>only A</th>")
        .append("<th class=n>only B</th><th class=n>detection F1</th></tr></thead><tbody>");
    for (AgreementView.ClassAgreement c : v.classes()) {
      b.append("<tr data-label=\"")
          .append(esc(c.label()))
          .append("\"><td>")
          .append(esc(c.raterA()))
          .append("</td><td>")
          .append(esc(c.raterB()))
          .append("</td><td><a class=\"drill\" href=\"")
          .append(esc(AgreementFramesPage.url(c.raterA(), c.raterB(), c.label(), null)))
          .append("\">")
          .append(esc(c.label()))
          .append("</a></td><td class=n><span data-k=\"kappa\">")
          .append(f3(c.kappa()))
          .append("</span> <span class=ci>[")
          .append(f3(c.kappaLo()))
          .append(", ")
          .append(f3(c.kappaHi()))
          .append("]</span></td><td data-k=\"band\">")
          .append(c.band() == null ? "—" : esc(c.band().text()))
          .append("</td><td class=n data-k=\"matched\">")
          .append(c.nMatched())
          .append("</td><td class=n data-k=\"only-a\">")
          .append(c.onlyA())
          .append("</td><td class=n data-k=\"only-b\">")
          .append(c.onlyB())
          .append("</td><td class=n data-k=\"f1\">")
          .append(f3(c.f1()))
          .append("</td></tr>");
    }
    if (v.classes().isEmpty()) {
      b.append("<tr><td colspan=9 class=muted>No per-class agreement rows.</td></tr>");
    }
    b.append("</tbody></table>");
    if (v.confusion() != null) {
      confusionTable(b, v.confusion());
    }

    b.append("<h2>Kappa per annotator pair and class (all videos)</h2>");
    b.append(
        "<p class=\"muted\">Each cell opens the frames behind it: every object of that class the pair drew.</p>");
    grid(
        b,
        v.kappaByPairAndLabel(),
        "kappa-grid",
        "pair",
        (pairKey, label) -> {
          String[] ab = pairKey.split(" vs ", 2);
          return ab.length < 2 ? null : AgreementFramesPage.url(ab[0], ab[1], label, null);
        });

    b.append(
            "<h2>Per annotator pair, class and video</h2><table id=\"agreement\"><thead><tr><th>video</th><th>rater A</th>")
        .append(
            "<th>rater B</th><th>class</th><th class=n>matched</th><th class=n>only A</th><th class=n>only B</th>")
        .append(
            "<th class=n>mean IoU</th><th class=n>kappa</th><th class=n>alpha</th></tr></thead><tbody>");
    for (AgreementView.AgreementRow r : v.rows()) {
      b.append("<tr><td>")
          .append(esc(r.videoId()))
          .append("</td><td>")
          .append(esc(r.raterA()))
          .append("</td><td>")
          .append(esc(r.raterB()))
          .append("</td><td><a class=\"drill\" href=\"")
          .append(
              esc(
                  AgreementFramesPage.url(
                      r.raterA(),
                      r.raterB(),
                      r.label().equals(OutputTables.ALL) ? null : r.label(),
                      r.videoId().equals(OutputTables.ALL) ? null : r.videoId())))
          .append("\">")
          .append(esc(r.label()))
          .append("</a></td><td class=n>")
          .append(r.nMatched())
          .append("</td><td class=n>")
          .append(r.nUnmatchedA())
          .append("</td><td class=n>")
          .append(r.nUnmatchedB())
          .append("</td><td class=n><span data-k=\"iou\">")
          .append(f3(r.meanIou()))
          .append("</span> <span class=ci>[")
          .append(f3(r.iouLo()))
          .append(", ")
          .append(f3(r.iouHi()))
          .append("]</span></td><td class=n><span data-k=\"kappa\">")
          .append(f3(r.kappa()))
          .append("</span> <span class=ci>[")
          .append(f3(r.kappaLo()))
          .append(", ")
          .append(f3(r.kappaHi()))
          .append("]</span></td><td class=n data-k=\"alpha\">")
          .append(f3(r.alpha()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");

    b.append("<h2>ID-switch timelines</h2>");
    if (v.timelines().isEmpty()) {
      b.append("<p class=muted>No ID switches or occlusion events recorded.</p>");
    }
    b.append(
            "<p class=\"muted\">ID switches here (table and dots) follow py-motmetrics' CLEAR rule over all classes")
        .append(
            " together (the id_switches table); Compare models counts them with TrackEval's rule per class, so the two")
        .append(" may differ.</p>");
    b.append(
            "<table id=\"timelines\"><thead><tr><th>video</th><th class=n>ID switches <small>(py-motmetrics rule)</small></th>")
        .append(
            "<th class=n>after occlusion</th><th class=n>occlusion events</th><th>timeline</th></tr></thead><tbody>");
    for (AgreementView.Timeline t : v.timelines()) {
      b.append("<tr><td>")
          .append(esc(t.videoId()))
          .append("</td><td class=n>")
          .append(t.idSwitches())
          .append("</td><td class=n>")
          .append(t.afterOcclusion())
          .append("</td><td class=n>")
          .append(t.occlusionEvents())
          .append(
              "</td><td><img class=\"timeline\" style=\"width:560px;max-width:100%\" loading=\"lazy\" alt=\"timeline\" src=\"")
          .append(esc(t.chartUrl()))
          .append("\"></td></tr>");
    }
    b.append("</tbody></table>");

    if (v.spotCheck() == null) {
      b.append(
          "<h2>Spot-check sample and audit trail</h2><p class=\"note\">Visible to the reviewer role and above.</p>");
    } else {
      b.append(
              "<h2>Spot-check sample</h2><table id=\"spot-check\"><thead><tr><th>video</th><th class=n>frame</th>")
          .append("<th>class</th><th>stratum</th></tr></thead><tbody>");
      for (AgreementView.SpotCheck s : v.spotCheck()) {
        // Only reviewers see this table, and they may open frame pages.
        b.append("<tr><td>")
            .append(esc(s.videoId()))
            .append("</td><td class=n><a class=\"frame-link\" href=\"/frame/")
            .append(esc(URLEncoder.encode(s.videoId(), StandardCharsets.UTF_8)))
            .append('/')
            .append(s.frame())
            .append("\">")
            .append(s.frame())
            .append("</a></td><td>")
            .append(esc(s.label()))
            .append("</td><td>")
            .append(esc(s.stratum()))
            .append("</td></tr>");
      }
      b.append("</tbody></table>");
      var log = v.audit().commands();
      // The trail is long and mostly for auditors: one verified / not verified line, details on
      // demand.
      b.append("<h2>Audit trail</h2><p id=\"audit-summary\" class=\"")
          .append(log.intact() ? "verified" : "unverified")
          .append("\"><b data-k=\"verified\">")
          .append(log.intact() ? "✔ verified" : "✘ not verified")
          .append("</b> · <span id=\"audit-status\">")
          .append(esc(log.status()))
          .append("</span> · ")
          .append(v.audit().runs().size())
          .append(" runs · ")
          .append(v.audit().labelledBy().size())
          .append(" (video, source) sets of labels</p>")
          .append(
              "<details id=\"audit-details\"><summary>Show the runs, the commands and who labelled what</summary>");
      b.append(
              "<h3>Runs</h3><div class=\"wide\"><table id=\"audit-runs\"><thead><tr><th>run</th><th>job</th><th>started</th>")
          .append(
              "<th>ended</th><th>code</th><th>tracker</th><th>inputs (sha256)</th><th>models (sha256)</th></tr></thead><tbody>");
      for (AgreementView.RunEntry r : v.audit().runs()) {
        b.append("<tr><td><code>")
            .append(esc(r.runId()))
            .append("</code></td><td>")
            .append(esc(r.job()))
            .append("</td><td>")
            .append(Instant.ofEpochMilli(r.startedAt()))
            .append("</td><td>")
            .append(Instant.ofEpochMilli(r.endedAt()))
            .append("</td><td>")
            .append(esc(r.codeVersion()))
            .append("</td><td>")
            .append(esc(r.trackerPath()))
            .append("</td><td><pre>")
            .append(esc(r.inputsJson()))
            .append("</pre></td><td><pre>")
            .append(esc(r.modelsJson()))
            .append("</pre></td></tr>");
      }
      b.append("</tbody></table></div>");
      b.append(
              "<h3>Commands</h3><div class=\"wide\"><table id=\"audit-commands\"><thead><tr><th class=n>#</th><th>time</th><th>who</th><th>what</th>")
          .append(
              "<th>parameters</th><th>inputs (sha256)</th><th>outputs (sha256)</th></tr></thead><tbody>");
      for (var e : log.entries()) {
        b.append("<tr><td class=n>")
            .append(e.seq())
            .append("</td><td>")
            .append(esc(e.time()))
            .append("</td><td>")
            .append(esc(e.actor()))
            .append("</td><td>")
            .append(esc(e.action()))
            .append("</td><td><pre>")
            .append(esc(e.params()))
            .append("</pre></td><td><pre>")
            .append(esc(e.inputs()))
            .append("</pre></td><td><pre>")
            .append(esc(e.outputs()))
            .append("</pre></td></tr>");
      }
      b.append("</tbody></table></div>");
      b.append("<h3>Who labelled what</h3><table id=\"audit-labelled\"><thead><tr><th>video</th>")
          .append(
              "<th>source</th><th class=n>boxes</th><th class=n>keyframes</th><th class=n>tracks</th></tr></thead><tbody>");
      for (AgreementView.LabelledBy l : v.audit().labelledBy()) {
        b.append("<tr><td>")
            .append(esc(l.videoId()))
            .append("</td><td>")
            .append(esc(l.source()))
            .append("</td><td class=n>")
            .append(l.boxes())
            .append("</td><td class=n>")
            .append(l.keyframes())
            .append("</td><td class=n>")
            .append(l.tracks())
            .append("</td></tr>");
      }
      b.append("</tbody></table></details>");
    }
    return Html.page("Agreement", "agreement", role, b.toString());
  }

  /**
   * The confusion matrix as a heat map table: each row shaded by its share of that row (where A's
   * objects of a class end up), the diagonal (agreement) muted so the errors stand out, and the
   * objects only one annotator drew in the last row and column.
   */
  private static void confusionTable(StringBuilder b, AgreementView.Confusion c) {
    b.append("<h2>Where ")
        .append(esc(c.raterA()))
        .append("'s classes end up in ")
        .append(esc(c.raterB()))
        .append(
            "'s labels</h2><p class=\"muted\">Counts; shading is the share of the row. Diagonal (agreement) in grey.</p>");
    Grid n = c.counts();
    Grid share = c.rowShares();
    b.append("<table id=\"confusion\"><thead><tr><th>")
        .append(esc(c.raterA()))
        .append(" says ↓ / ")
        .append(esc(c.raterB()))
        .append(" says →</th>");
    n.columnKeys().forEach(k -> b.append("<th class=n>").append(esc(k)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (int r = 0; r < n.rowKeys().size(); r++) {
      b.append("<tr><td>").append(esc(n.rowKeys().get(r))).append("</td>");
      for (int col = 0; col < n.columnKeys().size(); col++) {
        boolean diagonal = n.rowKeys().get(r).equals(n.columnKeys().get(col));
        double s = share.values()[r][col];
        String bg =
            diagonal
                ? "#e5e7eb"
                : Double.isNaN(s) || s == 0
                    ? "#ffffff"
                    : String.format(java.util.Locale.ROOT, "rgba(220,38,38,%.2f)", 0.12 + 0.75 * s);
        b.append("<td class=\"n")
            .append(diagonal ? " diag" : "")
            .append("\" data-share=\"")
            .append(f3(s))
            .append("\" style=\"background:")
            .append(bg)
            .append("\">");
        long count = Math.round(n.values()[r][col]);
        String rowKey = n.rowKeys().get(r), colKey = n.columnKeys().get(col);
        // Each count opens the objects behind it: matched pairs of these two classes, A's objects B
        // did not draw, or B's that A did not.
        String href =
            count == 0
                ? null
                : rowKey.equals(AgreementView.ONLY_B)
                    ? colKey.equals(AgreementView.MISSED_BY_B)
                        ? null
                        : AgreementFramesPage.url(
                            c.raterA(), c.raterB(), colKey, null, "only_b", null)
                    : colKey.equals(AgreementView.MISSED_BY_B)
                        ? AgreementFramesPage.url(
                            c.raterA(), c.raterB(), rowKey, null, "only_a", null)
                        : AgreementFramesPage.url(
                            c.raterA(), c.raterB(), rowKey, colKey, null, null);
        b.append(href == null ? "" : "<a class=\"drill\" href=\"" + esc(href) + "\">")
            .append(count)
            .append(href == null ? "" : "</a>")
            .append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table>");
  }

  /** A pivot grid as a table. */
  public static void grid(StringBuilder b, Grid g, String id, String corner) {
    grid(b, g, id, corner, null);
  }

  /**
   * A pivot grid as a table whose defined cells link to {@code href(rowKey, columnKey)} (no link
   * where it returns null, or without {@code href}).
   */
  public static void grid(
      StringBuilder b,
      Grid g,
      String id,
      String corner,
      java.util.function.BinaryOperator<String> href) {
    b.append("<table id=\"")
        .append(id)
        .append("\"><thead><tr><th>")
        .append(esc(corner))
        .append("</th>");
    g.columnKeys().forEach(c -> b.append("<th class=n>").append(esc(c)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (int r = 0; r < g.rowKeys().size(); r++) {
      b.append("<tr><td>").append(esc(g.rowKeys().get(r))).append("</td>");
      for (int c = 0; c < g.columnKeys().size(); c++) {
        double value = g.values()[r][c];
        String link =
            href == null || Double.isNaN(value)
                ? null
                : href.apply(g.rowKeys().get(r), g.columnKeys().get(c));
        b.append("<td class=n>")
            .append(link == null ? "" : "<a class=\"drill\" href=\"" + esc(link) + "\">")
            .append(f3(value))
            .append(link == null ? "" : "</a>")
            .append("</td>");
      }
      b.append("</tr>");
    }
    if (g.rowKeys().isEmpty()) {
      b.append("<tr><td class=muted>No data.</td></tr>");
    }
    b.append("</tbody></table>");
  }
}
