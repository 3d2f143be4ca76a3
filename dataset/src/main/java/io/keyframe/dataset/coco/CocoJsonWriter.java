package io.keyframe.dataset.coco;

import static io.keyframe.dataset.CanonicalNumber.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrameImage;
import io.keyframe.dataset.JsonObjectFile;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Polygon;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.SourceLayout;
import io.keyframe.dataset.TrackFrames;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes COCO or YouTube-VIS JSON atomically with Jackson's streaming generator. Masks are written
 * as compressed RLE strings. keyframe's video and provenance go under {@code info.keyframe}; flags,
 * visibility, class probabilities and "this detection has no box of its own" go into the
 * annotation's {@code attributes} (CVAT's COCO exporter uses the same key), only when they differ
 * from the default, so plain COCO tools see ordinary files.
 */
public final class CocoJsonWriter {
  private CocoJsonWriter() {}

  /** One top-level JSON object, a record per line ({@link LinePerRecord}), atomically. */
  private static void writeTopObject(Path target, JsonObjectFile.Fields body) throws IOException {
    JsonObjectFile.write(target, new LinePerRecord(), body);
  }

  /**
   * COCO instances: one image per frame (id = frame + 1, {@code frame_id} = frame), or the images,
   * ids, file names and sizes the set was read with ({@link SourceLayout}); category ids,
   * annotation ids, {@code iscrowd}, polygons and stated areas come back as read.
   */
  public static void writeCoco(Path target, AnnotationSet set) throws IOException {
    TrackFrames.requireUnique(set);
    writeTopObject(
        target,
        g -> {
          info(g, set);
          ImageIds ids = new ImageIds(set, 0);
          g.writeArrayFieldStart("images");
          ids.write(g, -1);
          g.writeEndArray();
          g.writeArrayFieldStart("annotations");
          annotations(g, set, ids, -1, false, new long[] {firstFreeId(List.of(set))});
          g.writeEndArray();
          categories(g, set);
        });
  }

  /**
   * COCO-VID (mmtracking): one {@code videos} entry per set, images with {@code video_id} and
   * {@code frame_id}, annotations with {@code instance_id} (untracked detections get fresh ones).
   * All sets must share one label list; image and annotation ids are kept where they do not
   * collide.
   */
  public static void writeCocoVid(Path target, List<AnnotationSet> sets) throws IOException {
    if (sets.isEmpty()) throw new IllegalArgumentException("no videos to write");
    for (AnnotationSet s : sets) {
      TrackFrames.requireUnique(s);
      if (!s.labels().equals(sets.get(0).labels()))
        throw new IllegalArgumentException(
            "videos of one COCO-VID file must share their labels: "
                + s.labels()
                + " vs "
                + sets.get(0).labels());
    }
    writeTopObject(
        target,
        g -> {
          if (sets.size() == 1) info(g, sets.get(0));
          g.writeArrayFieldStart("videos");
          long[] videoIds = new long[sets.size()];
          java.util.Set<Long> used = new java.util.HashSet<>();
          for (int i = 0; i < sets.size(); i++) {
            long id = sets.get(i).layout().sourceVideoId();
            videoIds[i] = id >= 0 && used.add(id) ? id : -1;
          }
          long nextVideo = used.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
          for (int i = 0; i < sets.size(); i++) {
            if (videoIds[i] < 0) videoIds[i] = nextVideo++;
            Video v = sets.get(i).video();
            g.writeStartObject();
            g.writeNumberField("id", videoIds[i]);
            g.writeStringField("name", v.id());
            g.writeNumberField("width", v.width());
            g.writeNumberField("height", v.height());
            g.writeEndObject();
          }
          g.writeEndArray();
          List<ImageIds> ids = new ArrayList<>();
          long offset = 0;
          boolean unique = sets.size() == 1 || distinctImageIds(sets);
          for (AnnotationSet s : sets) {
            ImageIds im = new ImageIds(s, unique ? 0 : offset);
            ids.add(im);
            offset =
                Math.max(
                    offset,
                    im.maxId() + 1); // next set starts past this one: ids 0..n here, n+1.. there
          }
          g.writeArrayFieldStart("images");
          for (int i = 0; i < sets.size(); i++) ids.get(i).write(g, videoIds[i]);
          g.writeEndArray();
          g.writeArrayFieldStart("annotations");
          long[] next = {firstFreeId(sets)};
          for (int i = 0; i < sets.size(); i++)
            annotations(g, sets.get(i), ids.get(i), videoIds[i], true, next);
          g.writeEndArray();
          categories(g, sets.get(0));
        });
  }

