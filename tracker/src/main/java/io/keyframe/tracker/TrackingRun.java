package io.keyframe.tracker;

import com.fasterxml.jackson.core.JsonGenerator;
import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.AtomicOutput;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.frames.FrameSource;
import io.keyframe.metrics.report.JsonFile;
import io.keyframe.metrics.report.JsonValues;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTracker;
import io.keyframe.tracker.detector.ClassMapping;
import io.keyframe.tracker.detector.DetectorModel;
import io.keyframe.tracker.detector.DetectorOptions;
import io.keyframe.tracker.sam2.Sam2Config;
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
 * COCO JSON plus {@code occlusions.json}, {@code recommended_keyframes.json} and the tracker's
 * provenance {@code tracker.json}. Every file is written atomically. All checks on models and
 * inputs happen before the first frame is processed.
 */
public final class TrackingRun {
  /** Output file names inside the output folder. */
  public static final String MOT_FILE = "tracks.mot.txt";

  public static final String CVAT_FILE = "tracks.cvat.xml";
  public static final String COCO_FILE = "tracks.coco.json";
  public static final String OCCLUSIONS_FILE = "occlusions.json";
  public static final String KEYFRAMES_FILE = "recommended_keyframes.json";

  /**
   * The tracker's provenance: {@code {"config": {...every setting...}, "model_sha256": ...,
   * "tracker": ...}}, keys sorted, no time, so a re-run writes the same bytes.
   */
  public static final String TRACKER_FILE = "tracker.json";

  /** What a run produced and where it went. */
  /** Where the warnings of a run that read flawed input anyway go, one line each. */
  public static final String WARNINGS_FILE = "warnings.txt";

  /**
   * What a run produced and where it went; {@code warnings} says what was wrong with the input but
   * read anyway (also written to {@link #WARNINGS_FILE} when there is any).
   */
  public record Outcome(TrackedVideo result, List<Path> written, List<String> warnings) {
    public Outcome {
      written = List.copyOf(written);
      warnings = List.copyOf(warnings);
    }
  }

  private TrackingRun() {}

  /**
   * Runs {@code options}; progress arrives as stages {@code detect} and {@code track}.
   *
   * @throws io.keyframe.dataset.BadAnnotationException for unreadable inputs or unusable models
   */
  public static Outcome run(TrackingOptions options, ProgressListener progress) throws IOException {
    Keyframes keyframes = Keyframes.of(readKeyframes(options.keyframes()));
    try (VideoTracker tracker = tracker(options)) {
      return run(options, tracker, keyframes, progress);
    }
  }

  /**
   * Runs {@code options} with the SAM 2 graphs' sessions built from {@code sam2Settings} (device,
   * threads, ...); the settings go to {@value #TRACKER_FILE} with the rest of the tracker's
   * provenance.
   */
  public static Outcome run(
      TrackingOptions options, Sam2SessionSettings sam2Settings, ProgressListener progress)
      throws IOException {
    Keyframes keyframes = Keyframes.of(readKeyframes(options.keyframes()));
    try (VideoTracker tracker = tracker(options, sam2Settings)) {
      return run(options, tracker, keyframes, progress);
    }
  }

  /**
   * The tracker {@code options} ask for: SAM 2 when a bundle is given (its ONNX sessions opened and
   * checked here), else the fallback, plain with {@code keyframes=none} ({@link
   * ByteTrackConfig#plain}) and {@link ByteTrackConfig#anchored} otherwise.
   */
  public static VideoTracker tracker(TrackingOptions options) throws IOException {
    return tracker(
        options, Sam2SessionSettings.defaults().withIntraOpThreads(options.intraOpThreads()));
  }

  /**
   * As {@link #tracker(TrackingOptions)}, with the SAM 2 graphs' sessions built from {@code
   * sam2Settings} (device, threads, ...; recorded under {@code config.session} in {@value
   * #TRACKER_FILE}).
   */
  public static VideoTracker tracker(TrackingOptions options, Sam2SessionSettings sam2Settings)
      throws IOException {
    if (options.sam2Bundle() != null)
      return Sam2VideoTracker.open(options.sam2Bundle(), sam2Settings, Sam2Config.defaults());
    return new ByteTracker(
        options.keyframes().equals("none") ? ByteTrackConfig.plain() : ByteTrackConfig.anchored());
  }

  /**
   * Runs {@code options} with a tracker the caller chose (and closes afterwards); see {@link
   * #run(TrackingOptions, ProgressListener)}. The tracker's provenance goes to {@value
   * #TRACKER_FILE}.
   */
  public static Outcome run(
      TrackingOptions options, VideoTracker tracker, Keyframes keyframes, ProgressListener progress)
      throws IOException {
    ProgressListener p = progress == null ? ProgressListener.NONE : progress;
    List<String> warnings = new ArrayList<>();
    TrackedVideo result;
    try (FrameSource frames =
        options.video() == null
            ? null
            : FrameSource.open(
                options.video(),
                options.imageFps(),
                io.keyframe.dataset.frames.nifti.NiftiFrameSource.Axis.parse(options.sliceAxis()),
                options.volume(),
                options.allowTruncatedVideo())) {
      if (frames != null) warnings.addAll(frames.warnings());
      Video video =
          frames == null
              ? null
              : frames.video(Video.idFromFileName(options.video().getFileName().toString()), "");
      boolean detect = tracker.usesDetections(keyframes);
      if (detect && options.detections() == null && options.detector() == null)
        throw new IllegalArgumentException(
            "no keyframes to start objects from: give a keyframe file, a detector or detections");
      AnnotationSet dets =
          detect
              ? detections(options, frames, video, p)
              : new AnnotationSet(video, Provenance.unknown(), List.of(), List.of());
      result =
          tracker.track(
              dets, frames == null ? FrameImages.NONE : FrameImages.of(frames), keyframes, p);
    }
    List<Path> written = new ArrayList<>(write(result, options.out()));
    Path prov = options.out().resolve(TRACKER_FILE);
    // Sorted maps (VideoTracker#provenance) of strings and numbers: equal settings, equal bytes.
    JsonFile.write(prov, g -> JsonValues.write(g, tracker.provenance()));
    written.add(prov);
    Path warningsFile = options.out().resolve(WARNINGS_FILE);
    if (warnings.isEmpty()) {
      Files.deleteIfExists(warningsFile); // a rerun over a sound copy leaves no stale warning
    } else {
      String text = String.join("\n", warnings) + "\n";
      AtomicOutput.write(
          warningsFile, o -> o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      written.add(warningsFile);
    }
    return new Outcome(result, written, warnings);
  }

  /**
   * Writes tracks in three formats plus occlusions and recommended keyframes; returns the files.
   */
  public static List<Path> write(TrackedVideo result, Path out) throws IOException {
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
    written.add(
        JsonFile.writeArray(
            out.resolve(OCCLUSIONS_FILE), result.occlusions(), TrackingRun::writeOcclusion));
    written.add(
        JsonFile.writeArray(
            out.resolve(KEYFRAMES_FILE),
            result.recommendedKeyframes(),
            TrackingRun::writeKeyframe));
    return written;
  }

  private static void writeOcclusion(JsonGenerator g, OcclusionEvent o) throws IOException {
    g.writeNumberField("track_id", o.trackId());
    g.writeNumberField("start_frame", o.startFrame());
    g.writeNumberField("end_frame", o.endFrame());
    g.writeStringField("cause", o.cause());
    g.writeBooleanField("full", o.full());
  }

  private static void writeKeyframe(JsonGenerator g, RecommendedKeyframe k) throws IOException {
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
}
