package io.keyframe.tracker;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.AtomicOutput;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.frames.FrameSource;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTracker;
import io.keyframe.tracker.detector.ClassMapping;
import io.keyframe.tracker.detector.DetectorModel;
import io.keyframe.tracker.detector.DetectorOptions;
import io.keyframe.tracker.sam2.Sam2SessionSettings;
import io.keyframe.tracker.sam2.Sam2VideoTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One tracking run end to end: read or detect per-frame detections, track them (fallback tracker,
 * or SAM 2 when a bundle is given), and write the tracks as MOTChallenge, CVAT-for-video XML and
 * COCO JSON plus {@code occlusions.json} and {@code recommended_keyframes.json}. Every file is
 * written atomically. All checks on models and inputs happen before the first frame is processed.
 */
public final class TrackingRun {
  /** Output file names inside the output folder. */
  public static final String MOT_FILE = "tracks.mot.txt";

  public static final String CVAT_FILE = "tracks.cvat.xml";
  public static final String COCO_FILE = "tracks.coco.json";
  public static final String OCCLUSIONS_FILE = "occlusions.json";
  public static final String KEYFRAMES_FILE = "recommended_keyframes.json";

  /**
   * SAM 2 runs only: the bundle and ONNX Runtime session settings behind the tracks ({@link
   * Sam2VideoTracker#runtimeProvenance}).
   */
  public static final String PROVENANCE_FILE = "sam2_provenance.json";

  /** What a run produced and where it went. */
  public record Outcome(TrackingResult result, List<Path> written) {
    public Outcome {
      written = List.copyOf(written);
    }
  }

  private TrackingRun() {}

  /**
   * Runs {@code options}; progress arrives as stages {@code detect} and {@code track}.
   *
   * @throws io.keyframe.dataset.BadAnnotationException for unreadable inputs or unusable models
   */
  public static Outcome run(TrackingOptions options, ProgressListener progress) throws IOException {
    return run(
        options,
        Sam2SessionSettings.defaults().withIntraOpThreads(options.intraOpThreads()),
        progress);
  }

  /**
   * Runs {@code options} with the SAM 2 graphs' sessions built from {@code sam2Settings} (device,
   * threads, ...); the settings are written to {@link #PROVENANCE_FILE} beside the tracks.
   */
  public static Outcome run(
      TrackingOptions options, Sam2SessionSettings sam2Settings, ProgressListener progress)
      throws IOException {
    ProgressListener p = progress == null ? ProgressListener.NONE : progress;
    List<Detection> keyframes = readKeyframes(options.keyframes());
    TrackingResult result;
    java.util.Map<String, Object> sam2Provenance = null;
    try (FrameSource frames =
        options.video() == null
            ? null
            : FrameSource.open(
                options.video(),
                options.imageFps(),
                io.keyframe.dataset.frames.nifti.NiftiFrameSource.Axis.parse(options.sliceAxis()),
                options.volume())) {
      Video video = frames == null ? null : frames.video(videoId(options.video()), "");
      if (options.sam2Bundle() != null) {
        try (Sam2VideoTracker sam2 = Sam2VideoTracker.open(options.sam2Bundle(), sam2Settings, 3)) {
          sam2Provenance = sam2.runtimeProvenance();
          List<Detection> prompts = keyframes;
          if (prompts.isEmpty()) prompts = firstFramePrompts(detections(options, frames, video, p));
          result = sam2.track(video, FrameImages.of(frames), prompts, p);
        }
      } else {
        AnnotationSet dets = detections(options, frames, video, p);
        boolean none = options.keyframes().equals("none");
        // "none" is plain ByteTrack; otherwise stitching and filling gaps of up to 30 frames
        // (flagged occluded).
        ByteTrackConfig config =
            ByteTrackConfig.defaults().withStitching(!none).withInterpolation(none ? 0 : 30);
        result =
            new ByteTracker(config)
                .track(
                    dets, frames == null ? FrameImages.NONE : FrameImages.of(frames), keyframes, p);
      }
    }
    List<Path> written = new ArrayList<>(write(result, options.out()));
    if (sam2Provenance != null) {
      java.util.Map<String, Object> prov = new java.util.LinkedHashMap<>();
      prov.put("tool", result.tracks().provenance().tool());
      prov.putAll(sam2Provenance);
      Path file = options.out().resolve(PROVENANCE_FILE);
      AtomicOutput.write(
          file,
          out ->
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .writerWithDefaultPrettyPrinter()
                  .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                  .writeValue(out, prov));
      written.add(file);
    }
    return new Outcome(result, written);
  }