  private static boolean distinctImageIds(List<AnnotationSet> sets) {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (AnnotationSet s : sets) {
      if (s.layout().images().isEmpty()) return false;
      for (FrameImage i : s.layout().images()) if (i.id() < 0 || !seen.add(i.id())) return false;
    }
    return true;
  }

  /** One past the largest annotation id any detection carries (1 when none does). */
  private static long firstFreeId(List<AnnotationSet> sets) {
    long max = 0;
    for (AnnotationSet s : sets)
      for (Detection d : s.detections()) max = Math.max(max, d.source().id());
    return max + 1;
  }

  /**
   * The image of each frame: the file's (id, name, size) where the set kept them, else keyframe's.
   */
  private static final class ImageIds {
    final AnnotationSet set;
    final Map<Integer, FrameImage> byFrame = new TreeMap<>();

    ImageIds(AnnotationSet set, long offset) {
      this.set = set;
      Video v = set.video();
      Map<Integer, FrameImage> kept = set.layout().imagesByFrame();
      boolean keptAny = !kept.isEmpty() && kept.values().stream().allMatch(i -> i.id() >= 0);
      long next = offset + 1;
      if (keptAny) {
        for (FrameImage i : kept.values()) next = Math.max(next, offset + i.id() + 1);
        for (FrameImage i : kept.values())
          byFrame.put(
              i.frame(),
              new FrameImage(i.frame(), offset + i.id(), i.fileName(), i.width(), i.height()));
        for (Detection d : set.detections())
          if (!byFrame.containsKey(d.frame()))
            byFrame.put(
                d.frame(),
                new FrameImage(d.frame(), next++, fileName(d.frame()), v.width(), v.height()));
      } else {
        int frames = frames(set);
        for (int f = 0; f < frames; f++) {
          FrameImage k = kept.get(f);
          String name = k != null && !k.fileName().isEmpty() ? k.fileName() : fileName(f);
          byFrame.put(f, new FrameImage(f, offset + f + 1, name, v.width(), v.height()));
        }
      }
    }

    long maxId() {
      return byFrame.values().stream().mapToLong(FrameImage::id).max().orElse(0);
    }

    long id(int frame) {
      return byFrame.get(frame).id();
    }

    void write(JsonGenerator g, long videoId) throws IOException {
      for (FrameImage i : byFrame.values()) {
        g.writeStartObject();
        g.writeNumberField("id", i.id());
        g.writeNumberField("width", i.width());
        g.writeNumberField("height", i.height());
        g.writeStringField("file_name", i.fileName());
        if (videoId >= 0) g.writeNumberField("video_id", videoId);
        g.writeNumberField("frame_id", i.frame());
        g.writeEndObject();
      }
    }
  }

