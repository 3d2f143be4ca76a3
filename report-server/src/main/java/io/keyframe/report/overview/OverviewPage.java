package io.keyframe.report.overview;

import static io.keyframe.report.html.Html.esc;
import static io.keyframe.report.html.Html.f1;

import io.keyframe.report.auth.Role;
import io.keyframe.report.data.BatchEffort;
import io.keyframe.report.html.Html;

/** Renders {@link OverviewView} as HTML. */
public final class OverviewPage {
  private OverviewPage() {}

  /** The page. */
  public static String render(OverviewView v, Role role) {
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"muted\">Detections run <code>")
        .append(esc(v.run() == null ? "none yet" : v.run()))
        .append("</code></p>");
    b.append("<div class=\"cards\">");
    card(b, "videos", "videos", String.valueOf(v.videoCount()));
    card(b, "frames", "frames", String.valueOf(v.frames()));
    card(
        b,
        "labelled",
        "frames labelled" + (v.referenceSource() == null ? "" : " (" + v.referenceSource() + ")"),
        String.valueOf(v.framesLabelled()));
    card(
        b,
        "remaining",
        "frames without labels",
        String.valueOf(Math.max(0, v.frames() - v.framesLabelled())));
    card(
        b,
        "objects",
        v.referenceSource() == null
            ? "objects (no reference)"
            : "objects (" + v.referenceSource() + " tracks)",
        v.referenceSource() == null ? "—" : String.valueOf(v.objects()));
    card(b, "detections", "boxes, all sources", String.valueOf(v.detections()));
    if (v.queue() != null) {
      card(
          b, "queue", "expert queue: rows · frames", v.queue().rows() + " · " + v.queue().frames());
      card(
          b,
          "queue-minutes",
          "expert minutes queued (budget " + v.queue().budget() + ")",
          f1(v.queue().minutes()));
    }
    b.append("</div>");
    if (!v.headlines().isEmpty()) {
      b.append(
              "<h2>Headlines (all videos, all classes; 95 % intervals)</h2><table id=\"headlines\"><thead><tr><th>what</th>")
          .append("<th class=n>value</th><th class=n>interval</th></tr></thead><tbody>");
      for (OverviewView.Headline h : v.headlines()) {
        b.append("<tr><td>")
            .append(esc(h.what()))
            .append("</td><td class=n data-k=\"value\">")
            .append(Html.f3(h.value()))
            .append("</td><td class=n data-k=\"ci\">[")
            .append(Html.f3(h.lo()))
            .append(", ")
            .append(Html.f3(h.hi()))
            .append("]</td></tr>");
      }
      b.append("</tbody></table>");
    }
    b.append(
            "<div class=\"grid2\"><div class=\"chart\"><img alt=\"Throughput per job\" src=\"/charts/throughput.png\"></div>")
        .append(
            "<div class=\"chart\"><img alt=\"Effort saved per batch\" src=\"/charts/effort.png\"></div></div>");

    b.append(
            "<h2>Throughput per job</h2><table id=\"throughput\"><thead><tr><th>job</th><th class=n>frames</th>")
        .append("<th class=n>seconds</th><th class=n>frames / s</th></tr></thead><tbody>");
    for (OverviewView.JobThroughput j : v.throughput()) {
      b.append("<tr><td>")
          .append(esc(j.job()))
          .append("</td><td class=n>")
          .append(j.frames())
          .append("</td><td class=n>")
          .append(f1(j.seconds()))
          .append("</td><td class=n data-k=\"fps\">")
          .append(f1(j.framesPerSecond()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");

    b.append(
            "<h2>Human effort saved by pre-annotation</h2><p class=\"muted\">One row per detections run. The runs are")
        .append(" different jobs on different sources, so they are side by side, not a trend.</p>")
        .append("<table id=\"effort\"><thead><tr><th>run</th>")
        .append(
            "<th class=n>boxes</th><th class=n>drawn by a person</th><th class=n>saved</th></tr></thead><tbody>");
    for (BatchEffort e : v.effort()) {
      b.append("<tr><td><code>")
          .append(esc(e.runId()))
          .append("</code></td><td class=n>")
          .append(e.boxes())
          .append("</td><td class=n>")
          .append(e.keyframeBoxes())
          .append("</td><td class=n>")
          .append(f1(100 * e.savedFraction()))
          .append(" %</td></tr>");
    }
    b.append("</tbody></table>");

    b.append("<h2>Videos</h2><table id=\"videos\"><thead><tr><th>video</th><th class=n>frames</th>")
        .append(
            "<th class=n>frames labelled</th><th class=n>boxes</th><th class=n>objects</th></tr></thead><tbody>");
    for (OverviewView.VideoRow r : v.videos()) {
      b.append("<tr><td>")
          .append(esc(r.videoId()))
          .append("</td><td class=n>")
          .append(r.frames())
          .append("</td><td class=n>")
          .append(r.framesLabelled())
          .append("</td><td class=n>")
          .append(r.detections())
          .append("</td><td class=n>")
          .append(r.objects())
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    return Html.page("Batch overview", "overview", role, b.toString());
  }

  private static void card(StringBuilder b, String id, String k, String v) {
    b.append("<div class=\"card\"><div class=\"k\">")
        .append(esc(k))
        .append("</div><div class=\"v\" id=\"card-")
        .append(id)
        .append("\">")
        .append(esc(v))
        .append("</div></div>");
  }
}
