package io.keyframe.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.dataset.contract.TableDef;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.TrackedVideo;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet outputs the demo pipeline writes, built from {@code data-samples/} without Spark, in
 * the same run layout: run {@code generate} (detections of {@code gt}, the annotators and the
 * model; the ground-truth occlusion manifest), run {@code track-a} (the model's boxes tracked by
 * the fallback tracker alone, source {@code tracker-a}) and run {@code track-b} (the same
 * re-initialised from annotator A's boxes every 50 frames, source {@code tracker-b}), as {@code
 * TrackJob} does. Derived tables (agreement, compare, ...) are left out on purpose: the notebooks
 * recompute what they need from detections with keyframe's metrics.
 */
final class DemoOutputs {
  static final String GROUND_TRUTH = "gt";
  static final int KEYFRAME_INTERVAL = 50;

  private DemoOutputs() {}

  /** Writes the tables under {@code root/tables}; {@code samples} is the data-samples folder. */
  static void write(Path samples, Path root) throws IOException {
    List<Path> videos;
    try (Stream<Path> s = Files.list(samples)) {
      videos = s.filter(p -> Files.isRegularFile(p.resolve("meta.json"))).sorted().toList();
    }
    List<String> classes = new ArrayList<>();
    new ObjectMapper()
        .readTree(samples.resolve("batch.json").toFile())
        .path("classes")
        .forEach(c -> classes.add(c.asText()));
    long t = 1_700_000_000_000L;
    for (Path dir : videos) {
      String video = dir.getFileName().toString();
      AnnotationSet gt = named(AnnotationFiles.read(dir.resolve("gt.mot.txt")), classes);
      AnnotationSet model = named(AnnotationFiles.read(dir.resolve("model.mot.txt")), classes);
      Map<String, AnnotationSet> sources = new LinkedHashMap<>();
      sources.put(GROUND_TRUTH, gt);
      for (String a : List.of("A", "B", "C"))
        sources.put(
            "annotator-" + a, AnnotationFiles.read(dir.resolve("annotator-" + a + ".cvat.xml")));
      sources.put("model", model);
      List<Object[]> rows = new ArrayList<>();
      sources.forEach(
          (name, set) -> set.detections().forEach(d -> rows.add(detectionRow(name, d))));
      write(root, "detections", "generate", video, rows);
      List<Object[]> occ = new ArrayList<>();
      for (OcclusionEvent e : manifest(dir.resolve("occlusions.json")))
        occ.add(occlusionRow(GROUND_TRUTH, e));
      write(root, "occlusion_events", "generate", video, occ);

      AnnotationSet untracked =
          model.withDetections(
              model.detections().stream().map(d -> d.withTrackId(Detection.UNTRACKED)).toList());
      List<Detection> keyframes =
          sources.get("annotator-A").detections().stream()
              .filter(
                  d ->
                      d.frame() % KEYFRAME_INTERVAL == 0
                          && !d.outside()
                          && d.trackId() != Detection.UNTRACKED)
              .toList();
      writeTracks(root, "track-a", video, "tracker-a", track(untracked, List.of()));
      writeTracks(root, "track-b", video, "tracker-b", track(untracked, keyframes));
    }
    for (String run : List.of("generate", "track-a", "track-b")) {
      t += 60_000;
      write(
          root,
          "runs",
          run,
          null,
          List.<Object[]>of(
              new Object[] {
                run.startsWith("track") ? "track" : run,
                t - 30_000,
                t,
                "test",
                "{}",
                "{}",
                "{}",
                "{}",
                run.startsWith("track") ? "fallback" : null
              }));
    }
  }

  /** An {@code occlusion_events} row in the contract's column order. */
  private static Object[] occlusionRow(String source, OcclusionEvent e) {
    return new Object[] {
      source, e.trackId(), e.startFrame(), e.endFrame(), e.cause(), e.full(), e.reemergenceFrame()
    };
  }

  private static TrackedVideo track(AnnotationSet detections, List<Detection> keyframes) {
    return new ByteTracker(ByteTrackConfig.defaults())
        .track(detections, FrameImages.NONE, keyframes, null);
  }

  private static void writeTracks(
      Path root, String run, String video, String source, TrackedVideo r) {
    List<Object[]> rows = new ArrayList<>();
    r.tracks().detections().forEach(d -> rows.add(detectionRow(source, d)));
    write(root, "detections", run, video, rows);
    List<Object[]> occ = new ArrayList<>();
    for (OcclusionEvent e : r.occlusions()) occ.add(occlusionRow(source, e));
    write(root, "occlusion_events", run, video, occ);
  }

  /** MOTChallenge files carry 1-based class IDs; batch.json lists the class names in that order. */
  private static AnnotationSet named(AnnotationSet mot, List<String> classes) {
    List<Detection> named =
        mot.detections().stream()
            .map(d -> d.withLabel(classes.get(Integer.parseInt(d.label()) - 1)))
            .toList();
    return new AnnotationSet(
        mot.video(),
        mot.provenance(),
        named.stream().map(Detection::label).distinct().sorted().toList(),
        named);
  }

  private static List<OcclusionEvent> manifest(Path file) throws IOException {
    List<OcclusionEvent> out = new ArrayList<>();
    for (JsonNode e : new ObjectMapper().readTree(file.toFile()).path("events"))
      out.add(
          new OcclusionEvent(
              e.get("trackId").asInt(),
              e.get("startFrame").asInt(),
              e.get("endFrame").asInt(),
              e.get("cause").asText(),
              e.get("full").asBoolean()));
    return out;
  }

  private static Object[] detectionRow(String source, Detection d) {
    Box b = d.boxOrMaskBox();
    return new Object[] {
      source,
      d.frame(),
      d.trackId(),
      d.label(),
      b.x(),
      b.y(),
      b.w(),
      b.h(),
      d.score(),
      null,
      0,
      0,
      d.occluded(),
      d.outside(),
      d.keyframe(),
      d.classProbabilities().isEmpty() ? null : d.classProbabilities(),
      d.visibility()
    };
  }

  private static void write(
      Path root, String table, String run, String video, List<Object[]> rows) {
    TableDef spec = OutputTables.table(table);
    MessageType schema = MessageTypeParser.parseMessageType(spec.parquetSchema());
    Path dir = root.resolve("tables").resolve(table).resolve("run_id=" + run);
    if (video != null) dir = dir.resolve("video_id=" + video);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    io.keyframe.report.ParquetRows.write(dir.resolve("part-00000.parquet"), schema, rows);
  }
}
