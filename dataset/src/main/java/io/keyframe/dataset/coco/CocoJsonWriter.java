package io.keyframe.dataset.coco;

import static io.keyframe.dataset.CanonicalNumber.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.AtomicOutput;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Provenance;
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
  private static final JsonFactory JSON = new JsonFactory();

  private CocoJsonWriter() {}

  /** COCO instances: one image per frame (id = frame + 1, {@code frame_id} = frame). */
  public static void writeCoco(Path target, AnnotationSet set) throws IOException {
    TrackFrames.requireUnique(set);
    AtomicOutput.write(target, out -> {
      try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new LinePerRecord());
        Video v = set.video();
        int frames = frames(set);
        g.writeStartObject();
        info(g, set);
        g.writeArrayFieldStart("images");
        for (int f = 0; f < frames; f++) {
          g.writeStartObject();
          g.writeNumberField("id", f + 1);
          g.writeNumberField("width", v.width());
          g.writeNumberField("height", v.height());
          g.writeStringField("file_name", fileName(f));
          g.writeNumberField("frame_id", f);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("annotations");
        long id = 1;
        for (Detection d : set.detections()) {
          g.writeStartObject();
          g.writeNumberField("id", id++);
          g.writeNumberField("image_id", d.frame() + 1);
          g.writeNumberField("category_id", set.labels().indexOf(d.label()) + 1);
          if (d.trackId() != Detection.UNTRACKED) g.writeNumberField("track_id", d.trackId());
          Box b = d.box() != null ? d.box() : d.mask().bbox().orElse(null);
          g.writeFieldName("bbox");
          if (b == null) box(g, new double[] {0, 0, 0, 0});
          else box(g, new double[] {b.x(), b.y(), b.w(), b.h()});
          g.writeFieldName("area");
          g.writeNumber(format(d.mask() != null ? d.mask().area() : d.box().area()));
          g.writeNumberField("iscrowd", 0);
          if (d.mask() != null) {
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
        g.writeEndArray();
        categories(g, set);
        g.writeEndObject();
      }
    });
  }

  /**
   * YouTube-VIS: one video, one annotation per track with a {@code segmentations}/{@code bboxes}/
   * {@code areas} entry per frame (null where the track has no detection). Carries track, label,
   * box, mask and score (a track-wide {@code score}, or per frame in {@code keyframe_scores}); no
   * flags, visibility or class probabilities. A track takes its first detection's label; untracked detections become
   * one-frame tracks with fresh ids.
   */
  public static void writeYouTubeVis(Path target, AnnotationSet set) throws IOException {
    TrackFrames.requireUnique(set);
    TreeMap<Integer, List<Detection>> tracks = new TreeMap<>();
    List<Detection> untracked = new ArrayList<>();
    for (Detection d : set.detections()) {
      if (d.trackId() == Detection.UNTRACKED) untracked.add(d);
      else tracks.computeIfAbsent(d.trackId(), k -> new ArrayList<>()).add(d);
    }
    int next = tracks.isEmpty() ? 0 : tracks.lastKey() + 1;
    for (Detection d : untracked) tracks.put(next++, List.of(d));
    AtomicOutput.write(target, out -> {
      try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new LinePerRecord());
        Video v = set.video();
        int frames = frames(set);
        g.writeStartObject();
        info(g, set);
        g.writeArrayFieldStart("videos");
        g.writeStartObject();
        g.writeNumberField("id", 1);
        g.writeNumberField("width", v.width());
        g.writeNumberField("height", v.height());
        g.writeNumberField("length", frames);
        g.writeArrayFieldStart("file_names");
        for (int f = 0; f < frames; f++) g.writeString(fileName(f));
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
          g.writeNumberField("video_id", 1);
          g.writeNumberField("category_id", set.labels().indexOf(ds.get(0).label()) + 1);
          g.writeNumberField("iscrowd", 0);
          g.writeNumberField("width", v.width());
          g.writeNumberField("height", v.height());
          double score = ds.get(0).score();
          boolean sameScore = ds.stream().allMatch(d -> d.score() == score);
          if (score != 1.0 && sameScore) {
            g.writeFieldName("score");
            g.writeNumber(format(score));
          } else if (!sameScore) {
            // YouTube-VIS scores whole tracks; per-frame scores go in a list other tools ignore.
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
            else g.writeNumber(format(d.mask() != null ? d.mask().area() : d.box().area()));
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        categories(g, set);
        g.writeEndObject();
      }
    });
  }

  private static int frames(AnnotationSet set) {
    return TrackFrames.length(set);
  }

  private static String fileName(int frame) {
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
    for (int i = 0; i < set.labels().size(); i++) {
      g.writeStartObject();
      g.writeNumberField("id", i + 1);
      g.writeStringField("name", set.labels().get(i));
      g.writeStringField("supercategory", "");
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void attributes(JsonGenerator g, Detection d) throws IOException {
    boolean any = d.occluded() || d.outside() || d.keyframe() || d.visibility() != -1
        || !d.classProbabilities().isEmpty() || d.box() == null;
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