  private static void annotations(
      JsonGenerator g,
      AnnotationSet set,
      ImageIds images,
      long videoId,
      boolean cocoVid,
      long[] next)
      throws IOException {
    Map<String, Long> categoryIds = set.layout().categoryIds(set.labels());
    int nextInstance = set.detections().stream().mapToInt(Detection::trackId).max().orElse(-1) + 1;
    for (Detection d : set.detections()) {
      g.writeStartObject();
      g.writeNumberField("id", d.source().id() >= 0 ? d.source().id() : next[0]++);
      g.writeNumberField("image_id", images.id(d.frame()));
      if (videoId >= 0) g.writeNumberField("video_id", videoId);
      g.writeNumberField("category_id", categoryIds.get(d.label()));
      if (cocoVid)
        g.writeNumberField(
            "instance_id", d.trackId() != Detection.UNTRACKED ? d.trackId() : nextInstance++);
      else if (d.trackId() != Detection.UNTRACKED) g.writeNumberField("track_id", d.trackId());
      Box b = d.box() != null ? d.box() : d.mask().bbox().orElse(null);
      g.writeFieldName("bbox");
      if (b == null) box(g, new double[] {0, 0, 0, 0});
      else box(g, new double[] {b.x(), b.y(), b.w(), b.h()});
      g.writeFieldName("area");
      g.writeNumber(format(area(d)));
      g.writeNumberField("iscrowd", d.source().crowd() ? 1 : 0);
      if (!d.source().polygons().isEmpty()) {
        g.writeFieldName("segmentation");
        polygons(g, d.source().polygons());
      } else if (d.mask() != null) {
        g.writeFieldName("segmentation");
        rle(g, d.mask());
      }
      if (d.score() != 1.0) {
        g.writeFieldName("score");
        g.writeNumber(format(d.score()));
      }
      attributes(g, d);
      g.writeEndObject();
    }
  }

  private static double area(Detection d) {
    if (!Double.isNaN(d.source().area())) return d.source().area();
    return d.mask() != null ? d.mask().area() : d.box().area();
  }

  private static void polygons(JsonGenerator g, List<Polygon> polys) throws IOException {
    g.writeStartArray();
    for (Polygon p : polys) box(g, p.xy().toArray());
    g.writeEndArray();
  }

