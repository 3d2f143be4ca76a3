package io.keyframe.spark.track;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FileHash;
import io.keyframe.dataset.Frame;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.frames.FrameSource;
import io.keyframe.spark.JobArguments;
import io.keyframe.spark.input.DetectionTables;
import io.keyframe.spark.input.InputFiles;
import io.keyframe.spark.output.BadRecord;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.JobRun;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.spark.rows.OcclusionRows;
import io.keyframe.spark.rows.VideoFrames;
import io.keyframe.spark.session.SparkSessions;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.RecommendedKeyframe;
import io.keyframe.tracker.TrackedVideo;
import io.keyframe.tracker.VideoTracker;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTracker;
import io.keyframe.tracker.detector.DetectorModel;
import io.keyframe.tracker.sam2.Sam2Config;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Tracks detections per video inside the executors with the tracker module's fallback {@link
 * ByteTracker} ({@code runs.tracker_path = fallback}), or videos with a SAM 2 / EdgeTAM bundle
 * ({@link #runSam2}, {@code tracker_path = sam2}). Ways in:
 *
 * <ul>
 *   <li>{@link #run(SparkSession, Options)}: a detector's precomputed detections from {@code
 *       detections} tables, optionally re-initialising identities from a human source's boxes every
 *       {@code keyframeInterval} frames;
 *   <li>{@link #runModel(SparkSession, ModelOptions)}: videos (MP4 files or frame folders) and the
 *       customer's ONNX detector, run through the tracker module's {@link DetectorModel} with one
 *       session per executor, reused for every video of that executor ({@link DetectorCache}); the
 *       model's detections are written too (source = model name, its SHA-256 in {@code
 *       runs.models_json}).
 * </ul>
 *
 * Writes {@code detections} (source = {@code outputSource}), {@code occlusion_events} and {@code
 * throughput}.
 */
public final class TrackJob {
  public static final String NAME = "track";

  /**
   * @param detections detections tables holding the detector's (and keyframe source's) rows
   * @param detectorSource source whose per-frame detections are tracked (track IDs ignored)
   * @param keyframeSource human source whose boxes anchor identities, or null for none
   * @param keyframeInterval use the keyframe source's boxes on frames {@code 0, k, 2k, ...}; 0 =
   *     never
   * @param outputSource source name of the tracks written
   */
  public record Options(
      JobOptions common,
      List<String> detections,
      String detectorSource,
      String keyframeSource,
      int keyframeInterval,
      String outputSource)
      implements java.io.Serializable {
    public Options {
      Objects.requireNonNull(common, "common");
      detections = List.copyOf(detections);
      Objects.requireNonNull(detectorSource, "detectorSource");
      Objects.requireNonNull(outputSource, "outputSource");
      if (keyframeInterval < 0)
        throw new IllegalArgumentException("keyframeInterval is negative: " + keyframeInterval);
      if (keyframeInterval > 0 && keyframeSource == null)
        throw new IllegalArgumentException("a keyframe interval needs a keyframe source");
      if (outputSource.equals(detectorSource))
        throw new IllegalArgumentException("output source must differ from the detector's");
    }
  }

  /**
   * The customer-model path.
   *
   * @param videos folder holding one video per entry: an MP4 ({@code .mp4/.m4v/.mov}), DICOM
   *     ({@code .dcm}) or NIfTI-1 ({@code .nii/.nii.gz}) file, or a folder of frames or of one
   *     DICOM series; the video ID is the file or folder name without extension
   * @param model the customer's ONNX detector; every executor must see it at this path
   * @param classMap model-class to project-class CSV (tracker module format), or null for COCO's
   * @param scoreThreshold detector boxes below this score are dropped (0.1 keeps the low boxes
   *     ByteTrack's second association uses)
   * @param maxFrames detect and track only the first frames of each video; 0 = all
   * @param imageFps frame rate assumed for frame folders, which carry none
   * @param modelSource source name of the model's detections, or null for the model file's stem
   * @param outputSource source name of the tracks written
   */
  public record ModelOptions(
      JobOptions common,
      String videos,
      String model,
      String classMap,
      double scoreThreshold,
      int maxFrames,
      double imageFps,
      String modelSource,
      String outputSource)
      implements Serializable {
    public ModelOptions {
      Objects.requireNonNull(common, "common");
      Objects.requireNonNull(videos, "videos");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(outputSource, "outputSource");
      if (!(scoreThreshold >= 0 && scoreThreshold <= 1))
        throw new IllegalArgumentException("score threshold not in [0,1]: " + scoreThreshold);
      if (maxFrames < 0) throw new IllegalArgumentException("max frames is negative: " + maxFrames);
      Video.checkFps(imageFps);
      if (modelSource == null) modelSource = stem(Path.of(model).getFileName().toString());
      if (outputSource.equals(modelSource))
        throw new IllegalArgumentException("output source must differ from the model's");
    }

    /**
     * All frames, COCO classes, threshold 0.1, 30 fps for frame folders, model source = file stem.
     */
    public static ModelOptions of(
        JobOptions common, String videos, String model, String outputSource) {
      return new ModelOptions(common, videos, model, null, 0.1, 0, 30, null, outputSource);
    }

    public ModelOptions withMaxFrames(int n) {
      return new ModelOptions(
          common, videos, model, classMap, scoreThreshold, n, imageFps, modelSource, outputSource);
    }
  }

  /**
   * The SAM 2 path: videos tracked by a SAM 2 / EdgeTAM bundle from a human source's boxes (every
   * box with a track ID is a prompt: the first starts the object, later ones re-initialise it).
   *
   * @param videos folder holding one MP4 file or frame folder per video (ID = name without
   *     extension)
   * @param bundle the bundle folder (manifest.json + graphs); every executor must see it at this
   *     path
   * @param detections detections tables holding the keyframe source's rows
   * @param keyframeSource the human source whose boxes are the prompts
   * @param maxFrames track only the first frames of each video; 0 = all
   * @param imageFps frame rate assumed for frame folders
   * @param outputSource source name of the tracks written
   * @param device {@code cpu}, {@code cuda} (the GPU Spark assigned to the task, else GPU 0) or
   *     {@code cuda:N} ({@link io.keyframe.tracker.sam2.Sam2Device#parse})
   * @param intraOpThreads ONNX Runtime intra-op threads per session; 0 = one per executor core
   */
  public record Sam2Options(
      JobOptions common,
      String videos,
      String bundle,
      List<String> detections,
      String keyframeSource,
      int maxFrames,
      double imageFps,
      String outputSource,
      String device,
      int intraOpThreads)
      implements Serializable {
    /** The session settings this run asks for (the device as given, before task assignment). */
    public io.keyframe.tracker.sam2.Sam2SessionSettings settings(
        io.keyframe.tracker.sam2.Sam2Device d) {
      return io.keyframe.tracker.sam2.Sam2SessionSettings.defaults()
          .withDevice(d)
          .withIntraOpThreads(intraOpThreads);
    }

    public Sam2Options {
      device = device == null ? "cpu" : device.trim();
      io.keyframe.tracker.sam2.Sam2Device.parse(device);
      if (intraOpThreads < 0)
        throw new IllegalArgumentException("intra-op threads is negative: " + intraOpThreads);
      Objects.requireNonNull(common, "common");
      Objects.requireNonNull(videos, "videos");
      Objects.requireNonNull(bundle, "bundle");
      detections = List.copyOf(detections);
      Objects.requireNonNull(keyframeSource, "keyframeSource");
      Objects.requireNonNull(outputSource, "outputSource");
      if (maxFrames < 0) throw new IllegalArgumentException("max frames is negative: " + maxFrames);
      Video.checkFps(imageFps);
      if (outputSource.equals(keyframeSource))
        throw new IllegalArgumentException("output source must differ from the keyframe source");
    }
  }

  /**
   * The fallback's settings on both fallback paths. The executors track without pixels, so the
   * appearance settings, though recorded, have no effect there.
   */
  private static final ByteTrackConfig FALLBACK = ByteTrackConfig.defaults();

  /** The SAM 2 loop's settings. */
  private static final Sam2Config SAM2 = Sam2Config.defaults();

  private TrackJob() {}

  /**
   * The tracker's name and every setting ({@link VideoTracker#provenance}) into {@code
   * params_json}, so they also enter the run id.
   */
  private static void putTracker(Map<String, Object> params, VideoTracker tracker) {
    params.put("tracker", tracker.name());
    params.put("tracker_config", tracker.settings());
  }

  /**
   * Precomputed detections: {@code --out DIR --detections PATH --detector SRC --output-source NAME
   * [--keyframes SRC --keyframe-interval K]}. Customer model: {@code --out DIR --videos DIR
   * --detector MODEL.onnx [--class-map CSV] [--score-threshold T] [--max-frames N] [--image-fps F]
   * [--model-source NAME] [--output-source NAME]} ({@code --videos} makes {@code --detector} a
   * model file). SAM 2: {@code --out DIR --videos DIR --sam2 BUNDLE --detections PATH --keyframes
   * SRC [--max-frames N] [--image-fps F] [--output-source NAME] [--device cpu|cuda|cuda:N]
   * [--threads N] [--gpu-discovery-script PATH]}.
   */
  public static void main(String[] args) {
    JobArguments a = JobArguments.parse(args);
    JobOptions common = JobOptions.from(a);
    if (a.optional("sam2", null) != null) {
      String device = a.optional("device", "cpu");
      // cuda: the GPU resources the session will schedule by, unless spark-submit gave them.
      Map<String, String> added =
          GpuScheduling.configure(
              System.getProperties(),
              io.keyframe.tracker.sam2.Sam2Device.parse(device),
              a.optional("gpu-discovery-script", GpuScheduling.shippedDiscoveryScript()));
      if (!added.isEmpty()) System.err.println("track: GPU scheduling " + added);
      Sam2Options s2 =
          new Sam2Options(
              common,
              a.required("videos"),
              a.required("sam2"),
              a.list("detections"),
              a.required("keyframes"),
              Integer.parseInt(a.optional("max-frames", "0")),
              a.optional("image-fps", Video.UNKNOWN_FPS),
              a.optional("output-source", "tracker"),
              device,
              Integer.parseInt(a.optional("threads", "0")));
      SparkSessions.runMain(NAME, spark -> runSam2(spark, s2));
    } else if (a.optional("videos", null) != null) {
      ModelOptions m =
          new ModelOptions(
              common,
              a.required("videos"),
              a.required("detector"),
              a.optional("class-map", null),
              a.optional("score-threshold", 0.1),
              Integer.parseInt(a.optional("max-frames", "0")),
              a.optional("image-fps", Video.UNKNOWN_FPS),
              a.optional("model-source", null),
              a.optional("output-source", "tracker"));
      SparkSessions.runMain(NAME, spark -> runModel(spark, m));
    } else {
      Options o =
          new Options(
              common,
              a.list("detections"),
              a.required("detector"),
              a.optional("keyframes", null),
              Integer.parseInt(a.optional("keyframe-interval", "0")),
              a.required("output-source"));
      SparkSessions.runMain(NAME, spark -> run(spark, o));
    }
  }

  record Outcome(
      List<Row> detections,
      List<Row> occlusions,
      List<Row> throughput,
      List<BadRecord> bad,
      long rows)
      implements Serializable {}

  public static RunRecord run(SparkSession spark, Options o) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("detector_source", o.detectorSource());
    params.put("keyframe_source", o.keyframeSource() == null ? "" : o.keyframeSource());
    params.put("keyframe_interval", o.keyframeInterval());
    params.put("output_source", o.outputSource());
    putTracker(params, new ByteTracker(FALLBACK));
    JobRun run =
        JobRun.start(
                spark,
                NAME,
                o.common(),
                params,
                InputFiles.hashes(spark, DetectionTables.withVideos(spark, o.detections())))
            .trackerPath("fallback");
    List<String> sources = new ArrayList<>(List.of(o.detectorSource()));
    if (o.keyframeSource() != null) sources.add(o.keyframeSource());
    return writeOutcomes(
        spark,
        run,
        "tracking",
        () ->
            DetectionTables.perVideo(
                spark,
                o.detections(),
                sources,
                true,
                (video, frames, rows) -> track(video, frames, rows, o),
                "source",
                "frame"));
  }

  /**
   * Detects with the customer model and tracks, one task per video group. The model is loaded (and
   * checked by the tracker module) on the driver first, so a bad model fails the job before any
   * frame is decoded; in local mode the executors then reuse that very session.
   *
   * @throws BadAnnotationException for a missing or unusable model, a bad class map or an
   *     unreadable video
   */
  public static RunRecord runModel(SparkSession spark, ModelOptions o) {
    Path modelFile = Path.of(o.model());
    if (!Files.isRegularFile(modelFile))
      throw new BadAnnotationException(modelFile, -1, -1, "model", "model file not found");
    DetectorCache.Key key;
    String classMapSha = "";
    try {
      key =
          new DetectorCache.Key(
              modelFile.toAbsolutePath().toString(),
              FileHash.sha256(modelFile),
              o.classMap() == null ? null : Path.of(o.classMap()).toAbsolutePath().toString(),
              o.scoreThreshold());
      if (o.classMap() != null) classMapSha = FileHash.sha256(Path.of(o.classMap()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash the detector model or class map", e);
    }
    DetectorModel model = DetectorCache.get(key);
    List<String> videos = videoFiles(Path.of(o.videos()));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("model_source", o.modelSource());
    params.put("model_sha256", key.sha256());
    params.put("model_layout", model.layout().name());
    params.put("class_map_sha256", classMapSha);
    params.put("score_threshold", o.scoreThreshold());
    params.put("max_frames", o.maxFrames());
    params.put("image_fps", o.imageFps());
    params.put("output_source", o.outputSource());
    putTracker(params, new ByteTracker(FALLBACK));
    JobRun run =
        JobRun.start(spark, NAME, o.common(), params, InputFiles.hashes(spark, List.of(o.videos())))
            .trackerPath("fallback")
            .model(o.modelSource(), key.sha256());
    return writeOutcomes(
        spark,
        run,
        "detect and track",
        () -> parallelize(spark, videos).map(file -> detectAndTrack(file, key, o)));
  }

  /**
   * Tracks each video with the SAM 2 bundle inside the executors (one set of ONNX Runtime sessions
   * per executor and device, reused for every video: {@link Sam2TrackerCache}), prompted by the
   * keyframe source's boxes; {@code runs.tracker_path} = {@code sam2}. The bundle is opened (and
   * every graph checked) on the driver first, so a bad bundle fails the job before any frame is
   * decoded. A video without prompts is quarantined.
   *
   * @throws BadAnnotationException for a missing or unusable bundle or an unreadable video
   */
  public static RunRecord runSam2(SparkSession spark, Sam2Options o) {
    String bundleSha;
    String model;
    Map<String, Object> params = new LinkedHashMap<>();
    // The driver checks the bundle and the device (a CPU build asked for cuda fails here) and
    // records the tracker's settings, its sessions' among them (tracker_config.session); the index
    // is the one given, tasks may get Spark's GPU.
    try (io.keyframe.tracker.sam2.Sam2VideoTracker t =
        Sam2TrackerCache.open(
            Path.of(o.bundle()).toAbsolutePath().toString(),
            o.settings(io.keyframe.tracker.sam2.Sam2Device.parse(o.device())))) {
      bundleSha = t.bundleSha256();
      model = t.manifest().model();
      putTracker(params, t);
    }
    List<String> videos = videoFiles(Path.of(o.videos()));
    // Prompts are a few boxes per video: gathered on the driver, shipped with each video's task.
    Map<String, List<Row>> prompts = new LinkedHashMap<>();
    for (Row r :
        DetectionTables.read(spark, o.detections(), List.of(o.keyframeSource()), false)
            .collectAsList())
      prompts.computeIfAbsent(r.<String>getAs("video_id"), k -> new ArrayList<>()).add(r);
    params.put("bundle_model", model);
    params.put("bundle_sha256", bundleSha);
    params.put("keyframe_source", o.keyframeSource());
    params.put("max_frames", o.maxFrames());
    params.put("image_fps", o.imageFps());
    params.put("output_source", o.outputSource());
    List<String> inputs = new ArrayList<>(o.detections());
    inputs.add(o.videos());
    JobRun run =
        JobRun.start(spark, NAME, o.common(), params, InputFiles.hashes(spark, inputs))
            .trackerPath("sam2")
            .model(model, bundleSha);
    String sha = bundleSha;
    List<Sam2Task> tasks = new ArrayList<>();
    for (String v : videos)
      tasks.add(
          new Sam2Task(
              v, prompts.getOrDefault(stem(Path.of(v).getFileName().toString()), List.of())));
    return writeOutcomes(
        spark,
        run,
        "SAM 2 tracking",
        () -> parallelize(spark, tasks).map(t -> sam2Track(t.file(), t.prompts(), o, sha)));
  }

  private static RunRecord writeOutcomes(
      SparkSession spark, JobRun run, String description, Supplier<JavaRDD<Outcome>> plan) {
    return run.writeFrom(description, plan, outcomes -> write(spark, run, outcomes));
  }

  /** One task per item, at most the default parallelism's slices. */
  private static <T> JavaRDD<T> parallelize(SparkSession spark, List<T> items) {
    int slices = Math.max(1, Math.min(items.size(), spark.sparkContext().defaultParallelism()));
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(items, slices);
  }

  /** A video file and its prompt rows, shipped to an executor. */
  record Sam2Task(String file, List<Row> prompts) implements Serializable {}

  /** The quarantine row of a video whose prompts SAM 2 cannot start from, naming why. */
  private static BadRecord promptsRefused(
      String video, Sam2Options o, String reason, List<Row> promptRows) {
    return BadRecord.inDetections(
        video, NAME, o.keyframeSource(), -1, null, reason, promptRows.size());
  }

  /** One video inside an executor: its prompts, its frames, the SAM 2 loop, rows. */
  static Outcome sam2Track(String file, List<Row> promptRows, Sam2Options o, String bundleSha)
      throws IOException {
    Path path = Path.of(file);
    String video = stem(path.getFileName().toString());
    DetectionRows.VideoSets sets = DetectionRows.group(video, NAME, promptRows);
    List<BadRecord> bad = new ArrayList<>(sets.bad());
    AnnotationSet human = sets.bySource().get(o.keyframeSource());
    long start = System.nanoTime();
    io.keyframe.tracker.sam2.Sam2VideoTracker tracker =
        Sam2TrackerCache.get(
            new Sam2TrackerCache.Key(
                Path.of(o.bundle()).toAbsolutePath().toString(),
                bundleSha,
                o.settings(GpuScheduling.deviceForTask(o.device()))));
    try (FrameSource frames = FrameSource.open(path, o.imageFps())) {
      int n =
          o.maxFrames() > 0 ? Math.min(o.maxFrames(), frames.frameCount()) : frames.frameCount();
      List<Detection> prompts = new ArrayList<>();
      if (human != null)
        for (Detection d : human.detections())
          if (d.frame() < n
              && !d.outside()
              && d.trackId() != Detection.UNTRACKED
              && d.boxOrMaskBox() != null) prompts.add(d);
      if (prompts.isEmpty()) {
        bad.add(
            promptsRefused(
                video,
                o,
                "no boxes with track IDs from source '" + o.keyframeSource() + "' to prompt SAM 2",
                promptRows));
        return new Outcome(List.of(), List.of(), List.of(), bad, Math.max(1, sets.rows()));
      }
      Video v = new Video(video, frames.fps(), frames.width(), frames.height(), n, "");
      TrackedVideo result;
      try {
        synchronized (tracker) {
          result = tracker.track(v, FrameImages.of(frames), prompts, null);
        }
      } catch (IllegalArgumentException e) {
        bad.add(promptsRefused(video, o, e.getMessage(), promptRows));
        return new Outcome(List.of(), List.of(), List.of(), bad, sets.rows());
      }
      return outcome(video, result, o.outputSource(), start, List.of(), bad, sets.rows());
    }
  }

  private static RunRecord write(SparkSession spark, JobRun run, JavaRDD<Outcome> outcomes) {
    List<Outcome> collected = outcomes.collect();
    spark.sparkContext().setJobDescription(NAME + ": write");
    run.quarantine(collected, Outcome::bad, Outcome::rows);
    run.stageDetections(outcomes.flatMap(x -> x.detections().iterator()));
    run.stageOcclusionEvents(outcomes.flatMap(x -> x.occlusions().iterator()));
    run.stage(Table.THROUGHPUT, outcomes.flatMap(x -> x.throughput().iterator()));
    return run.commit();
  }

  /**
   * The videos under {@code dir}: files {@link FrameSource#isVideoFile} accepts and folders,
   * sorted, hidden entries skipped.
   */
  static List<String> videoFiles(Path dir) {
    if (!Files.isDirectory(dir))
      throw new BadAnnotationException(dir, -1, -1, "videos", "not a folder of videos");
    List<String> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_")) continue;
        if (!Files.isDirectory(p) && !FrameSource.isVideoFile(p)) continue;
        if (!ids.add(stem(name)))
          throw new BadAnnotationException(
              p, -1, -1, "video_id", "two videos share the ID " + stem(name));
        out.add(p.toAbsolutePath().toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the videos folder", e);
    }
    if (out.isEmpty())
      throw new BadAnnotationException(
          dir, -1, -1, "videos", "no MP4, DICOM or NIfTI file and no frame folder in it");
    return out;
  }

  /**
   * One video inside an executor: decode (up to {@code maxFrames}), detect with this JVM's shared
   * session, track with the fallback without pixels (as the precomputed path does), build rows.
   */
  static Outcome detectAndTrack(String file, DetectorCache.Key key, ModelOptions o) {
    Path path = Path.of(file);
    String video = stem(path.getFileName().toString());
    DetectorModel model = DetectorCache.get(key);
    long start = System.nanoTime();
    AnnotationSet detections;
    try (FrameSource frames = FrameSource.open(path, o.imageFps())) {
      int n =
          o.maxFrames() > 0 ? Math.min(o.maxFrames(), frames.frameCount()) : frames.frameCount();
      Video v = new Video(video, frames.fps(), frames.width(), frames.height(), n, "");
      Iterable<Frame> firstN = () -> IntStream.range(0, n).mapToObj(frames::read).iterator();
      synchronized (model) {
        detections = model.detectVideo(v, firstN, null);
      }
    }
    List<Row> modelRows = new ArrayList<>(detections.detections().size());
    for (Detection d : detections.detections())
      modelRows.add(DetectionRows.toRow(video, o.modelSource(), d));
    TrackedVideo result =
        new ByteTracker(FALLBACK).track(detections, FrameImages.NONE, List.of(), null);
    return outcome(video, result, o.outputSource(), start, modelRows, List.of(), modelRows.size());
  }

  private static String stem(String name) {
    return Video.idFromFileName(name);
  }

  static Outcome track(String video, VideoFrames frames, Iterable<Row> rows, Options o) {
    DetectionRows.VideoSets sets = DetectionRows.group(video, NAME, frames, rows);
    List<BadRecord> bad = new ArrayList<>(sets.bad());
    AnnotationSet detections = sets.bySource().get(o.detectorSource());
    if (detections == null) return new Outcome(List.of(), List.of(), List.of(), bad, sets.rows());
    List<Detection> keyframes = new ArrayList<>();
    AnnotationSet human =
        o.keyframeSource() == null ? null : sets.bySource().get(o.keyframeSource());
    if (human != null && o.keyframeInterval() > 0)
      for (Detection d : human.detections())
        if (d.frame() % o.keyframeInterval() == 0
            && !d.outside()
            && d.trackId() != Detection.UNTRACKED) keyframes.add(d);
    long start = System.nanoTime();
    TrackedVideo result;
    try {
      result = new ByteTracker(FALLBACK).track(detections, FrameImages.NONE, keyframes, null);
    } catch (BadAnnotationException | IllegalArgumentException e) {
      bad.add(
          BadRecord.inDetections(
              video,
              NAME,
              o.detectorSource(),
              -1,
              null,
              e.getMessage(),
              detections.detections().size()));
      return new Outcome(List.of(), List.of(), List.of(), bad, sets.rows());
    }
    return outcome(video, result, o.outputSource(), start, List.of(), bad, sets.rows());
  }

  /**
   * Rows for one video tracked since {@code start} ({@link System#nanoTime}): {@code extra}
   * detection rows first, then the tracks, occlusions and throughput (over the tracked video's
   * frames).
   */
  private static Outcome outcome(
      String video,
      TrackedVideo result,
      String outputSource,
      long start,
      List<Row> extra,
      List<BadRecord> bad,
      long rows) {
    double seconds = (System.nanoTime() - start) / 1e9;
    int frames = result.tracks().video().frameCount();
    List<Row> det = new ArrayList<>(extra.size() + result.tracks().detections().size());
    det.addAll(extra);
    for (Detection d : result.tracks().detections())
      det.add(DetectionRows.toRow(video, outputSource, d));
    int last = frames - 1;
    List<Row> occ = new ArrayList<>();
    for (OcclusionEvent e : result.occlusions())
      occ.add(
          OcclusionRows.toRow(
              video, outputSource, e, recommended(e, result.recommendedKeyframes(), last)));
    Row throughput =
        RowFactory.create(
            NAME, frames, seconds, seconds > 0 ? frames / seconds : Double.NaN, video);
    return new Outcome(det, occ, List.of(throughput), bad, rows);
  }

  /**
   * The tracker's recommended keyframe for this event's track after the event, else the
   * re-emergence frame.
   */
  private static int recommended(
      OcclusionEvent e, List<RecommendedKeyframe> keyframes, int lastFrame) {
    int best = Integer.MAX_VALUE;
    for (RecommendedKeyframe k : keyframes)
      if (k.trackId() == e.trackId() && k.frame() > e.startFrame())
        best = Math.min(best, k.frame());
    return best != Integer.MAX_VALUE
        ? best
        : Math.min(e.reemergenceFrame(), Math.max(0, lastFrame));
  }
}
