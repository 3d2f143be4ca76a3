package io.keyframe.dataset.coco;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Polygon;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.SourceFields;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One COCO-family dialect read from what {@link CocoJsonStream} kept, and what the dialects share:
 * scores, flags, labels, boxes, mask sizes, the video and provenance, each checked and named in
 * errors by line, frame and field.
 */
abstract class CocoDialectReader {
  final CocoJsonStream in;
  final Consumer<String> warnings;

  CocoDialectReader(CocoJsonStream in, Consumer<String> warnings) {
    this.in = in;
    this.warnings = warnings;
  }

  /** The file's sets, one per video in the file's order. */
  abstract List<AnnotationSet> sets();

  Detection detection(
      int frame,
      int track,
      String label,
      Box box,
      Mask mask,
      Object rawScore,
      Map<String, Object> attr,
      long line) {
    double score = rawScore == null ? 1.0 : number(rawScore, line, frame, "score");
    double visibility =
        attr.get("visibility") == null
            ? -1
            : number(attr.get("visibility"), line, frame, "attributes.visibility");
    if (!(visibility == -1 || (visibility >= 0 && visibility <= 1)))
      throw bad(line, frame, "attributes.visibility", "must be in [0,1] or -1, got " + visibility);
    Map<String, Double> probs = new LinkedHashMap<>();
    if (attr.get("class_probabilities") instanceof Map<?, ?> m)
      for (var e : m.entrySet()) {
        double pr = number(e.getValue(), line, frame, "attributes.class_probabilities");
        if (!(pr >= 0 && pr <= 1))
          throw bad(
              line,
              frame,
              "attributes.class_probabilities",
              "probability of '" + e.getKey() + "' not in [0,1]: " + pr);
        probs.put(String.valueOf(e.getKey()), pr);
      }
    return Detection.builder(frame, label)
        .trackId(track)
        .box(box)
        .mask(mask)
        .score(score)
        .classProbabilities(probs)
        .visibility(visibility)
        .occluded(flag(attr, "occluded", line, frame))
        .outside(flag(attr, "outside", line, frame))
        .keyframe(flag(attr, "keyframe", line, frame))
        .build();
  }

  boolean flag(Map<String, Object> attr, String k, long line, int frame) {
    Object v = attr.get(k);
    if (v == null || Boolean.FALSE.equals(v) || Long.valueOf(0).equals(v)) return false;
    if (Boolean.TRUE.equals(v) || Long.valueOf(1).equals(v)) return true;
    throw bad(line, frame, "attributes." + k, "expected true/false, got " + v);
  }

  String label(RawAnnotation a, long line, int frame) {
    long cat = required(a.categoryId, line, frame, "category_id");
    String label = in.categories.get(cat);
    if (label == null)
      throw bad(
          line,
          frame,
          "category_id",
          "unknown category id " + cat + "; categories are " + in.categories.keySet());
    return label;
  }

