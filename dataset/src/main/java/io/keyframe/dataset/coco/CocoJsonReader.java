package io.keyframe.dataset.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads COCO, YouTube-VIS and SA-V JSON with Jackson's streaming parser: top-level arrays are
 * walked element by element and only the fields keyframe uses are kept, so no tree of the whole
 * file is ever built. The dialect is recognised from the top-level keys. Bad input throws {@link
 * BadAnnotationException} with the parser's line of the offending element and the field.
 */
public final class CocoJsonReader {
  /** Frame rate assumed when the file does not say. */
  public static final double UNKNOWN_FPS = 30;

  /** SA-V annotates every 4th frame of its 24 fps videos (6 fps masklets). */
  public static final int SAV_FRAME_STEP = 4;

  /** Label given to SA-V masklets, which have no class. */
  public static final String SAV_LABEL = "object";

  private static final JsonFactory JSON = new JsonFactory();

  private final Path file;
  private final JsonParser p;
  // What the file said, kept raw until everything is read (keys may come in any order).
  private Map<String, String> kfVideo;
  private Map<String, String> kfProvenance;
  private final List<Map<String, Object>> videos = new ArrayList<>();
  private final List<Map<String, Object>> images = new ArrayList<>();
  private final List<RawAnnotation> annotations = new ArrayList<>();
  private final Map<Long, String> categories = new LinkedHashMap<>();
  private final Map<String, Object> sav = new HashMap<>();
  private List<List<Mask>> masklet;
  private List<Long> maskletLines;
  private boolean sawImages;
  private boolean sawVideos;

  private CocoJsonReader(Path file, JsonParser p) {
    this.file = file;
    this.p = p;
  }

  /** Reads the file in whichever dialect it is. */
  public static AnnotationSet read(Path file) throws IOException {
    try (JsonParser p = JSON.createParser(file.toFile())) {
      return new CocoJsonReader(file, p).run();
    }
  }

