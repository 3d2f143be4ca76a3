package io.keyframe.report.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.cvat.CvatVideoWriter;
import io.keyframe.report.data.DetectionIndex;
import io.keyframe.report.data.ReportData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * Exports what experts should label: the frames of the queue (every frame of every row's span) or
 * of the spot-check sample, with one source's boxes on those frames as pre-annotations, as CVAT for
 * video 1.1 (keyframe's own {@link CvatVideoWriter}, so its {@code CvatVideoReader} and CVAT read
 * it back) or as Label Studio tasks (one task per frame, boxes as predictions in percent of the
 * frame, as Label Studio's RectangleLabels expect).
 */
public final class QueueExport {
  /** Which frames to export. */
  public enum What {
    QUEUE,
    SPOT_CHECK;

    /** {@code queue} or {@code spot-check}; throws IllegalArgumentException otherwise. */
    public static What parse(String s) {
      if (s == null || s.equals("queue")) return QUEUE;
      if (s.equals("spot-check")) return SPOT_CHECK;
      throw new IllegalArgumentException("what must be queue or spot-check");
    }
  }

  private QueueExport() {}

  /** The frames to export, per video, sorted. */
  public static Map<String, TreeSet<Integer>> frames(ReportData data, What what) {
    Map<String, TreeSet<Integer>> out = new TreeMap<>();
    if (what == What.QUEUE) {
      Table q = data.table("queue");
      for (int r = 0; r < q.rowCount(); r++) {
        TreeSet<Integer> f =
            out.computeIfAbsent(q.stringColumn("video_id").get(r), k -> new TreeSet<>());
        for (int i = q.intColumn("frame_start").getInt(r);
            i <= q.intColumn("frame_end").getInt(r);
            i++) f.add(i);
      }
    } else {
      Table s = data.table("spot_check");
      for (int r = 0; r < s.rowCount(); r++)
        out.computeIfAbsent(s.stringColumn("video_id").get(r), k -> new TreeSet<>())
            .add(s.intColumn("frame").getInt(r));
    }
    return out;
  }

  /**
   * The pre-annotations of {@code source} on the exported frames of {@code video}, as one
   * annotation set (video size from the {@code videos} table).
   */
  public static AnnotationSet preAnnotations(
      ReportData data, What what, String video, String source) {
    DetectionIndex index = data.detections();
    int[] size = index.frameSize(video);
    var info = data.videos().get(video);
    TreeSet<Integer> frames = frames(data, what).getOrDefault(video, new TreeSet<>());
    int length = info != null ? info.frames() : frames.isEmpty() ? 0 : frames.last() + 1;
    Video v =
        new Video(
            video,
            info != null ? info.fps() : Video.UNKNOWN_FPS,
            Math.max(1, size[0]),
            Math.max(1, size[1]),
            length,
            "");
    List<Detection> ds = new ArrayList<>();
    TreeSet<String> labels = new TreeSet<>();
    for (int f : frames)
      for (DetectionIndex.FrameBox b : index.boxes(video, f))
        if (b.source().equals(source)) {
          ds.add(Detection.of(f, b.trackId(), b.label(), b.box()));
          labels.add(b.label());
        }
    return new AnnotationSet(
        v, Provenance.annotator(source, null, "keyframe report export"), List.copyOf(labels), ds);
  }

  /** CVAT for video 1.1 XML of {@link #preAnnotations}. */
  public static byte[] cvat(ReportData data, What what, String video, String source) {
    AnnotationSet set = preAnnotations(data, what, video, source);
    try {
      Path tmp = Files.createTempFile("keyframe-cvat", ".xml");
      try {
        CvatVideoWriter.write(tmp, set);
        return Files.readAllBytes(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Label Studio tasks JSON: one task per exported frame ({@code data.video}, {@code data.frame}),
   * with {@code source}'s boxes as one prediction whose results are RectangleLabels in percent of
   * the frame.
   */
  public static String labelStudio(ReportData data, What what, String source) {
    ObjectMapper json = new ObjectMapper();
    ArrayNode tasks = json.createArrayNode();
    frames(data, what)
        .forEach(
            (video, frames) -> {
              int[] size = data.detections().frameSize(video);
              for (int f : frames) {
                ObjectNode task = tasks.addObject();
                task.putObject("data").put("video", video).put("frame", f);
                ObjectNode prediction = task.putArray("predictions").addObject();
                prediction.put("model_version", source);
                ArrayNode result = prediction.putArray("result");
                for (DetectionIndex.FrameBox b : data.detections().boxes(video, f)) {
                  if (!b.source().equals(source)) continue;
                  ObjectNode r = result.addObject();
                  r.put("type", "rectanglelabels")
                      .put("from_name", "label")
                      .put("to_name", "image")
                      .put("original_width", size[0])
                      .put("original_height", size[1]);
                  r.putObject("value")
                      .put("x", 100 * b.box().x() / size[0])
                      .put("y", 100 * b.box().y() / size[1])
                      .put("width", 100 * b.box().w() / size[0])
                      .put("height", 100 * b.box().h() / size[1])
                      .put("rotation", 0)
                      .putArray("rectanglelabels")
                      .add(b.label());
                  r.putObject("meta").put("track_id", b.trackId());
                }
              }
            });
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(tasks);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
