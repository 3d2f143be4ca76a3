package io.keyframe.dataset.coco;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Category;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Polygon;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The streaming half of the COCO-family readers: walks a COCO, COCO-VID, YouTube-VIS or SA-V file
 * with Jackson's streaming parser, top-level arrays element by element, and keeps only the fields
 * keyframe uses, raw, until the whole file is read (keys may come in any order; categories and
 * images may follow the annotations). The dialect readers ({@link CocoDialectReader}) build the
 * sets from what it kept. Bad input throws {@link BadAnnotationException} with the parser's line of
 * the offending element and the field.
 */
final class CocoJsonStream {
  final Path file;
  private final JsonParser p;
  // What the file said, kept raw until everything is read (keys may come in any order).
  Map<String, String> kfVideo;
  Map<String, String> kfProvenance;
  final List<Map<String, Object>> videos = new ArrayList<>();
  final List<Map<String, Object>> images = new ArrayList<>();
  final List<RawAnnotation> annotations = new ArrayList<>();
  final Map<Long, String> categories = new LinkedHashMap<>();
  final List<Category> categoryList = new ArrayList<>();
  // Read but not kept: said in one warning line.
  private long keypointAnnotations;
  private long ignoredAnnotations;
  final Map<String, Object> sav = new HashMap<>();
  List<List<Mask>> masklet;
  List<Long> maskletLines;
  boolean sawImages;
  boolean sawVideos;

  CocoJsonStream(Path file, JsonParser p) {
    this.file = file;
    this.p = p;
  }

