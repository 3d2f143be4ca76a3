package io.keyframe.report.labelnext;

import static io.keyframe.report.html.Html.esc;
import static io.keyframe.report.html.Html.f1;
import static io.keyframe.report.html.Html.f3;

import io.keyframe.report.auth.Role;
import io.keyframe.report.html.Html;
import io.keyframe.scoring.queue.QueueFiles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Renders {@link LabelNextView} as HTML, and as CSV. */
public final class LabelNextPage {
  private LabelNextPage() {}

  /** The page. */
  public static String render(LabelNextView v, Role role) {
    QueueFilter f = v.filter();
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"muted\">Queue run <code>")
        .append(esc(v.run() == null ? "none yet" : v.run()))
        .append("</code> · ranked by expected value per expert minute</p>");
    b.append("<form class=\"filters\" method=\"get\" action=\"/label-next\">");
    select(b, "video", "Video", v.videos(), f.video());
    select(b, "label", "Class", v.labels(), f.label());
    select(b, "signal", "Signal", v.signals(), f.signal());
    b.append("<button class=\"btn\" type=\"submit\">Filter</button>");
    b.append("<a class=\"btn secondary\" id=\"csv\" href=\"/label-next.csv")
        .append(esc(query(f)))
        .append("\">Export CSV</a>");
    b.append("</form>");
    b.append("<div class=\"cards\">");
    b.append(
            "<div class=\"card\"><div class=\"k\">items shown</div><div class=\"v\" id=\"card-items\">")
        .append(v.rows().size())
        .append("</div></div>");
    b.append(
            "<div class=\"card\"><div class=\"k\">expert minutes</div><div class=\"v\" id=\"card-minutes\">")
        .append(f1(v.totalMinutes()))
        .append("</div></div></div>");
    b.append(
            "<table id=\"queue\"><thead><tr><th class=n>rank</th><th>frame</th><th>video</th><th class=n>frames</th>")
        .append(
            "<th class=n>score</th><th class=n>minutes</th><th class=n>cumulative</th><th>why</th>")
        .append("<th>objects</th><th>open in CVAT terms</th></tr></thead><tbody>");
    for (LabelNextView.QueueRow r : v.rows()) {
      b.append("<tr><td class=n data-k=\"rank\">")
          .append(r.rank())
          .append("</td>")
          .append("<td><a href=\"")
          .append(esc(r.thumbnailUrl() + "&size=large"))
          .append("\">")
          .append("<img class=\"thumb\" loading=\"lazy\" alt=\"frame ")
          .append(r.frame())
          .append("\" src=\"")
          .append(esc(r.thumbnailUrl()))
          .append("\"></a></td>")
          .append("<td>")
          .append(esc(r.videoId()))
          .append("</td>")
          .append("<td class=n>")
          .append(r.frameStart())
          .append("–")
          .append(r.frameEnd())
          .append("</td>")
          .append("<td class=n data-k=\"score\">")
          .append(f3(r.score()))
          .append("</td>")
          .append("<td class=n data-k=\"cost\">")
          .append(f1(r.costMinutes()))
          .append("</td>")
          .append("<td class=n>")
          .append(f1(r.cumulativeMinutes()))
          .append("</td><td>");
      for (LabelNextView.Reason x : r.reasons()) {
        b.append("<span class=\"tag\">")
            .append(esc(x.signal()))
            .append(" ")
            .append(f3(x.value()))
            .append("</span>");
      }
      if (r.reasons().isEmpty()) {
        b.append(esc(r.reasonsText()));
      }
      b.append("</td><td>");
      // One chip per (id, label, source) entry of the queue row: an ID only means something in its
      // source's numbering.
      for (LabelNextView.QueueObject o : r.objects()) {
        b.append("<span class=\"tag obj\" data-id=\"")
            .append(o.id())
            .append("\" data-label=\"")
            .append(esc(o.label()))
            .append("\" data-source=\"")
            .append(esc(o.source()))
            .append("\">#")
            .append(o.id())
            .append(' ')
            .append(esc(o.label()))
            .append(" <small>")
            .append(esc(o.source()))
            .append("</small></span>");
      }
      if (r.objects().isEmpty()) {
        b.append("<span class=muted>—</span>");
      }
      // The frame page is for reviewers and above: a viewer sees the reference, not a link that
      // answers 403.
      b.append("</td><td>");
      if (role.atLeast(Role.REVIEWER)) {
        b.append("<a class=\"cvat\" href=\"")
            .append(esc(r.cvatUrl()))
            .append("\">")
            .append(esc(r.videoId()))
            .append(" · frame ")
            .append(r.frameStart())
            .append("</a>");
        if (r.cvatJobUrl() != null) {
          b.append(" <a class=\"cvat-job\" target=\"_blank\" rel=\"noopener noreferrer\" href=\"")
              .append(esc(r.cvatJobUrl()))
              .append("\">open in CVAT ↗</a>");
        }
      } else {
        b.append(esc(r.videoId())).append(" · frame ").append(r.frameStart());
      }
      b.append("</td></tr>");
    }
    if (v.rows().isEmpty()) {
      b.append("<tr><td colspan=10 class=muted>No queue items match.</td></tr>");
    }
    b.append("</tbody></table>");
    if (role.atLeast(Role.REVIEWER) && !v.exportSources().isEmpty()) {
      b.append(
              "<h2>Open in the annotation tool</h2><p class=\"muted\">The queued frames (and the spot-check sample)")
          .append(
              " with one source's boxes as pre-annotations: a CVAT for video 1.1 file per video, or Label Studio")
          .append(" tasks for the whole queue.</p><ul id=\"exports\">");
      v.exportSources()
          .forEach(
              (video, sources) -> {
                b.append("<li>").append(esc(video)).append(": CVAT ");
                for (String s : sources) {
                  String q = "?source=" + URLEncoder.encode(s, StandardCharsets.UTF_8);
                  b.append("<a class=\"export-cvat\" href=\"/export/cvat/")
                      .append(esc(URLEncoder.encode(video, StandardCharsets.UTF_8)))
                      .append(esc(q))
                      .append("\">")
                      .append(esc(s))
                      .append("</a> ");
                }
                b.append("</li>");
              });
      java.util.TreeSet<String> all = new java.util.TreeSet<>();
      v.exportSources().values().forEach(all::addAll);
      b.append("<li>Label Studio tasks: ");
      for (String s : all) {
        b.append("<a class=\"export-ls\" href=\"/export/label-studio.json?source=")
            .append(esc(URLEncoder.encode(s, StandardCharsets.UTF_8)))
            .append("\">")
            .append(esc(s))
            .append("</a> ");
      }
      b.append("</li></ul>");
    }
    return Html.page("Label next", "label-next", role, b.toString());
  }

  /**
   * The filtered queue as CSV: one line per (row, object), the columns the CLI's queue CSV has
   * (scoring's {@code QueueFiles}), so each line pairs one ID with its own label and source. RFC
   * 4180 quoting; cells starting with = + - @ are defused.
   */
  public static String csv(LabelNextView v) {
    StringBuilder b = new StringBuilder(QueueFiles.QUEUE_HEADER).append("\r\n");
    for (LabelNextView.QueueRow r : v.rows()) {
      String head =
          r.rank()
              + ","
              + cell(r.videoId())
              + ","
              + r.frameStart()
              + ","
              + r.frameEnd()
              + ","
              + r.score()
              + ","
              + r.costMinutes()
              + ","
              + r.cumulativeMinutes()
              + ","
              + cell(r.reasonsText());
      if (r.objects().isEmpty()) {
        b.append(head).append(",,,\r\n");
      }
      for (LabelNextView.QueueObject o : r.objects()) {
        b.append(head)
            .append(',')
            .append(o.id())
            .append(',')
            .append(cell(o.label()))
            .append(',')
            .append(cell(o.source()))
            .append("\r\n");
      }
    }
    return b.toString();
  }

  private static String cell(String s) {
    if (s == null) {
      return "";
    }
    // Spreadsheets execute cells that start with these (OWASP CSV injection); a leading quote keeps
    // them text.
    String safe = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static String query(QueueFilter f) {
    StringBuilder q = new StringBuilder();
    add(q, "video", f.video());
    add(q, "label", f.label());
    add(q, "signal", f.signal());
    return q.toString();
  }

  private static void add(StringBuilder q, String k, String v) {
    if (v != null) {
      q.append(q.isEmpty() ? "?" : "&")
          .append(k)
          .append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
  }

  private static void select(
      StringBuilder b, String name, String text, List<String> values, String selected) {
    b.append("<label>")
        .append(text)
        .append("<select name=\"")
        .append(name)
        .append("\"><option value=\"\">any</option>");
    for (String v : values) {
      b.append(Html.option(v, selected));
    }
    b.append("</select></label>");
  }
}