  Box box(Object raw, long line, int frame, String field) {
    if (raw == null) return null;
    if (raw instanceof double[] b) {
      if (!(b[2] > 0) || !(b[3] > 0))
        throw bad(
            line, frame, field, "box width and height must be > 0, got " + b[2] + " x " + b[3]);
      if (!Double.isFinite(b[0]) || !Double.isFinite(b[1]))
        throw bad(line, frame, field, "box corner is not finite");
      return new Box(b[0], b[1], b[2], b[3]);
    }
    if (!(raw instanceof List<?> l) || l.size() != 4)
      throw bad(line, frame, field, "expected [x, y, width, height], got " + raw);
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) v[i] = number(l.get(i), line, frame, field);
    if (!(v[2] > 0) || !(v[3] > 0))
      throw bad(line, frame, field, "box width and height must be > 0, got " + v[2] + " x " + v[3]);
    return new Box(v[0], v[1], v[2], v[3]);
  }

  void checkMaskSize(Mask m, int width, int height, long line, int frame, String field) {
    if (m != null && (m.height() != height || m.width() != width))
      throw bad(
          line,
          frame,
          field,
          "mask is "
              + m.height()
              + "x"
              + m.width()
              + " (h x w) but the image is "
              + height
              + "x"
              + width);
  }

  Video video(int width, int height, int frames) {
    String id = stem();
    double fps = Video.UNKNOWN_FPS;
    String source = "";
    if (in.kfVideo != null) {
      id = in.kfVideo.getOrDefault("id", id);
      source = in.kfVideo.getOrDefault("source_path", "");
      try {
        fps =
            Double.parseDouble(in.kfVideo.getOrDefault("fps", Double.toString(Video.UNKNOWN_FPS)));
        if (width <= 0) width = Integer.parseInt(in.kfVideo.getOrDefault("width", "-1"));
        if (height <= 0) height = Integer.parseInt(in.kfVideo.getOrDefault("height", "-1"));
        int kfFrames = Integer.parseInt(in.kfVideo.getOrDefault("frame_count", "-1"));
        frames = Math.max(frames, kfFrames);
      } catch (NumberFormatException e) {
        throw bad(-1, "info.keyframe.video", "not a number: " + e.getMessage());
      }
    }
    if (width <= 0 || height <= 0)
      throw bad(-1, "width", "the frame size is unknown (no image/video width and height)");
    try {
      return new Video(id, fps, width, height, Math.max(frames, 0), source);
    } catch (IllegalArgumentException e) {
      throw bad(-1, "info.keyframe.video", e.getMessage());
    }
  }

  Provenance provenance() {
    try {
      return Provenance.fromFields(in.kfProvenance);
    } catch (IllegalArgumentException e) {
      throw bad(-1, "info.keyframe.provenance", e.getMessage());
    }
  }

  long required(Long v, long line, int frame, String field) {
    if (v == null) throw bad(line, frame, field, "missing field '" + field + "'");
    return v;
  }

  double number(Object v, long line, int frame, String field) {
    if (!(v instanceof Number n)) throw bad(line, frame, field, "expected a number, got " + v);
    double d = n.doubleValue();
    if (!Double.isFinite(d)) throw bad(line, frame, field, "not a finite number: " + d);
    return d;
  }

  String stem() {
    return Video.idFromFileName(in.file.getFileName().toString());
  }

  /**
   * The file's id, crowd flag, polygons and area, each only where it differs from what keyframe
   * derives.
   */
  SourceFields source(
      Long id, Object crowd, List<Polygon> polys, Object area, Detection d, long line, int frame) {
    boolean isCrowd = crowd != null && flagValue(crowd, line, frame, "iscrowd");
    double a = Double.NaN;
    if (area != null) {
      a = number(area, line, frame, "area");
      if (a < 0) throw bad(line, frame, "area", "area is negative: " + a);
      if (a == derivedArea(d)) a = Double.NaN;
    }
    if (id != null && id < 0) throw bad(line, frame, "id", "annotation id is negative: " + id);
    return new SourceFields(id == null ? -1 : id, isCrowd, polys == null ? List.of() : polys, a);
  }

  boolean flagValue(Object v, long line, int frame, String field) {
    if (Boolean.TRUE.equals(v) || Long.valueOf(1).equals(v)) return true;
    if (Boolean.FALSE.equals(v) || Long.valueOf(0).equals(v)) return false;
    throw bad(line, frame, field, "expected 0, 1, true or false, got " + v);
  }

  static double derivedArea(Detection d) {
    return d.mask() != null ? d.mask().area() : d.box() != null ? d.box().area() : 0;
  }

  /** Ids 1..n in keyframe's detection order are what the writer gives anyway: not kept. */
  static List<Detection> defaultIds(List<Detection> ds) {
    List<Detection> sorted = new ArrayList<>(ds);
    sorted.sort(
        java.util.Comparator.comparingInt(Detection::frame).thenComparingInt(Detection::trackId));
    for (int i = 0; i < sorted.size(); i++) if (sorted.get(i).source().id() != i + 1) return ds;
    List<Detection> out = new ArrayList<>(ds.size());
    for (Detection d : ds) out.add(d.source().id() < 0 ? d : d.withSource(d.source().withId(-1)));
    return out;
  }

  static Video rename(Video v, String id) {
    return new Video(id, v.fps(), v.width(), v.height(), v.frameCount(), v.sourcePath());
  }

  long longField(Map<String, Object> o, String k, long line, int frame) {
    return in.longField(o, k, line, frame);
  }

  BadAnnotationException bad(long line, String field, String problem) {
    return in.bad(line, field, problem);
  }

  BadAnnotationException bad(long line, int frame, String field, String problem) {
    return in.bad(line, frame, field, problem);
  }
}
