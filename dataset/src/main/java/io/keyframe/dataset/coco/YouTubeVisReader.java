package io.keyframe.dataset.coco;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrameImage;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Polygon;
import io.keyframe.dataset.PolygonMask;
import io.keyframe.dataset.SourceLayout;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * YouTube-VIS: one set per entry of {@code videos}, one annotation per track with per-frame {@code
 * segmentations} and {@code bboxes}.
 */
final class YouTubeVisReader extends CocoDialectReader {
  YouTubeVisReader(CocoJsonStream in, Consumer<String> warnings) {
    super(in, warnings);
  }

  @Override
  List<AnnotationSet> sets() {
    if (in.videos.isEmpty()) throw bad(-1, "videos", "YouTube-VIS file has an empty 'videos' list");
    List<AnnotationSet> out = new ArrayList<>();
    for (Map<String, Object> v : in.videos) out.add(youTubeVisVideo(v));
    return out;
  }

  private AnnotationSet youTubeVisVideo(Map<String, Object> v) {
    long vline = (Long) v.get("@line");
    long videoId = longField(v, "id", vline, -1);
    int length = (int) longField(v, "length", vline, -1);
    int vw = (int) longField(v, "width", vline, -1), vh = (int) longField(v, "height", vline, -1);
    Video video = video(vw, vh, length);
    if (in.kfVideo == null) video = rename(video, Long.toString(videoId));
    List<FrameImage> names = new ArrayList<>();
    if (v.get("file_names") instanceof List<?> fl) {
      for (int f = 0; f < fl.size(); f++) {
        if (!(fl.get(f) instanceof String n))
          throw bad(vline, "file_names", "file name " + f + " is not a string");
        names.add(new FrameImage(f, -1, n, video.width(), video.height()));
      }
      if (names.size() == length && isDefaultNames(names)) names = List.of();
    }
    List<Detection> out = new ArrayList<>();
    Set<Long> trackIds = new HashSet<>();
    for (RawAnnotation a : in.annotations) {
      long line = a.line;
      if (required(a.videoId, line, -1, "video_id") != videoId) continue;
      long id = required(a.id, line, -1, "id");
      if (id < 0 || id > Integer.MAX_VALUE)
        throw bad(line, "id", "track id must be a non-negative integer, got " + id);
      if (!trackIds.add(id)) throw bad(line, "id", "track id " + id + " appears twice");
      String label = label(a, line, -1);
      List<Object> segs = a.segmentations, boxes = a.bboxes;
      int n = Math.max(segs == null ? 0 : segs.size(), boxes == null ? 0 : boxes.size());
      for (int f = 0; f < n; f++) {
        Object seg = segs == null || f >= segs.size() ? null : segs.get(f);
        Object b = boxes == null || f >= boxes.size() ? null : boxes.get(f);
        List<Polygon> polys = null;
        Mask m = null;
        if (seg instanceof Mask sm) m = sm;
        else if (seg instanceof List<?> pl && !pl.isEmpty()) polys = in.polygons(pl);
        if (m == null && polys == null && b == null) continue;
        if (f >= length)
          throw bad(
              line,
              f,
              "segmentations",
              "frame " + f + " is beyond the video's " + length + " frames");
        checkMaskSize(m, video.width(), video.height(), line, f, "segmentations.size");
        if (m == null && polys != null) m = PolygonMask.of(polys, video.height(), video.width());
        Box box = b == null ? null : box(b, line, f, "bboxes");
        Object score =
            a.frameScores != null && f < a.frameScores.size() && a.frameScores.get(f) != null
                ? a.frameScores.get(f)
                : a.score;
        Detection d = detection(f, (int) id, label, box, m, score, Map.of(), line);
        Object area = a.areas != null && f < a.areas.size() ? a.areas.get(f) : null;
        out.add(d.withSource(source(null, a.crowd, polys, area, d, line, f)));
      }
    }
    SourceLayout layout =
        new SourceLayout(
            names,
            SourceLayout.unlessDefault(in.categoryList),
            videoId == 1 ? -1 : videoId,
            0,
            1,
            "");
    return new AnnotationSet(
        video, provenance(), new ArrayList<>(in.categories.values()), out, layout);
  }

  private static boolean isDefaultNames(List<FrameImage> names) {
    for (FrameImage i : names)
      if (!i.fileName().equals(CocoJsonWriter.fileName(i.frame()))) return false;
    return true;
  }
}