  /**
   * YouTube-VIS: one video, one annotation per track with a {@code segmentations}/{@code bboxes}/
   * {@code areas} entry per frame (null where the track has no detection). Carries track, label,
   * box, mask and score (a track-wide {@code score}, or per frame in {@code keyframe_scores}); no
   * flags, visibility or class probabilities. A track takes its first detection's label; untracked
   * detections become one-frame tracks with fresh ids.
   */
  public static void writeYouTubeVis(Path target, AnnotationSet set) throws IOException {
    TrackFrames.requireUnique(set);
    TrackFrames.requireMasksOfVideoSize(
        set,
        "YouTube-VIS has one frame size per video",
        "write coco or cvat, which keep each image's size");
    TreeMap<Integer, List<Detection>> tracks = TrackFrames.tracksWithUntrackedAlone(set);
    writeTopObject(
        target,
        g -> {
          Video v = set.video();
          int frames = frames(set);
          info(g, set);
          g.writeArrayFieldStart("videos");
          long videoId = set.layout().sourceVideoId() >= 0 ? set.layout().sourceVideoId() : 1;
          Map<Integer, FrameImage> names = set.layout().imagesByFrame();
          Map<String, Long> categoryIds = set.layout().categoryIds(set.labels());
          g.writeStartObject();
          g.writeNumberField("id", videoId);
          g.writeNumberField("width", v.width());
          g.writeNumberField("height", v.height());
          g.writeNumberField("length", frames);
          g.writeArrayFieldStart("file_names");
          for (int f = 0; f < frames; f++) {
            FrameImage i = names.get(f);
            g.writeString(i != null && !i.fileName().isEmpty() ? i.fileName() : fileName(f));
          }
          g.writeEndArray();
          g.writeEndObject();
          g.writeEndArray();
          g.writeArrayFieldStart("annotations");
          for (var e : tracks.entrySet()) {
            List<Detection> ds = e.getValue();
            Detection[] at = new Detection[frames];
            for (Detection d : ds) at[d.frame()] = d;
            g.writeStartObject();
            g.writeNumberField("id", e.getKey());
            g.writeNumberField("video_id", videoId);
            g.writeNumberField("category_id", categoryIds.get(ds.get(0).label()));
            g.writeNumberField("iscrowd", ds.stream().anyMatch(d -> d.source().crowd()) ? 1 : 0);
            g.writeNumberField("width", v.width());
            g.writeNumberField("height", v.height());
            double score = ds.get(0).score();
            boolean sameScore = ds.stream().allMatch(d -> d.score() == score);
            if (score != 1.0 && sameScore) {
              g.writeFieldName("score");
              g.writeNumber(format(score));
            } else if (!sameScore) {
              // YouTube-VIS scores whole tracks; per-frame scores go in a list other tools
              // ignore.
              g.writeArrayFieldStart("keyframe_scores");
              for (Detection d : at) {
                if (d == null) g.writeNull();
                else g.writeNumber(format(d.score()));
              }
              g.writeEndArray();
            }
            g.writeArrayFieldStart("segmentations");
            for (Detection d : at) {
              if (d == null || d.mask() == null) g.writeNull();
              else if (!d.source().polygons().isEmpty()) polygons(g, d.source().polygons());
              else rle(g, d.mask());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("bboxes");
            for (Detection d : at) {
              if (d == null || d.box() == null) g.writeNull();
              else box(g, new double[] {d.box().x(), d.box().y(), d.box().w(), d.box().h()});
            }
            g.writeEndArray();
            g.writeArrayFieldStart("areas");
            for (Detection d : at) {
              if (d == null) g.writeNull();
              else g.writeNumber(format(area(d)));
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          categories(g, set);
        });
  }

  private static int frames(AnnotationSet set) {
    return TrackFrames.length(set);
  }

  static String fileName(int frame) {
    return String.format("frame_%06d.jpg", frame);
  }

  private static void info(JsonGenerator g, AnnotationSet set) throws IOException {
    Video v = set.video();
    Provenance p = set.provenance();
    g.writeObjectFieldStart("info");
    g.writeStringField("description", "keyframe annotations");
    g.writeObjectFieldStart("keyframe");
    g.writeObjectFieldStart("video");
    g.writeStringField("id", v.id());
    g.writeFieldName("fps");
    g.writeNumber(format(v.fps()));
    g.writeNumberField("width", v.width());
    g.writeNumberField("height", v.height());
    g.writeNumberField("frame_count", v.frameCount());
    g.writeStringField("source_path", v.sourcePath());
    g.writeEndObject();
    g.writeObjectFieldStart("provenance");
    g.writeStringField("kind", p.kind().name());
    g.writeStringField("source", p.source());
    g.writeStringField("model_sha256", p.modelSha256());
    if (p.time() != null) g.writeStringField("time", p.time().toString());
    g.writeStringField("tool", p.tool());
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void categories(JsonGenerator g, AnnotationSet set) throws IOException {
    g.writeArrayFieldStart("categories");
    Map<String, Long> ids = set.layout().categoryIds(set.labels());
    for (String label : set.labels()) {
      g.writeStartObject();
      g.writeNumberField("id", ids.get(label));
      g.writeStringField("name", label);
      g.writeStringField("supercategory", set.layout().supercategory(label));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void attributes(JsonGenerator g, Detection d) throws IOException {
    boolean any =
        d.occluded()
            || d.outside()
            || d.keyframe()
            || d.visibility() != -1
            || !d.classProbabilities().isEmpty()
            || d.box() == null;
    if (!any) return;
    g.writeObjectFieldStart("attributes");
    if (d.occluded()) g.writeBooleanField("occluded", true);
    if (d.outside()) g.writeBooleanField("outside", true);
    if (d.keyframe()) g.writeBooleanField("keyframe", true);
    if (d.visibility() != -1) {
      g.writeFieldName("visibility");
      g.writeNumber(format(d.visibility()));
    }
    if (!d.classProbabilities().isEmpty()) {
      g.writeObjectFieldStart("class_probabilities");
      for (Map.Entry<String, Double> e : new TreeMap<>(d.classProbabilities()).entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeNumber(format(e.getValue()));
      }
      g.writeEndObject();
    }
    if (d.box() == null) g.writeBooleanField("box_from_mask", true);
    g.writeEndObject();
  }

  private static void box(JsonGenerator g, double[] v) throws IOException {
    g.writeStartArray();
    for (double x : v) g.writeNumber(format(x));
    g.writeEndArray();
  }

  private static void rle(JsonGenerator g, Mask m) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("size");
    g.writeNumber(m.height());
    g.writeNumber(m.width());
    g.writeEndArray();
    g.writeStringField("counts", m.toCompressedString());
    g.writeEndObject();
  }
}