  /**
   * Which dialect the file read by {@code p} is in, from its top-level keys, skipping values
   * without keeping them.
   */
  static JsonDialect dialectOfKeys(Path file, JsonParser p) throws IOException {
    CocoJsonStream r = new CocoJsonStream(file, p);
    try {
      r.expect(p.nextToken(), JsonToken.START_OBJECT, "top level");
      boolean annotations = false, videos = false, images = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        p.nextToken();
        p.skipChildren();
        switch (k) {
          case "masklet" -> {
            return JsonDialect.SAV;
          }
          case "videos" -> videos = true;
          case "images" -> images = true;
          case "annotations" -> annotations = true;
          default -> {}
        }
      }
      // COCO-VID (mmtracking) has both videos and images; YouTube-VIS has videos without images.
      if (videos) return images ? JsonDialect.COCO_VID : JsonDialect.YOUTUBE_VIS;
      if (images || annotations) return JsonDialect.COCO;
      throw r.bad(
          -1,
          "annotations",
          "no 'images', 'videos' or 'masklet' key: not COCO, COCO-VID, YouTube-VIS or SA-V");
    } catch (JsonParseException e) {
      throw r.malformed(e);
    }
  }

  /** Reads the whole file, keeping the fields keyframe uses. */
  void readAll() throws IOException {
    try {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY)
        throw bad(
            -1,
            "top level",
            "a top-level array (a results file without images and categories) is not supported");
      expect(t, JsonToken.START_OBJECT, "top level");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        JsonToken v = p.nextToken();
        switch (k) {
          case "info" -> info(v);
          case "videos" -> {
            sawVideos = true;
            objects(v, k, videos);
          }
          case "images" -> {
            sawImages = true;
            objects(v, k, images);
          }
          case "annotations" -> annotations(v);
          case "categories" -> categories(v);
          case "masklet" -> masklet(v);
          case "video_id",
              "video_frame_count",
              "video_height",
              "video_width",
              "video_duration",
              "masklet_id",
              "masklet_type",
              "masklet_stability_score" ->
              sav.put(k, value(v, k));
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null)
        throw bad(-1, "top level", "unexpected content after the top-level object");
    } catch (JsonEOFException e) {
      throw new BadAnnotationException(
          file, e.getLocation().getLineNr(), -1, "json", "the file ends early (truncated JSON)", e);
    } catch (JsonParseException e) {
      throw malformed(e);
    }
  }

  /**
   * The dialect the keys read say: SA-V with a {@code masklet}, COCO-VID with videos and images,
   * YouTube-VIS with videos only, COCO with images or annotations.
   */
  JsonDialect dialectOfContent() {
    if (masklet != null) return JsonDialect.SAV;
    if (sawVideos) return sawImages ? JsonDialect.COCO_VID : JsonDialect.YOUTUBE_VIS;
    if (sawImages || !annotations.isEmpty()) return JsonDialect.COCO;
    throw bad(
        -1,
        "annotations",
        "no 'images', 'videos' or 'masklet' key: not COCO, COCO-VID, YouTube-VIS or SA-V");
  }

  /** Says in one line what was read but not kept (keypoints, 'ignore' marks), if anything. */
  void tellNotKept(Consumer<String> warnings) {
    List<String> notKept = new ArrayList<>();
    if (keypointAnnotations > 0)
      notKept.add(
          "keypoints of " + keypointAnnotations + " annotations (keyframe reads boxes and masks)");
    if (ignoredAnnotations > 0)
      notKept.add(
          ignoredAnnotations + " 'ignore' marks (those annotations are read as ordinary ones)");
    if (!notKept.isEmpty()) warnings.accept("skipped " + String.join("; ", notKept));
  }

  // ---------------------------------------------------------------- fields

  private void info(JsonToken v) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      JsonToken t = p.nextToken();
      if (k.equals("keyframe") && t == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String kk = p.currentName();
          JsonToken tt = p.nextToken();
          if (kk.equals("video")) kfVideo = flatStrings(tt, "info.keyframe.video");
          else if (kk.equals("provenance"))
            kfProvenance = flatStrings(tt, "info.keyframe.provenance");
          else p.skipChildren();
        }
      } else p.skipChildren();
    }
  }

  private Map<String, String> flatStrings(JsonToken t, String field) throws IOException {
    expect(t, JsonToken.START_OBJECT, field);
    Map<String, String> m = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_NULL) continue;
      if (v.isStructStart()) p.skipChildren();
      else m.put(k, p.getText());
    }
    return m;
  }

  private void objects(JsonToken v, String field, List<Map<String, Object>> into)
      throws IOException {
    expect(v, JsonToken.START_ARRAY, field);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p.currentToken(), JsonToken.START_OBJECT, field + "[]");
      Map<String, Object> o = new HashMap<>();
      o.put("@line", (long) p.currentTokenLocation().getLineNr());
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        JsonToken t = p.nextToken();
        // Images, videos and categories: scalar fields matter, and YouTube-VIS's file_names.
        if (t.isStructStart() && !k.equals("file_names")) p.skipChildren();
        else o.put(k, value(t, k));
      }
      into.add(o);
    }
  }

  private void annotations(JsonToken v) throws IOException {
    expect(v, JsonToken.START_ARRAY, "annotations");
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p.currentToken(), JsonToken.START_OBJECT, "annotations[]");
      RawAnnotation a = new RawAnnotation();
      a.line = p.currentTokenLocation().getLineNr();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        JsonToken t = p.nextToken();
        switch (k) {
          case "id" -> a.id = integerOrNull(t, k);
          case "image_id" -> a.imageId = integerOrNull(t, k);
          case "video_id" -> a.videoId = integerOrNull(t, k);
          case "category_id" -> a.categoryId = integerOrNull(t, k);
          case "track_id", "instance_id" -> a.track = value(t, k);
          case "bbox" -> a.bbox = compactBox(value(t, k));
          case "segmentation" -> {
            Object seg = segmentation(t, k);
            if (seg instanceof Mask m) a.segmentation = m;
            else if (seg instanceof List<?> l && !l.isEmpty()) a.polygons = polygons(l);
          }
          case "iscrowd" -> a.crowd = value(t, k);
          case "area" -> a.area = value(t, k);
          case "areas" -> a.areas = listOf(t, k, false);
          case "occluded" -> a.occluded = value(t, k);
          case "keypoints" -> {
            p.skipChildren();
            keypointAnnotations++;
          }
          case "ignore" -> {
            Object ignore = value(t, k);
            if (Boolean.TRUE.equals(ignore) || Long.valueOf(1).equals(ignore)) ignoredAnnotations++;
          }
          case "visibility" -> a.visibility = value(t, k);
          case "segmentations" -> a.segmentations = listOf(t, k, true);
          case "bboxes" -> {
            a.bboxes = listOf(t, k, false);
            if (a.bboxes != null) a.bboxes.replaceAll(CocoJsonStream::compactBox);
          }
          case "score" -> a.score = value(t, k);
          case "keyframe_scores" -> a.frameScores = listOf(t, k, false);
          case "attributes" -> a.attributes = attributes(t);
          default -> p.skipChildren();
        }
      }
      if (a.track == null && a.attributes.get("track_id") != null)
        a.track = a.attributes.get("track_id");
      annotations.add(a);
    }
  }

  private Long integerOrNull(JsonToken t, String field) throws IOException {
    Object v = value(t, field);
    if (v == null) return null;
    if (v instanceof Long l) return l;
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return (long) (double) d;
    throw bad(p.currentTokenLocation().getLineNr(), field, "expected an integer, got " + v);
  }

  private static Object compactBox(Object raw) {
    if (raw instanceof List<?> l
        && l.size() == 4
        && l.stream().allMatch(x -> x instanceof Number)) {
      double[] b = new double[4];
      for (int i = 0; i < 4; i++) b[i] = ((Number) l.get(i)).doubleValue();
      return b;
    }
    return raw;
  }

  private void categories(JsonToken v) throws IOException {
    List<Map<String, Object>> raw = new ArrayList<>();
    objects(v, "categories", raw);
    for (Map<String, Object> c : raw) {
      long line = (Long) c.get("@line");
      long id = longField(c, "id", line, -1);
      Object name = c.get("name");
      Object superc = c.get("supercategory");
      if (name instanceof String sn && !sn.isEmpty())
        categoryList.add(new Category(id, sn, superc instanceof String ss ? ss : ""));
      if (!(name instanceof String s) || s.isEmpty())
        throw bad(line, "name", "category " + id + " has no name");
      if (categories.containsValue(s))
        throw bad(line, "name", "category name '" + s + "' appears twice");
      if (categories.put(id, s) != null)
        throw bad(line, "id", "category id " + id + " appears twice");
    }
  }

  private void masklet(JsonToken v) throws IOException {
    expect(v, JsonToken.START_ARRAY, "masklet");
    masklet = new ArrayList<>();
    maskletLines = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p.currentToken(), JsonToken.START_ARRAY, "masklet[]");
      maskletLines.add((long) p.currentTokenLocation().getLineNr());
      List<Mask> frame = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) frame.add(rle(p.currentToken(), "masklet"));
      masklet.add(frame);
    }
  }

  /** A COCO segmentation: an RLE object (a Mask), polygons (a list of number lists), or null. */
  private Object segmentation(JsonToken t, String field) throws IOException {
    if (t == JsonToken.VALUE_NULL) return null;
    if (t == JsonToken.START_ARRAY) {
      long line = p.currentTokenLocation().getLineNr();
      Object v = value(t, field);
      if (!(v instanceof List<?> l)) throw bad(line, field, "expected polygons");
      // Some writers give one flat polygon instead of a list of them.
      if (!l.isEmpty() && l.get(0) instanceof Number) return List.of(l);
      return l;
    }
    return rle(t, field);
  }

  List<Polygon> polygons(List<?> raw) {
    List<Polygon> out = new ArrayList<>();
    for (Object o : raw) {
      if (!(o instanceof List<?> pts) || !pts.stream().allMatch(x -> x instanceof Number))
        throw bad(
            p.currentTokenLocation().getLineNr(),
            "segmentation",
            "a polygon must be a list of numbers, got " + o);
      double[] xy = new double[pts.size()];
      for (int i = 0; i < xy.length; i++) xy[i] = ((Number) pts.get(i)).doubleValue();
      try {
        out.add(new Polygon(xy));
      } catch (IllegalArgumentException e) {
        throw bad(p.currentTokenLocation().getLineNr(), "segmentation", e.getMessage());
      }
    }
    return out;
  }

  private Mask rle(JsonToken t, String field) throws IOException {
    expect(t, JsonToken.START_OBJECT, field);
    long line = p.currentTokenLocation().getLineNr();
    int h = -1, w = -1;
    String compressed = null;
    int[] counts = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      JsonToken v = p.nextToken();
      if (k.equals("size")) {
        expect(v, JsonToken.START_ARRAY, field + ".size");
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT, field + ".size");
        h = p.getIntValue();
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT, field + ".size");
        w = p.getIntValue();
        expect(p.nextToken(), JsonToken.END_ARRAY, field + ".size");
      } else if (k.equals("counts")) {
        if (v == JsonToken.VALUE_STRING) compressed = p.getText();
        else {
          expect(v, JsonToken.START_ARRAY, field + ".counts");
          int[] c = new int[64];
          int n = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.VALUE_NUMBER_INT, field + ".counts");
            if (n == c.length) c = java.util.Arrays.copyOf(c, n * 2);
            c[n++] = p.getIntValue();
          }
          counts = java.util.Arrays.copyOf(c, n);
        }
      } else p.skipChildren();
    }
    if (h < 0 || w < 0) throw bad(line, field + ".size", "RLE needs size [height, width]");
    if (compressed == null && counts == null)
      throw bad(line, field + ".counts", "RLE needs counts");
    try {
      return compressed != null
          ? Mask.fromCompressedString(h, w, compressed)
          : new Mask(h, w, counts);
    } catch (IllegalArgumentException e) {
      throw bad(line, field + ".counts", "invalid RLE: " + e.getMessage());
    }
  }

  /** A per-frame list with nulls: RLE objects ({@code masks}) or [x,y,w,h] arrays. */
  private List<Object> listOf(JsonToken t, String field, boolean masks) throws IOException {
    if (t == JsonToken.VALUE_NULL) return null;
    expect(t, JsonToken.START_ARRAY, field);
    List<Object> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonToken e = p.currentToken();
      if (e == JsonToken.VALUE_NULL) out.add(null);
      else if (masks) out.add(segmentation(e, field));
      else out.add(value(e, field));
    }
    return out;
  }

  private Map<String, Object> attributes(JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Map.of();
    }
    Map<String, Object> m = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      m.put(k, value(p.nextToken(), "attributes." + k));
    }
    return m;
  }

  /** A scalar, a list or a map of scalars; masks never come through here. */
  private Object value(JsonToken t, String field) throws IOException {
    switch (t) {
      case VALUE_NULL:
        return null;
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_STRING:
        return p.getText();
      case START_ARRAY:
        {
          List<Object> l = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p.currentToken(), field));
          return l;
        }
      case START_OBJECT:
        {
          Map<String, Object> m = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            m.put(k, value(p.nextToken(), field));
          }
          return m;
        }
      default:
        throw bad(p.currentTokenLocation().getLineNr(), field, "unexpected " + t);
    }
  }

  long longField(Map<String, Object> o, String k, long line, int frame) {
    Object v = o.get(k);
    if (v instanceof Long l) return l;
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return (long) (double) d;
    if (v == null) throw bad(line, frame, k, "missing field '" + k + "'");
    throw bad(line, frame, k, "expected an integer, got " + v);
  }

  private void expect(JsonToken got, JsonToken want, String field) throws IOException {
    if (got == null) throw new JsonEOFException(p, null, "end of input in " + field);
    if (got != want)
      throw bad(p.currentTokenLocation().getLineNr(), field, "expected " + want + ", got " + got);
  }

  BadAnnotationException malformed(JsonParseException e) {
    String msg = e.getOriginalMessage();
    int nl = msg == null ? -1 : msg.indexOf('\n');
    String first = nl < 0 ? msg : msg.substring(0, nl);
    long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    if (first != null && first.contains("Invalid UTF-8"))
      return new BadAnnotationException(
          file,
          line,
          -1,
          "encoding",
          "not UTF-8 text (a binary file, or another encoding): "
              + first
              + (e.getLocation() == null
                  ? ""
                  : " at byte offset " + e.getLocation().getByteOffset()),
          e);
    return new BadAnnotationException(file, line, -1, "json", "malformed JSON: " + first, e);
  }

  BadAnnotationException bad(long line, String field, String problem) {
    return bad(line, -1, field, problem);
  }

  BadAnnotationException bad(long line, int frame, String field, String problem) {
    return new BadAnnotationException(file, line, frame, field, problem);
  }
}
