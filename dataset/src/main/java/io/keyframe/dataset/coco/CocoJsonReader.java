package io.keyframe.dataset.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Category;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrameImage;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Polygon;
import io.keyframe.dataset.PolygonMask;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.SourceFields;
import io.keyframe.dataset.SourceLayout;
import io.keyframe.dataset.Utf8Input;
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
import java.util.function.Consumer;

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
  private final List<Category> categoryList = new ArrayList<>();
  private final Consumer<String> warnings;
  private JsonDialect forced;
  // Read but not kept: said in one warning line.
  private long keypointAnnotations;
  private long ignoredAnnotations;
  private final Map<String, Object> sav = new HashMap<>();
  private List<List<Mask>> masklet;
  private List<Long> maskletLines;
  private boolean sawImages;
  private boolean sawVideos;

  private CocoJsonReader(Path file, JsonParser p, Consumer<String> warnings) {
    this.file = file;
    this.p = p;
    this.warnings = warnings == null ? w -> {} : warnings;
  }

  /** Reads the file in whichever dialect it is (the first video of a multi-video file). */
  public static AnnotationSet read(Path file) throws IOException {
    return read(file, null, null);
  }

  /**
   * Reads the file in {@code dialect} (null: from its keys). A file with several videos (COCO-VID,
   * YouTube-VIS) gives its first, with a warning naming how many there are; {@link #readAll} gives
   * each.
   */
  public static AnnotationSet read(Path file, JsonDialect dialect, Consumer<String> warnings)
      throws IOException {
    List<AnnotationSet> all = readAll(file, dialect, warnings);
    if (all.size() > 1 && warnings != null)
      warnings.accept(
          "the file holds "
              + all.size()
              + " videos; read the first ("
              + all.get(0).video().id()
              + "); keyframe reads one video per set (AnnotationFiles.readAll reads each)");
    return all.get(0);
  }

  /** Every video of the file, in the file's video order (one set for COCO and SA-V). */
  public static List<AnnotationSet> readAll(
      Path file, JsonDialect dialect, Consumer<String> warnings) throws IOException {
    try (JsonParser p = JSON.createParser(Utf8Input.open(file))) {
      CocoJsonReader r = new CocoJsonReader(file, p, warnings);
      r.forced = dialect;
      return r.run();
    } catch (java.io.CharConversionException e) {
      throw Utf8Input.notText(file, e);
    }
  }

  /**
   * Which dialect the file is in, from its top-level keys, skipping values without keeping them.
   */
  public static JsonDialect dialect(Path file) throws IOException {
    try (JsonParser p = JSON.createParser(Utf8Input.open(file))) {
      CocoJsonReader r = new CocoJsonReader(file, p, null);
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
    } catch (java.io.CharConversionException e) {
      throw Utf8Input.notText(file, e);
    }
  }

  private List<AnnotationSet> run() throws IOException {
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
    JsonDialect d = forced;
    if (d == null) {
      if (masklet != null) d = JsonDialect.SAV;
      else if (sawVideos) d = sawImages ? JsonDialect.COCO_VID : JsonDialect.YOUTUBE_VIS;
      else if (sawImages || !annotations.isEmpty()) d = JsonDialect.COCO;
      else
        throw bad(
            -1,
            "annotations",
            "no 'images', 'videos' or 'masklet' key: not COCO, COCO-VID, YouTube-VIS or SA-V");
    }
    List<AnnotationSet> sets = sets(d);
    List<String> notKept = new ArrayList<>();
    if (keypointAnnotations > 0)
      notKept.add(
          "keypoints of " + keypointAnnotations + " annotations (keyframe reads boxes and masks)");
    if (ignoredAnnotations > 0)
      notKept.add(
          ignoredAnnotations + " 'ignore' marks (those annotations are read as ordinary ones)");
    if (!notKept.isEmpty()) warnings.accept("skipped " + String.join("; ", notKept));
    return sets;
  }

  private List<AnnotationSet> sets(JsonDialect d) {
    return switch (d) {
      case SAV -> {
        if (masklet == null)
          throw bad(-1, "masklet", "read as SA-V but the file has no 'masklet' key");
        yield List.of(sav());
      }
      case YOUTUBE_VIS -> youTubeVis();
      case COCO_VID -> {
        if (!sawVideos)
          throw bad(-1, "videos", "read as COCO-VID but the file has no 'videos' key");
        yield cocoVid();
      }
      case COCO -> {
        if (!sawImages && annotations.isEmpty())
          throw bad(-1, "images", "read as COCO but the file has no 'images' or 'annotations' key");
        yield List.of(coco());
      }
    };
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

  /**
   * One annotation as parsed, in primitive fields rather than a map: a long video has tens of
   * thousands of them, all held until categories and images (which may come later) are known.
   */
  private static final class RawAnnotation {
    long line;
    Long id, imageId, videoId, categoryId;
    Object track; // track_id / instance_id as given, checked later
    List<Polygon> polygons; // COCO polygon segmentation, rasterised once the image size is known
    Object crowd, area, occluded, visibility;
    List<Object> areas;
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
            if (a.bboxes != null) a.bboxes.replaceAll(CocoJsonReader::compactBox);
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

  private List<Polygon> polygons(List<?> raw) {
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

  // ---------------------------------------------------------------- dialects

  private AnnotationSet coco() {
    return imageSet(images, annotations, null, -1);
  }

  /**
   * COCO-VID (mmtracking, mmdetection video): one set per entry of {@code videos}, frames by {@code
   * frame_id}.
   */
  private List<AnnotationSet> cocoVid() {
    if (videos.isEmpty()) throw bad(-1, "videos", "COCO-VID file has an empty 'videos' list");
    Map<Long, List<Map<String, Object>>> imagesOf = new LinkedHashMap<>();
    Map<Long, Map<String, Object>> videoById = new LinkedHashMap<>();
    for (Map<String, Object> v : videos) {
      long line = (Long) v.get("@line");
      long id = longField(v, "id", line, -1);
      if (videoById.put(id, v) != null) throw bad(line, "id", "video id " + id + " appears twice");
      imagesOf.put(id, new ArrayList<>());
    }
    Map<Long, Long> videoOfImage = new HashMap<>();
    for (Map<String, Object> img : images) {
      long line = (Long) img.get("@line");
      long vid = longField(img, "video_id", line, -1);
      List<Map<String, Object>> list = imagesOf.get(vid);
      if (list == null)
        throw bad(
            line, "video_id", "unknown video id " + vid + "; videos are " + videoById.keySet());
      list.add(img);
      videoOfImage.put(longField(img, "id", line, -1), vid);
    }
    Map<Long, List<RawAnnotation>> annsOf = new HashMap<>();
    for (RawAnnotation a : annotations) {
      long imageId = required(a.imageId, a.line, -1, "image_id");
      Long vid = videoOfImage.get(imageId);
      if (vid == null) throw bad(a.line, "image_id", "unknown image id " + imageId);
      annsOf.computeIfAbsent(vid, k -> new ArrayList<>()).add(a);
    }
    List<AnnotationSet> out = new ArrayList<>();
    for (var e : videoById.entrySet()) {
      Object name = e.getValue().get("name");
      String videoName =
          name instanceof String sname && !sname.isBlank() ? sname : Long.toString(e.getKey());
      out.add(
          imageSet(
              imagesOf.get(e.getKey()),
              annsOf.getOrDefault(e.getKey(), List.of()),
              videoName,
              e.getKey()));
    }
    return out;
  }

  /**
   * One set from images and their annotations. Frames are {@code frame_id} when every image has
   * one, else the rank of the image id. Each image keeps its id, file name and size; masks and
   * polygons are checked against and rasterised on their own image's size.
   */
  private AnnotationSet imageSet(
      List<Map<String, Object>> imgs, List<RawAnnotation> anns, String videoName, long videoId) {
    boolean hasFrameIds =
        !imgs.isEmpty() && imgs.stream().allMatch(i -> i.get("frame_id") instanceof Long);
    TreeMap<Long, Map<String, Object>> byId = new TreeMap<>();
    for (Map<String, Object> img : imgs) {
      long line = (Long) img.get("@line");
      long id = longField(img, "id", line, -1);
      if (byId.put(id, img) != null) throw bad(line, "id", "image id " + id + " appears twice");
    }
    Map<Long, FrameImage> imageOf = new HashMap<>();
    TreeMap<Integer, FrameImage> frames = new TreeMap<>();
    int rank = 0;
    for (var e : byId.entrySet()) {
      long line = (Long) e.getValue().get("@line");
      int f = hasFrameIds ? (int) longField(e.getValue(), "frame_id", line, -1) : rank;
      if (f < 0) throw bad(line, "frame_id", "negative frame id " + f);
      int w = (int) longField(e.getValue(), "width", line, f),
          h = (int) longField(e.getValue(), "height", line, f);
      if (w <= 0 || h <= 0)
        throw bad(line, f, "width", "image size must be positive, got " + w + "x" + h);
      Object name = e.getValue().get("file_name");
      FrameImage fi = new FrameImage(f, e.getKey(), name instanceof String sn ? sn : "", w, h);
      if (frames.put(f, fi) != null) throw bad(line, f, "frame_id", "two images have frame " + f);
      imageOf.put(e.getKey(), fi);
      rank++;
    }
    int w = -1, h = -1;
    if (!frames.isEmpty()) {
      w = frames.firstEntry().getValue().width();
      h = frames.firstEntry().getValue().height();
    }
    int maxFrame = frames.isEmpty() ? -1 : frames.lastKey();
    Video video = video(w, h, frames.isEmpty() ? -1 : Math.max(frames.size(), maxFrame + 1));
    if (videoName != null && kfVideo == null) video = rename(video, videoName);
    List<Detection> out = new ArrayList<>(anns.size());
    Set<Long> seen = new HashSet<>();
    for (RawAnnotation a : anns) {
      long line = a.line;
      long imageId = required(a.imageId, line, -1, "image_id");
      FrameImage img = imageOf.get(imageId);
      if (img == null) throw bad(line, "image_id", "unknown image id " + imageId);
      int frame = img.frame();
      String label = label(a, line, frame);
      int track = Detection.UNTRACKED;
      if (a.track != null) {
        if (!(a.track instanceof Long l) || l < 0 || l > Integer.MAX_VALUE)
          throw bad(
              line, frame, "track_id", "track id must be a non-negative integer, got " + a.track);
        track = (int) (long) l;
        if (!seen.add(((long) frame << 32) | track))
          throw bad(line, frame, "track_id", "track " + track + " appears twice in frame " + frame);
      }
      Mask mask = a.segmentation;
      checkMaskSize(mask, img.width(), img.height(), line, frame, "segmentation.size");
      if (mask == null && a.polygons != null)
        mask = PolygonMask.of(a.polygons, img.height(), img.width());
      Box box =
          Boolean.TRUE.equals(a.attributes.get("box_from_mask")) && mask != null
              ? null
              : box(a.bbox, line, frame, "bbox");
      if (box == null && mask == null)
        throw bad(line, frame, "bbox", "annotation has neither a bbox nor a segmentation");
      Map<String, Object> attr = a.attributes;
      if ((a.occluded != null && !attr.containsKey("occluded"))
          || (a.visibility != null && !attr.containsKey("visibility"))) {
        attr = new HashMap<>(attr);
        if (a.occluded != null) attr.putIfAbsent("occluded", a.occluded);
        if (a.visibility != null) attr.putIfAbsent("visibility", a.visibility);
      }
      Detection d = detection(frame, track, label, box, mask, a.score, attr, line);
      out.add(d.withSource(source(a.id, a.crowd, a.polygons, a.area, d, line, frame)));
    }
    out = defaultIds(out);
    List<FrameImage> images = new ArrayList<>(frames.values());
    if (isDefaultImages(images, video)) images = List.of();
    SourceLayout layout =
        new SourceLayout(images, SourceLayout.unlessDefault(categoryList), videoId, 0, 1, "");
    sizesNote(layout, video);
    return new AnnotationSet(
        video, provenance(), new ArrayList<>(categories.values()), out, layout);
  }

  /**
   * Images of several sizes are normal (COCO val2017); said once, since the video shows only the
   * first's.
   */
  private void sizesNote(SourceLayout layout, Video video) {
    if (layout.uniformSize()) return;
    long n = layout.images().stream().map(i -> i.width() + "x" + i.height()).distinct().count();
    warnings.accept(
        "images differ in size ("
            + n
            + " sizes); each mask is kept at its own image's size, the video size "
            + video.width()
            + "x"
            + video.height()
            + " is the first image's");
  }

  /**
   * What keyframe's COCO writer would have written on its own: ids frame + 1, frame_%06d.jpg, the
   * video's size.
   */
  private static boolean isDefaultImages(List<FrameImage> images, Video video) {
    if (images.size() != video.frameCount()) return false;
    for (int f = 0; f < images.size(); f++) {
      FrameImage i = images.get(f);
      if (i.frame() != f
          || i.id() != f + 1
          || !i.fileName().equals(CocoJsonWriter.fileName(f))
          || i.width() != video.width()
          || i.height() != video.height()) return false;
    }
    return true;
  }

  private static Video rename(Video v, String id) {
    return new Video(id, v.fps(), v.width(), v.height(), v.frameCount(), v.sourcePath());
  }

  /**
   * The file's id, crowd flag, polygons and area, each only where it differs from what keyframe
   * derives.
   */
  private SourceFields source(
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

  static double derivedArea(Detection d) {
    return d.mask() != null ? d.mask().area() : d.box() != null ? d.box().area() : 0;
  }

  /** Ids 1..n in keyframe's detection order are what the writer gives anyway: not kept. */
  private static List<Detection> defaultIds(List<Detection> ds) {
    List<Detection> sorted = new ArrayList<>(ds);
    sorted.sort(
        java.util.Comparator.comparingInt(Detection::frame).thenComparingInt(Detection::trackId));
    for (int i = 0; i < sorted.size(); i++) if (sorted.get(i).source().id() != i + 1) return ds;
    List<Detection> out = new ArrayList<>(ds.size());
    for (Detection d : ds) out.add(d.source().id() < 0 ? d : d.withSource(d.source().withId(-1)));
    return out;
  }

  private boolean flagValue(Object v, long line, int frame, String field) {
    if (Boolean.TRUE.equals(v) || Long.valueOf(1).equals(v)) return true;
    if (Boolean.FALSE.equals(v) || Long.valueOf(0).equals(v)) return false;
    throw bad(line, frame, field, "expected 0, 1, true or false, got " + v);
  }

  private List<AnnotationSet> youTubeVis() {
    if (videos.isEmpty()) throw bad(-1, "videos", "YouTube-VIS file has an empty 'videos' list");
    List<AnnotationSet> out = new ArrayList<>();
    for (Map<String, Object> v : videos) out.add(youTubeVisVideo(v));
    return out;
  }

  private AnnotationSet youTubeVisVideo(Map<String, Object> v) {
    long vline = (Long) v.get("@line");
    long videoId = longField(v, "id", vline, -1);
    int length = (int) longField(v, "length", vline, -1);
    int vw = (int) longField(v, "width", vline, -1), vh = (int) longField(v, "height", vline, -1);
    Video video = video(vw, vh, length);
    if (kfVideo == null) video = rename(video, Long.toString(videoId));
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
    for (RawAnnotation a : annotations) {
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
        else if (seg instanceof List<?> pl && !pl.isEmpty()) polys = polygons(pl);
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
            names, SourceLayout.unlessDefault(categoryList), videoId == 1 ? -1 : videoId, 0, 1, "");
    return new AnnotationSet(
        video, provenance(), new ArrayList<>(categories.values()), out, layout);
  }

  private static boolean isDefaultNames(List<FrameImage> names) {
    for (FrameImage i : names)
      if (!i.fileName().equals(CocoJsonWriter.fileName(i.frame()))) return false;
    return true;
  }

  private AnnotationSet sav() {
    long h = longField(sav, "video_height", -1, -1), w = longField(sav, "video_width", -1, -1);
    long frames = longField(sav, "video_frame_count", -1, -1);
    Object duration = sav.get("video_duration");
    double fps =
        duration instanceof Number d && d.doubleValue() > 0
            ? frames / d.doubleValue()
            : UNKNOWN_FPS;
    Object id = sav.get("video_id");
    Video video;
    try {
      video =
          new Video(id == null ? stem() : id.toString(), fps, (int) w, (int) h, (int) frames, "");
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
        throw bad(
            line,
            frame,
            "masklet",
            "annotated frame " + frame + " is beyond the video's " + frames + " frames");
      for (int k = 0; k < row.size(); k++) {
        Mask m = row.get(k);
        checkMaskSize(m, video.width(), video.height(), line, frame, "masklet.size");
        // SA-V writes an empty mask where the object is not visible; keyframe has no detection
        // there.
        if (m.area() == 0) continue;
        int track = k;
        if (ids != null) {
          if (k >= ids.size() || !(ids.get(k) instanceof Long l))
            throw bad(line, frame, "masklet_id", "no masklet id for object " + k);
          track = (int) (long) l;
        }
        double score = 1.0;
        if (stability != null
            && i < stability.size()
            && stability.get(i) instanceof List<?> s
            && k < s.size()
            && s.get(k) instanceof Number n) score = n.doubleValue();
        out.add(
            new Detection(
                frame, track, SAV_LABEL, null, m, score, Map.of(), -1, false, false, false));
      }
    }
    Provenance prov = kfProvenance != null ? provenance() : savProvenance();
    return new AnnotationSet(video, prov, List.of(SAV_LABEL), out);
  }

  /**
   * SA-V says whether masklets are "manual" or "auto"; it names no model file, so no MODEL kind.
   */
  private Provenance savProvenance() {
    Object type = sav.get("masklet_type");
    String kind = type instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : "unknown";
    return new Provenance(Provenance.Kind.ANNOTATOR, "sa-v " + kind, "", null, "sa-v");
  }

  // ---------------------------------------------------------------- shared

  private Detection detection(
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
    return new Detection(
        frame,
        track,
        label,
        box,
        mask,
        score,
        probs,
        visibility,
        flag(attr, "occluded", line, frame),
        flag(attr, "outside", line, frame),
        flag(attr, "keyframe", line, frame));
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
    if (label == null)
      throw bad(
          line,
          frame,
          "category_id",
          "unknown category id " + cat + "; categories are " + categories.keySet());
    return label;
  }

  private Box box(Object raw, long line, int frame, String field) {
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

  private void checkMaskSize(Mask m, int width, int height, long line, int frame, String field) {
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
    if (got != want)
      throw bad(p.currentTokenLocation().getLineNr(), field, "expected " + want + ", got " + got);
  }

  private BadAnnotationException malformed(JsonParseException e) {
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

  private BadAnnotationException bad(long line, String field, String problem) {
    return bad(line, -1, field, problem);
  }

  private BadAnnotationException bad(long line, int frame, String field, String problem) {
    return new BadAnnotationException(file, line, frame, field, problem);
  }
}