  /**
   * Writes tracks in three formats plus occlusions and recommended keyframes; returns the files.
   */
  public static List<Path> write(TrackingResult result, Path out) throws IOException {
    Files.createDirectories(out);
    List<Path> written = new ArrayList<>();
    AnnotationSet tracks = result.tracks();
    for (var e :
        List.of(
            java.util.Map.entry(MOT_FILE, AnnotationFormat.MOT),
            java.util.Map.entry(CVAT_FILE, AnnotationFormat.CVAT_VIDEO),
            java.util.Map.entry(COCO_FILE, AnnotationFormat.COCO))) {
      Path f = out.resolve(e.getKey());
      AnnotationFiles.write(f, tracks, e.getValue());
      written.add(f);
    }
    Path occ = out.resolve(OCCLUSIONS_FILE);
    writeJson(
        occ,
        g -> {
          g.writeStartArray();
          for (OcclusionEvent o : result.occlusions()) {
            g.writeStartObject();
            g.writeNumberField("track_id", o.trackId());
            g.writeNumberField("start_frame", o.startFrame());
            g.writeNumberField("end_frame", o.endFrame());
            g.writeStringField("cause", o.cause());
            g.writeBooleanField("full", o.full());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
    written.add(occ);
    Path kf = out.resolve(KEYFRAMES_FILE);
    writeJson(
        kf,
        g -> {
          g.writeStartArray();
          for (RecommendedKeyframe k : result.recommendedKeyframes()) {
            g.writeStartObject();
            g.writeNumberField("frame", k.frame());
            g.writeNumberField("track_id", k.trackId());
            g.writeStringField("label", k.label());
            g.writeArrayFieldStart("box_xywh");
            g.writeNumber(k.box().x());
            g.writeNumber(k.box().y());
            g.writeNumber(k.box().w());
            g.writeNumber(k.box().h());
            g.writeEndArray();
            g.writeStringField("reason", k.reason());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
    written.add(kf);
    return written;
  }

  private interface JsonBody {
    void write(JsonGenerator g) throws IOException;
  }

  private static void writeJson(Path file, JsonBody body) throws IOException {
    AtomicOutput.write(
        file,
        out -> {
          try (JsonGenerator g =
              new JsonFactory()
                  .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                  .createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
          }
        });
  }

  private static AnnotationSet detections(
      TrackingOptions o, FrameSource frames, Video video, ProgressListener p) throws IOException {
    if (o.detections() != null) {
      AnnotationSet set = AnnotationFiles.read(o.detections());
      List<Detection> untracked =
          set.detections().stream().map(d -> d.withTrackId(Detection.UNTRACKED)).toList();
      return video == null
          ? set.withDetections(untracked)
          : new AnnotationSet(video, set.provenance(), set.labels(), untracked);
    }
    ClassMapping mapping =
        o.classMapping() == null
            ? ClassMapping.cocoDefault()
            : ClassMapping.read(o.classMapping(), ClassMapping.coco80());
    DetectorOptions d =
        new DetectorOptions(
            null, mapping, o.scoreThreshold(), 0.45, o.batchSize(), o.intraOpThreads());
    try (DetectorModel model = DetectorModel.load(o.detector(), d)) {
      return model.detectVideo(video, frames, p);
    }
  }

  /**
   * With no keyframe file, the SAM 2 path starts from the confident detections of the first frame
   * that has any.
   */
  private static List<Detection> firstFramePrompts(AnnotationSet dets) {
    List<Detection> out = new ArrayList<>();
    var byFrame = dets.byFrame();
    for (List<Detection> frame : byFrame.values()) {
      int id = 1;
      for (Detection d : frame)
        if (d.score() >= 0.5 && d.boxOrMaskBox() != null)
          out.add(Detection.of(d.frame(), id++, d.label(), d.boxOrMaskBox()));
      if (!out.isEmpty()) break;
    }
    return out;
  }

  /** Keyframes from a file: shapes flagged as keyframes, or every shape when none is flagged. */
  static List<Detection> readKeyframes(String spec) throws IOException {
    if (spec.equals("none") || spec.equals("auto")) return List.of();
    AnnotationSet set = AnnotationFiles.read(Path.of(spec));
    List<Detection> flagged =
        set.detections().stream()
            .filter(d -> d.keyframe() && !d.outside() && d.trackId() >= 0)
            .toList();
    return flagged.isEmpty()
        ? set.detections().stream().filter(d -> !d.outside() && d.trackId() >= 0).toList()
        : flagged;
  }

  /** A video ID from its file name, without extension (never logged by this class). */
  private static String videoId(Path video) {
    return FrameSource.videoId(video.getFileName().toString());
  }
}
