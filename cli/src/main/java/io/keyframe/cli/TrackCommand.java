package io.keyframe.cli;

import io.keyframe.tracker.TrackingOptions;
import io.keyframe.tracker.TrackingRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Tracks objects through a video with stable IDs across occlusions; writes MOT, CVAT and COCO. */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = "Track objects (fallback ByteTrack-style tracker, or SAM 2 with --sam2) with keyframe re-initialisation and ID stitching.")
public final class TrackCommand implements Callable<Integer> {
  @Option(names = "--video", description = "MP4 file or folder of frames (needed with --detector or --sam2).")
  Path video;

  static final class Source {
    @Option(names = "--detector", description = "Customer detector ONNX model (run through DJL / ONNX Runtime).")
    Path detector;

    @Option(names = "--detections", description = "Precomputed untracked detections (MOT, CVAT, COCO), e.g. a generated model.mot.txt.")
    Path detections;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source = new Source();

  @Option(names = "--sam2", description = "SAM 2 / EdgeTAM bundle folder (manifest.json + ONNX graphs); default: the weight-free fallback tracker.")
  Path sam2;

  @Option(names = "--class-map", description = "CSV mapping detector classes to project classes.")
  Path classMap;

  @Option(names = "--keyframes", defaultValue = "auto", description = "auto, none, or an annotation file of human keyframes (default: ${DEFAULT-VALUE}).")
  String keyframes;

  @Option(names = "--score-threshold", defaultValue = "0.1", description = "Detector score threshold (default: ${DEFAULT-VALUE}).")
  double scoreThreshold;

  @Option(names = "--threads", defaultValue = "0", description = "ONNX Runtime intra-op threads (0 = runtime default).")
  int threads;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    TrackingOptions o = new TrackingOptions(video, source.detector, source.detections, sam2, classMap, keyframes, out,
        scoreThreshold, 4, threads, 30);
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "frames");
    bar.say("track: " + (sam2 != null ? "SAM 2 bundle" : "fallback tracker") + (source.detector != null ? " with the detector model (loading ONNX Runtime)" : "") + "...");
    TrackingRun.Outcome outcome = TrackingRun.run(o, bar::update);
    var r = outcome.result();
    spec.commandLine().getOut().printf("%d tracks, %d occlusion events, %d recommended keyframes at %.1f frames/s; wrote %d files to %s%n",
        r.tracks().tracks().size(), r.occlusions().size(), r.recommendedKeyframes().size(), r.framesPerSecond(), outcome.written().size(), out);
    return 0;
  }
}
