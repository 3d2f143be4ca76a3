package io.keyframe.cli;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.tracker.TrackingOptions;
import io.keyframe.tracker.TrackingRun;
import io.keyframe.tracker.sam2.Sam2Device;
import io.keyframe.tracker.sam2.Sam2SessionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Tracks objects through a video with stable IDs across occlusions; writes MOT, CVAT and COCO. */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description =
        "Track objects (fallback ByteTrack-style tracker, or SAM 2 with --sam2) with keyframe re-initialisation and ID stitching.")
public final class TrackCommand extends KeyframeCommand {
  @Option(
      names = "--video",
      description =
          "MP4, DICOM file or series folder, NIfTI-1 volume (.nii, .nii.gz; slices along z), a folder of frame images (.png/.jpg/.jpeg in name order), or a batch video folder (meta.json, model.mot.txt; its detections are tracked when no --detections is given). Frames are needed with --detector or --sam2.")
  Path video;

  static final class Source {
    @Option(
        names = "--detector",
        description = "Customer detector ONNX model (run through DJL / ONNX Runtime).")
    Path detector;

    @Option(
        names = "--detections",
        description =
            "Precomputed untracked detections (MOT, CVAT, COCO), e.g. a generated model.mot.txt.")
    Path detections;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source = new Source();

  @Option(
      names = "--sam2",
      description =
          "SAM 2 / EdgeTAM bundle folder (manifest.json + ONNX graphs); default: the weight-free fallback tracker.")
  Path sam2;

  @Option(names = "--class-map", description = "CSV mapping detector classes to project classes.")
  Path classMap;

  @Option(
      names = "--keyframes",
      defaultValue = "auto",
      description =
          "auto, none, or an annotation file of human keyframes (default: ${DEFAULT-VALUE}).")
  String keyframes;

  @Option(
      names = "--score-threshold",
      defaultValue = "0.1",
      description = "Detector score threshold (default: ${DEFAULT-VALUE}).")
  double scoreThreshold;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description =
          "ONNX Runtime intra-op threads (0 = one per core for SAM 2, the runtime default for the detector).")
  int threads;

  @Option(
      names = "--device",
      defaultValue = "cpu",
      converter = DeviceConverter.class,
      description =
          "Where the SAM 2 graphs run: cpu, cuda (GPU 0) or cuda:N (default: ${DEFAULT-VALUE}). cuda needs the GPU build (./mvnw -Pcuda package).")
  Sam2Device device;

