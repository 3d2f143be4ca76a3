package io.keyframe.report.web;

import static io.keyframe.report.html.Html.esc;

import io.keyframe.report.auth.Role;
import io.keyframe.report.chart.FrameView;
import io.keyframe.report.chart.ObjectRef;
import io.keyframe.report.html.Html;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One frame in CVAT terms (the video/task name, the 0-based frame number CVAT's player shows, the
 * objects to inspect, each with its source) with every source's boxes drawn, and the same boxes
 * side by side in a table per source.
 */
final class FramePage {
  private FramePage() {}

  static String render(FrameView v, List<ObjectRef> objects, String imageUrl, Role role) {
    String ids =
        objects.stream()
            .map(o -> "#" + o.id() + (o.source() == null ? "" : " (" + o.source() + ")"))
            .collect(Collectors.joining(", "));
    StringBuilder b = new StringBuilder();
    b.append(
        """
        <div class="cards">
        <div class="card"><div class="k">CVAT task / video</div><div class="v" id="cvat-video">%s</div></div>
        <div class="card"><div class="k">frame (0-based, as in CVAT)</div><div class="v" id="cvat-frame">%d</div></div>
        <div class="card"><div class="k">objects (track IDs)</div><div class="v" id="cvat-objects">%s</div></div>
        <div class="card"><div class="k">frame size%s</div><div class="v" id="frame-size">%d × %d</div></div>
        </div>
        <p class="muted">In CVAT: open the task for this video, type the frame number into the player's frame box and
        select the listed tracks in the objects sidebar. Track IDs are numbered per source. Reference: <code id="cvat-ref">%s</code></p>
        <div class="chart"><img id="frame-image" alt="frame %d" src="%s"></div>
        """
            .formatted(
                esc(v.video()),
                v.frame(),
                esc(ids.isEmpty() ? "—" : ids),
                v.sizeKnown() ? "" : " (guessed: no videos table)",
                v.width(),
                v.height(),
                esc(
                    "video="
                        + v.video()
                        + "&frame="
                        + v.frame()
                        + "&objects="
                        + objects.stream()
                            .map(ObjectRef::toString)
                            .collect(Collectors.joining(","))),
                v.frame(),
                esc(imageUrl)));
    b.append("<h2>Every source on this frame</h2><ul id=\"legend\" class=\"legend\">");
    for (FrameView.SourceBoxes s : v.sources()) {
      b.append("<li data-source=\"")
          .append(esc(s.source()))
          .append("\" data-colour=\"")
          .append(s.colour())
          .append("\">")
          .append(
              "<span class=\"swatch\" style=\"display:inline-block;width:12px;height:12px;background:")
          .append(s.colour())
          .append("\"></span> ")
          .append(esc(s.source()))
          .append(" · ")
          .append(s.boxes().size())
          .append(" boxes</li>");
    }
    b.append("</ul><div class=\"side-by-side\" style=\"display:flex;gap:1em;flex-wrap:wrap\">");
    for (FrameView.SourceBoxes s : v.sources()) {
      b.append("<table class=\"boxes\" data-source=\"")
          .append(esc(s.source()))
          .append("\"><caption>")
          .append(esc(s.source()))
          .append(
              "</caption><thead><tr><th class=n>track</th><th>class</th><th class=n>x</th><th class=n>y</th>")
          .append("<th class=n>w</th><th class=n>h</th></tr></thead><tbody>");
      for (FrameView.Box x : s.boxes()) {
        b.append("<tr")
            .append(x.highlighted() ? " class=\"hot\"" : "")
            .append("><td class=n>")
            .append(x.trackId())
            .append("</td><td>")
            .append(esc(x.label()))
            .append("</td><td class=n>")
            .append(num(x.x()))
            .append("</td><td class=n>")
            .append(num(x.y()))
            .append("</td><td class=n>")
            .append(num(x.w()))
            .append("</td><td class=n>")
            .append(num(x.h()))
            .append("</td></tr>");
      }
      b.append("</tbody></table>");
    }
    b.append("</div><p><a href=\"/label-next\">← back to the queue</a></p>");
    return Html.page("Frame " + v.frame() + " of " + v.video(), "label-next", role, b.toString());
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }
}
