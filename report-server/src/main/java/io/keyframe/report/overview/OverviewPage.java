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
    b.append("<p class=\"muted\">Detections run <code>").append(esc(v.run() == null ? "none yet" : v.run()))
        .append("</code></p>");
    b.append("<div class=\"cards\">");
    card(b, "videos", "videos", String.valueOf(v.videoCount()));
    card(b, "frames", "frames with boxes", String.valueOf(v.frames()));
    card(b, "objects", "objects (tracks)", String.valueOf(v.objects()));
    card(b, "detections", "boxes", String.valueOf(v.detections()));
    BatchEffort last = v.effort().isEmpty() ? null : v.effort().get(v.effort().size() - 1);
    card(b, "effort", "effort saved, last batch", last == null ? "—" : f1(100 * last.savedFraction()) + " %");
    b.append("</div>");
    b.append("<div class=\"grid2\"><div class=\"chart\"><img alt=\"Throughput per job\" src=\"/charts/throughput.png\"></div>")
        .append("<div class=\"chart\"><img alt=\"Effort saved per batch\" src=\"/charts/effort.png\"></div></div>");

    b.append("<h2>Throughput per job</h2><table id=\"throughput\"><thead><tr><th>job</th><th class=n>frames</th>")
        .append("<th class=n>seconds</th><th class=n>frames / s</th></tr></thead><tbody>");
    for (OverviewView.JobThroughput j : v.throughput()) {
      b.append("<tr><td>").append(esc(j.job())).append("</td><td class=n>").append(j.frames())
          .append("</td><td class=n>").append(f1(j.seconds())).append("</td><td class=n data-k=\"fps\">")
          .append(f1(j.framesPerSecond())).append("</td></tr>");
    }
    b.append("</tbody></table>");

    b.append("<h2>Human effort saved by pre-annotation</h2><table id=\"effort\"><thead><tr><th>batch (run)</th>")
        .append("<th class=n>boxes</th><th class=n>drawn by a person</th><th class=n>saved</th></tr></thead><tbody>");
    for (BatchEffort e : v.effort()) {
      b.append("<tr><td><code>").append(esc(e.runId())).append("</code></td><td class=n>").append(e.boxes())
          .append("</td><td class=n>").append(e.keyframeBoxes()).append("</td><td class=n>")
          .append(f1(100 * e.savedFraction())).append(" %</td></tr>");
    }
    b.append("</tbody></table>");

    b.append("<h2>Videos</h2><table id=\"videos\"><thead><tr><th>video</th><th class=n>frames</th>")
        .append("<th class=n>boxes</th><th class=n>objects</th></tr></thead><tbody>");
    for (OverviewView.VideoRow r : v.videos()) {
      b.append("<tr><td>").append(esc(r.videoId())).append("</td><td class=n>").append(r.frames())
          .append("</td><td class=n>").append(r.detections()).append("</td><td class=n>").append(r.objects())
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    return Html.page("Batch overview", "overview", role, b.toString());
  }

  private static void card(StringBuilder b, String id, String k, String v) {
    b.append("<div class=\"card\"><div class=\"k\">").append(esc(k)).append("</div><div class=\"v\" id=\"card-")
        .append(id).append("\">").append(esc(v)).append("</div></div>");
  }
}