  /** Which dialect the file is in, from its top-level keys, skipping values without keeping them. */
  public static JsonDialect dialect(Path file) throws IOException {
    try (JsonParser p = JSON.createParser(file.toFile())) {
      CocoJsonReader r = new CocoJsonReader(file, p);
      try {
        r.expect(p.nextToken(), JsonToken.START_OBJECT, "top level");
        boolean annotations = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          p.nextToken();
          p.skipChildren();
          switch (k) {
            case "masklet" -> { return JsonDialect.SAV; }
            case "videos" -> { return JsonDialect.YOUTUBE_VIS; }
            case "images" -> { return JsonDialect.COCO; }
            case "annotations" -> annotations = true;
            default -> {}
          }
        }
        if (annotations) return JsonDialect.COCO;
        throw r.bad(-1, "annotations", "no 'images', 'videos' or 'masklet' key: not COCO, YouTube-VIS or SA-V");
      } catch (JsonParseException e) {
        throw r.malformed(e);
      }
    }
  }

  private AnnotationSet run() throws IOException {
    try {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY)
        throw bad(-1, "top level", "a top-level array (a results file without images and categories) is not supported");
      expect(t, JsonToken.START_OBJECT, "top level");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        JsonToken v = p.nextToken();
        switch (k) {
          case "info" -> info(v);
          case "videos" -> { sawVideos = true; objects(v, k, videos); }
          case "images" -> { sawImages = true; objects(v, k, images); }
          case "annotations" -> annotations(v);
          case "categories" -> categories(v);
          case "masklet" -> masklet(v);
          case "video_id", "video_frame_count", "video_height", "video_width", "video_duration",
              "masklet_id", "masklet_type", "masklet_stability_score" -> sav.put(k, value(v, k));
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null)
        throw bad(-1, "top level", "unexpected content after the top-level object");
    } catch (JsonEOFException e) {
      throw new BadAnnotationException(file, e.getLocation().getLineNr(), -1, "json",
          "the file ends early (truncated JSON)", e);
    } catch (JsonParseException e) {
      throw malformed(e);
    }
    if (masklet != null) return sav();
    if (sawVideos) return youTubeVis();
    if (sawImages || !annotations.isEmpty()) return coco();
    throw bad(-1, "annotations", "no 'images', 'videos' or 'masklet' key: not COCO, YouTube-VIS or SA-V");
  }

  // ---------------------------------------------------------------- parsing

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
          else if (kk.equals("provenance")) kfProvenance = flatStrings(tt, "info.keyframe.provenance");
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

  private void objects(JsonToken v, String field, List<Map<String, Object>> into) throws IOException {
    expect(v, JsonToken.START_ARRAY, field);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p.currentToken(), JsonToken.START_OBJECT, field + "[]");
      Map<String, Object> o = new HashMap<>();
      o.put("@line", (long) p.currentTokenLocation().getLineNr());
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        JsonToken t = p.nextToken();
        // Images, videos and categories: only scalar fields matter (file_names and the like are skipped).
        if (t.isStructStart()) p.skipChildren();
        else o.put(k, value(t, k));
      }
      into.add(o);
    }
  }

  /**
   * One annotation as parsed, in primitive fields rather than a map: a long video has tens of
   * thousands of them, all held until categories and images (which may come later) are known.
   */
  private static final class RawAnnotation {
    long line;
    Long id, imageId, videoId, categoryId;
    Object track; // track_id / instance_id as given, checked later
    Object bbox; // double[4] when well-formed, else the raw value for the error message
    Mask segmentation;
    List<Object> segmentations;
    List<Object> bboxes;
    List<Object> frameScores;
    Object score;
    Map<String, Object> attributes = Map.of();
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
          case "segmentation" -> a.segmentation = segmentation(t, k);
          case "segmentations" -> a.segmentations = listOf(t, k, true);
          case "bboxes" -> {
            a.bboxes = listOf(t, k, false);
            if (a.bboxes != null) a.bboxes.replaceAll(CocoJsonReader::compactBox);
          }
          case "score" -> a.score = value(t, k);
          case "keyframe_scores" -> a.frameScores = listOf(t, k, false);
          case "attributes" -> a.attributes = attributes(t);
          default -> p.skipChildren();
        }
      }
      if (a.track == null && a.attributes.get("track_id") != null) a.track = a.attributes.get("track_id");
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
    if (raw instanceof List<?> l && l.size() == 4 && l.stream().allMatch(x -> x instanceof Number)) {
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
      if (!(name instanceof String s) || s.isEmpty()) throw bad(line, "name", "category " + id + " has no name");
      if (categories.containsValue(s)) throw bad(line, "name", "category name '" + s + "' appears twice");
      if (categories.put(id, s) != null) throw bad(line, "id", "category id " + id + " appears twice");
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

  /** A COCO segmentation: an RLE object, or polygons (skipped: null) which keyframe does not rasterise. */
  private Mask segmentation(JsonToken t, String field) throws IOException {
    if (t == JsonToken.VALUE_NULL) return null;
    if (t == JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    return rle(t, field);
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
    if (compressed == null && counts == null) throw bad(line, field + ".counts", "RLE needs counts");
    try {
      return compressed != null ? Mask.fromCompressedString(h, w, compressed) : new Mask(h, w, counts);
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
      case VALUE_NULL: return null;
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NUMBER_INT: return p.getLongValue();
      case VALUE_NUMBER_FLOAT: return p.getDoubleValue();
      case VALUE_STRING: return p.getText();
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p.currentToken(), field));
        return l;
      }
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          m.put(k, value(p.nextToken(), field));
        }
        return m;
      }
      default: throw bad(p.currentTokenLocation().getLineNr(), field, "unexpected " + t);
    }
  }

  // ---------------------------------------------------------------- dialects

  private AnnotationSet coco() {
    Map<Long, Integer> frameOf = new HashMap<>();
    boolean hasFrameIds = !images.isEmpty() && images.stream().allMatch(i -> i.get("frame_id") instanceof Long);
    TreeMap<Long, Map<String, Object>> byId = new TreeMap<>();
    for (Map<String, Object> img : images) {
      long line = (Long) img.get("@line");
      long id = longField(img, "id", line, -1);
      if (byId.put(id, img) != null) throw bad(line, "id", "image id " + id + " appears twice");
    }
    int rank = 0;
    int maxFrame = -1;
    for (var e : byId.entrySet()) {
      int f = hasFrameIds ? (int) longField(e.getValue(), "frame_id", (Long) e.getValue().get("@line"), -1) : rank;
      if (f < 0) throw bad((Long) e.getValue().get("@line"), "frame_id", "negative frame id " + f);
      frameOf.put(e.getKey(), f);
      maxFrame = Math.max(maxFrame, f);
      rank++;
    }
    int w = -1, h = -1;
    if (!byId.isEmpty()) {
      Map<String, Object> first = byId.firstEntry().getValue();
      long line = (Long) first.get("@line");
      w = (int) longField(first, "width", line, -1);
      h = (int) longField(first, "height", line, -1);
    }
    Video video = video(w, h, byId.size() == 0 ? -1 : Math.max(byId.size(), maxFrame + 1));
    List<Detection> out = new ArrayList<>(annotations.size());
    Set<Long> seen = new HashSet<>();
    for (RawAnnotation a : annotations) {
      long line = a.line;
      long imageId = required(a.imageId, line, -1, "image_id");
      Integer frame = frameOf.get(imageId);
      if (frame == null) throw bad(line, "image_id", "unknown image id " + imageId);
      String label = label(a, line, frame);
      int track = Detection.UNTRACKED;
      if (a.track != null) {
        if (!(a.track instanceof Long l) || l < 0 || l > Integer.MAX_VALUE)
          throw bad(line, frame, "track_id", "track id must be a non-negative integer, got " + a.track);
        track = (int) (long) l;
        if (!seen.add(((long) frame << 32) | track))
          throw bad(line, frame, "track_id", "track " + track + " appears twice in frame " + frame);
      }
      Mask mask = a.segmentation;
      checkMaskSize(mask, video, line, frame, "segmentation.size");
      Box box = Boolean.TRUE.equals(a.attributes.get("box_from_mask")) && mask != null ? null : box(a.bbox, line, frame, "bbox");
      if (box == null && mask == null)
        throw bad(line, frame, "bbox", "annotation has neither a bbox nor an RLE segmentation");
      out.add(detection(frame, track, label, box, mask, a.score, a.attributes, line));
    }
    return new AnnotationSet(video, provenance(), new ArrayList<>(categories.values()), out);
  }

  private AnnotationSet youTubeVis() {
    if (videos.isEmpty()) throw bad(-1, "videos", "YouTube-VIS file has an empty 'videos' list");
    Map<String, Object> v = videos.get(0);
    long vline = (Long) v.get("@line");
    long videoId = longField(v, "id", vline, -1);
    int length = (int) longField(v, "length", vline, -1);
    Video video = video((int) longField(v, "width", vline, -1), (int) longField(v, "height", vline, -1), length);
    if (kfVideo == null) video = new Video(Long.toString(videoId), video.fps(), video.width(), video.height(), video.frameCount(), "");
    List<Detection> out = new ArrayList<>();
    Set<Long> trackIds = new HashSet<>();
    for (RawAnnotation a : annotations) {
      long line = a.line;
      if (required(a.videoId, line, -1, "video_id") != videoId) continue;
      long id = required(a.id, line, -1, "id");
      if (id < 0 || id > Integer.MAX_VALUE) throw bad(line, "id", "track id must be a non-negative integer, got " + id);
      if (!trackIds.add(id)) throw bad(line, "id", "track id " + id + " appears twice");
      String label = label(a, line, -1);
      List<Object> segs = a.segmentations, boxes = a.bboxes;
      int n = Math.max(segs == null ? 0 : segs.size(), boxes == null ? 0 : boxes.size());
      for (int f = 0; f < n; f++) {
        Mask m = segs == null || f >= segs.size() ? null : (Mask) segs.get(f);
        Object b = boxes == null || f >= boxes.size() ? null : boxes.get(f);
        if (m == null && b == null) continue;
        if (f >= length)
          throw bad(line, f, "segmentations", "frame " + f + " is beyond the video's " + length + " frames");
        checkMaskSize(m, video, line, f, "segmentations.size");
        Box box = b == null ? null : box(b, line, f, "bboxes");
        Object score = a.frameScores != null && f < a.frameScores.size() && a.frameScores.get(f) != null
            ? a.frameScores.get(f) : a.score;
        out.add(detection(f, (int) id, label, box, m, score, Map.of(), line));
      }
    }
    return new AnnotationSet(video, provenance(), new ArrayList<>(categories.values()), out);
  }

  private AnnotationSet sav() {
    long h = longField(sav, "video_height", -1, -1), w = longField(sav, "video_width", -1, -1);
    long frames = longField(sav, "video_frame_count", -1, -1);
    Object duration = sav.get("video_duration");
    double fps = duration instanceof Number d && d.doubleValue() > 0 ? frames / d.doubleValue() : UNKNOWN_FPS;
    Object id = sav.get("video_id");
    Video video;
    try {
      video = new Video(id == null ? stem() : id.toString(), fps, (int) w, (int) h, (int) frames, "");
    } catch (IllegalArgumentException e) {
      throw bad(-1, "video_width", e.getMessage());
    }
    List<?> ids = sav.get("masklet_id") instanceof List<?> l ? l : null;
    List<?> stability = sav.get("masklet_stability_score") instanceof List<?> l ? l : null;
    List<Detection> out = new ArrayList<>();
    for (int i = 0; i < masklet.size(); i++) {
      long line = maskletLines.get(i);
      int frame = i * SAV_FRAME_STEP;
      List<Mask> row = masklet.get(i);
      if (frame >= frames && row.stream().anyMatch(m -> m.area() > 0))
        throw bad(line, frame, "masklet", "annotated frame " + frame + " is beyond the video's " + frames + " frames");
      for (int k = 0; k < row.size(); k++) {
        Mask m = row.get(k);
        checkMaskSize(m, video, line, frame, "masklet.size");
        // SA-V writes an empty mask where the object is not visible; keyframe has no detection there.
        if (m.area() == 0) continue;
        int track = k;
        if (ids != null) {
          if (k >= ids.size() || !(ids.get(k) instanceof Long l))
            throw bad(line, frame, "masklet_id", "no masklet id for object " + k);
          track = (int) (long) l;
        }
        double score = 1.0;
        if (stability != null && i < stability.size() && stability.get(i) instanceof List<?> s
            && k < s.size() && s.get(k) instanceof Number n)
          score = n.doubleValue();
        out.add(new Detection(frame, track, SAV_LABEL, null, m, score, Map.of(), -1, false, false, false));
      }
    }
    Provenance prov = kfProvenance != null ? provenance() : savProvenance();
    return new AnnotationSet(video, prov, List.of(SAV_LABEL), out);
  }

  /** SA-V says whether masklets are "manual" or "auto"; it names no model file, so no MODEL kind. */
  private Provenance savProvenance() {
    Object type = sav.get("masklet_type");
    String kind = type instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : "unknown";
    return new Provenance(Provenance.Kind.ANNOTATOR, "sa-v " + kind, "", null, "sa-v");
  }

  // ---------------------------------------------------------------- shared

  private Detection detection(int frame, int track, String label, Box box, Mask mask,
      Object rawScore, Map<String, Object> attr, long line) {
    double score = rawScore == null ? 1.0 : number(rawScore, line, frame, "score");
    double visibility = attr.get("visibility") == null ? -1 : number(attr.get("visibility"), line, frame, "attributes.visibility");
    if (!(visibility == -1 || (visibility >= 0 && visibility <= 1)))
      throw bad(line, frame, "attributes.visibility", "must be in [0,1] or -1, got " + visibility);
    Map<String, Double> probs = new LinkedHashMap<>();
    if (attr.get("class_probabilities") instanceof Map<?, ?> m)
      for (var e : m.entrySet()) {
        double pr = number(e.getValue(), line, frame, "attributes.class_probabilities");
        if (!(pr >= 0 && pr <= 1))
          throw bad(line, frame, "attributes.class_probabilities", "probability of '" + e.getKey() + "' not in [0,1]: " + pr);
        probs.put(String.valueOf(e.getKey()), pr);
      }
    return new Detection(frame, track, label, box, mask, score, probs, visibility,
        flag(attr, "occluded", line, frame), flag(attr, "outside", line, frame), flag(attr, "keyframe", line, frame));
  }

  private boolean flag(Map<String, Object> attr, String k, long line, int frame) {
    Object v = attr.get(k);
    if (v == null || Boolean.FALSE.equals(v) || Long.valueOf(0).equals(v)) return false;
    if (Boolean.TRUE.equals(v) || Long.valueOf(1).equals(v)) return true;
    throw bad(line, frame, "attributes." + k, "expected true/false, got " + v);
  }

  private String label(RawAnnotation a, long line, int frame) {
    long cat = required(a.categoryId, line, frame, "category_id");
    String label = categories.get(cat);
    if (label == null) throw bad(line, frame, "category_id", "unknown category id " + cat + "; categories are " + categories.keySet());
    return label;
  }

  private Box box(Object raw, long line, int frame, String field) {
    if (raw == null) return null;
    if (raw instanceof double[] b) {
      if (!(b[2] > 0) || !(b[3] > 0))
        throw bad(line, frame, field, "box width and height must be > 0, got " + b[2] + " x " + b[3]);
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

  private void checkMaskSize(Mask m, Video v, long line, int frame, String field) {
    if (m != null && (m.height() != v.height() || m.width() != v.width()))
      throw bad(line, frame, field, "mask is " + m.height() + "x" + m.width() + " (h x w) but the frame is "
          + v.height() + "x" + v.width());
  }

  private Video video(int width, int height, int frames) {
    String id = stem();
    double fps = UNKNOWN_FPS;
    String source = "";
    if (kfVideo != null) {
      id = kfVideo.getOrDefault("id", id);
      source = kfVideo.getOrDefault("source_path", "");
      try {
        fps = Double.parseDouble(kfVideo.getOrDefault("fps", Double.toString(UNKNOWN_FPS)));
        if (width <= 0) width = Integer.parseInt(kfVideo.getOrDefault("width", "-1"));
        if (height <= 0) height = Integer.parseInt(kfVideo.getOrDefault("height", "-1"));
        int kfFrames = Integer.parseInt(kfVideo.getOrDefault("frame_count", "-1"));
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

  private Provenance provenance() {
    try {
      return Provenance.fromFields(kfProvenance);
    } catch (IllegalArgumentException e) {
      throw bad(-1, "info.keyframe.provenance", e.getMessage());
    }
  }


  private long required(Long v, long line, int frame, String field) {
    if (v == null) throw bad(line, frame, field, "missing field '" + field + "'");
    return v;
  }

  private long longField(Map<String, Object> o, String k, long line, int frame) {
    Object v = o.get(k);
    if (v instanceof Long l) return l;
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return (long) (double) d;
    if (v == null) throw bad(line, frame, k, "missing field '" + k + "'");
    throw bad(line, frame, k, "expected an integer, got " + v);
  }

  private double number(Object v, long line, int frame, String field) {
    if (!(v instanceof Number n)) throw bad(line, frame, field, "expected a number, got " + v);
    double d = n.doubleValue();
    if (!Double.isFinite(d)) throw bad(line, frame, field, "not a finite number: " + d);
    return d;
  }

  private String stem() {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private void expect(JsonToken got, JsonToken want, String field) throws IOException {
    if (got == null) throw new JsonEOFException(p, null, "end of input in " + field);
    if (got != want) throw bad(p.currentTokenLocation().getLineNr(), field, "expected " + want + ", got " + got);
  }

  private BadAnnotationException malformed(JsonParseException e) {
    String msg = e.getOriginalMessage();
    int nl = msg == null ? -1 : msg.indexOf('\n');
    return new BadAnnotationException(file, e.getLocation() == null ? -1 : e.getLocation().getLineNr(), -1,
        "json", "malformed JSON: " + (nl < 0 ? msg : msg.substring(0, nl)), e);
  }

  private BadAnnotationException bad(long line, String field, String problem) {
    return bad(line, -1, field, problem);
  }

  private BadAnnotationException bad(long line, int frame, String field, String problem) {
    return new BadAnnotationException(file, line, frame, field, problem);
  }
}
