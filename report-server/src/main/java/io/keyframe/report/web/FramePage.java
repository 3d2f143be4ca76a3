package io.keyframe.report.web;

import static io.keyframe.report.html.Html.esc;

import io.keyframe.report.auth.Role;
import io.keyframe.report.html.Html;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One frame in CVAT terms: the video (task) name, the 0-based frame number CVAT's player shows, and
 * the object (track) IDs to inspect, with the boxes drawn large.
 */
final class FramePage {
  private FramePage() {}

  static String render(String video, int frame, List<Integer> objects, String imageUrl, Role role) {
    String ids = objects.stream().map(i -> "#" + i).collect(Collectors.joining(", "));
    String body = """
        <div class="cards">
        <div class="card"><div class="k">CVAT task / video</div><div class="v" id="cvat-video">%s</div></div>
        <div class="card"><div class="k">frame (0-based, as in CVAT)</div><div class="v" id="cvat-frame">%d</div></div>
        <div class="card"><div class="k">objects (track IDs)</div><div class="v" id="cvat-objects">%s</div></div>
        </div>
        <p class="muted">In CVAT: open the task for this video, type the frame number into the player's frame box and
        select the listed tracks in the objects sidebar. Reference: <code id="cvat-ref">%s</code></p>
        <div class="chart"><img alt="frame %d" src="%s"></div>
        <p><a href="/label-next">← back to the queue</a></p>
        """.formatted(esc(video), frame, esc(ids.isEmpty() ? "—" : ids),
            esc("video=" + video + "&frame=" + frame + "&objects="
                + objects.stream().map(String::valueOf).collect(Collectors.joining(","))),
            frame, esc(imageUrl));
    return Html.page("Frame " + frame + " of " + video, "label-next", role, body);
  }
}
