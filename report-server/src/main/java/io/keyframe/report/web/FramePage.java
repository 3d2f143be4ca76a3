package io.keyframe.report.web;

import io.keyframe.report.auth.Role;
import io.keyframe.report.chart.FrameView;
import io.keyframe.report.chart.ObjectRef;
import io.keyframe.report.html.Templates;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One frame in CVAT terms (the video/task name, the 0-based frame number CVAT's player shows, the
 * objects to inspect, each with its source) with every source's boxes drawn, and the same boxes
 * side by side in a table per source (template {@code frame.jte}).
 */
final class FramePage {
  private FramePage() {}

  static String render(FrameView v, List<ObjectRef> objects, String imageUrl, Role role) {
    String ids =
        objects.stream()
            .map(o -> "#" + o.id() + (o.source() == null ? "" : " (" + o.source() + ")"))
            .collect(Collectors.joining(", "));
    String reference =
        "video="
            + v.video()
            + "&frame="
            + v.frame()
            + "&objects="
            + objects.stream().map(ObjectRef::toString).collect(Collectors.joining(","));
    return Templates.render(
        "frame.jte",
        "v",
        v,
        "objects",
        ids.isEmpty() ? "—" : ids,
        "reference",
        reference,
        "image",
        imageUrl,
        "role",
        role);
  }
}