  /** picocli's way in to the one device parser (a bad value is a usage error, exit 2). */
  static final class DeviceConverter implements picocli.CommandLine.ITypeConverter<Sam2Device> {
    @Override
    public Sam2Device convert(String value) {
      try {
        return Sam2Device.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Option(
      names = "--slice-axis",
      defaultValue = "z",
      description =
          "For a NIfTI volume: the voxel axis frames step along, x, y or z (default: ${DEFAULT-VALUE}).")
  String sliceAxis;

  @Option(
      names = "--volume",
      defaultValue = "0",
      description = "For a 4D NIfTI file: which volume, 0-based (default: ${DEFAULT-VALUE}).")
  int volume;

  @Option(
      names = "--allow-truncated-video",
      description =
          "Track an MP4 whose data ends before the frames its header declares up to its last good"
              + " frame, with a warning (printed and written to OUT/warnings.txt); without it such"
              + " a file is an error (exit 2).")
  boolean allowTruncatedVideo;

  @Option(names = "--out", description = "Output folder (required unless --plan).")
  Path out;

  @Option(
      names = "--plan",
      paramLabel = "BATCH",
      description =
          "Track nothing: print the predicted hours (and cost with --price-per-hour) of tracking this batch folder (video folders with meta.json) with --model on --device, per video and in total, from the bench's per-graph figures (objects priced in the chunks the loop batches them in).")
  Path plan;

  @Option(
      names = "--model",
      defaultValue = "sam2",
      description =
          "With --plan: sam2, edgetam, sam2-keyframes (SAM 2 on keyframes only, the fallback between) or fallback (default: ${DEFAULT-VALUE}).")
  String planModel;

  @Option(
      names = "--figures",
      description =
          "With --plan: the figures file bench/sam2-speed.sh wrote (default: the shipped figures, measured on keyframe's 2-core development machine).")
  Path figures;

  @Option(names = "--price-per-hour", description = "With --plan: machine price per hour.")
  Double pricePerHour;

  @Option(
      names = "--keyframe-every",
      defaultValue = "30",
      description =
          "With --plan --model sam2-keyframes: one keyframe every N frames (default: ${DEFAULT-VALUE}).")
  int keyframeEvery;

  @Override
  public Integer call() throws Exception {
    if (plan != null) {
      if (pricePerHour != null && !(pricePerHour >= 0))
        throw new IllegalArgumentException("--price-per-hour must be >= 0, got " + pricePerHour);
      TrackPlan p = TrackPlan.of(plan, planModel, device, figures, keyframeEvery);
      for (String line : p.lines(pricePerHour)) stdout().println(line);
      return 0;
    }
    if (out == null) throw usageError("Missing required option: '--out=<out>'");
    Sam2SessionSettings sam2Settings =
        Sam2SessionSettings.defaults().withDevice(device).withIntraOpThreads(threads);
    if (device.isCuda()) {
      if (sam2 == null)
        throw new IllegalArgumentException(
            "--device " + device + " applies to the SAM 2 graphs: give --sam2 BUNDLE");
      // Before any input is read: a CPU build asked for CUDA says which build to use.
      sam2Settings.checkDevice();
    }
    ProgressBar bar = new ProgressBar(stderr(), "frames");
    Path frames = video;
    Path detections = source.detections;
    if (video != null
        && Files.isDirectory(video)
        && !hasImages(video)
        && !MediaInfo.isMedia(video)) {
      if (!isBatchVideoFolder(video))
        throw new BadAnnotationException(
            video,
            -1,
            -1,
            "--video",
            "a --video folder must hold the video's frames as .png/.jpg/.jpeg images, in name order (000000.png, 000001.png, ...),"
                + " or be a video folder of a batch (meta.json with model.mot.txt or model.coco.json, as 'keyframe generate' writes;"
                + " its frames/ sub-folder, when written with --png-every, gives the pixels); for a video file give the .mp4 itself");
      // keyframe's batch layout: frames in frames/ (when rendered), the customer model's detections
      // beside them.
      Path sub = video.resolve("frames");
      frames = Files.isDirectory(sub) && hasImages(sub) ? sub : null;
      if (detections == null && source.detector == null)
        detections =
            Files.isRegularFile(video.resolve("model.mot.txt"))
                ? video.resolve("model.mot.txt")
                : video.resolve("model.coco.json");
      if (frames == null && (source.detector != null || sam2 != null))
        throw new BadAnnotationException(
            video,
            -1,
            -1,
            "--video",
            "this batch video folder has no rendered frames (frames/*.png), which --detector and --sam2 need;"
                + " regenerate with 'keyframe generate --png-every 1', or track the model's detections without them");
      bar.say(
          "track: batch video folder; detections from "
              + (detections == null ? "--detector" : detections.getFileName())
              + ", frames "
              + (frames == null ? "not needed by the fallback tracker" : "from frames/"));
    }
    TrackingOptions o =
        new TrackingOptions(
            frames,
            source.detector,
            detections,
            sam2,
            classMap,
            keyframes,
            out,
            scoreThreshold,
            4,
            threads,
            30,
            sliceAxis,
            volume,
            allowTruncatedVideo);
    bar.say(
        "track: "
            + (sam2 != null ? "SAM 2 bundle" : "fallback tracker")
            + (source.detector != null ? " with the detector model (loading ONNX Runtime)" : "")
            + "...");
    TrackingRun.Outcome outcome = TrackingRun.run(o, sam2Settings, bar::update);
    var r = outcome.result();
    for (String w : outcome.warnings()) stderr().println("warning: " + w);
    stdout()
        .printf(
            "%d tracks, %d occlusion events, %d recommended keyframes at %.1f frames/s; wrote %d files to %s%n",
            r.tracks().tracks().size(),
            r.occlusions().size(),
            r.recommendedKeyframes().size(),
            r.framesPerSecond(),
            outcome.written().size(),
            out);
    return 0;
  }

  private static boolean hasImages(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT))
          .anyMatch(
              n ->
                  !n.startsWith(".")
                      && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")));
    }
  }

  private static boolean isBatchVideoFolder(Path dir) {
    return Files.isRegularFile(dir.resolve("model.mot.txt"))
        || Files.isRegularFile(dir.resolve("model.coco.json"));
  }
}
