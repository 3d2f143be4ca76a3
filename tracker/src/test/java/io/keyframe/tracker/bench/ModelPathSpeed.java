package io.keyframe.tracker.bench;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Frame;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.frames.Mp4FrameSource;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.TrackedVideo;
import io.keyframe.tracker.WhiteSquare;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTracker;
import io.keyframe.tracker.detector.DetectorModel;
import io.keyframe.tracker.detector.DetectorOptions;
import io.keyframe.tracker.sam2.Sam2Config;
import io.keyframe.tracker.sam2.Sam2VideoTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Frames per second of each model path on this CPU: the two shipped detectors through DJL on the
 * real bedroom clip, the fallback tracker on their output, and the SAM 2 loop on the fixture bundle
 * (tiny graphs: this measures the Java loop's own overhead, not a real SAM 2 model, whose weights
 * cannot be exported here).
 */
public final class ModelPathSpeed {
  private ModelPathSpeed() {}

  /** Lines {@code path=NAME fps=X ...}; paths whose inputs are missing are reported as skipped. */
  public static List<String> measure(Path shared, Path repoRoot) {
    List<String> out = new ArrayList<>();
    Path clip = shared.resolve("videos/bedroom.mp4");
    List<Frame> frames = new ArrayList<>();
    if (Files.isRegularFile(clip)) {
      try (Mp4FrameSource src = new Mp4FrameSource(clip)) {
        for (Frame f : src) {
          frames.add(f);
          if (frames.size() == 32) break;
        }
      }
    }
    AnnotationSet deimDets = null;
    for (String model : List.of("deimv2_hgnetv2_atto_coco.onnx", "yolox_nano.onnx")) {
      Path file = shared.resolve("models").resolve(model);
      if (frames.isEmpty() || !Files.isRegularFile(file)) {
        out.add("path=detector:" + model + " skipped (model or clip missing)");
        continue;
      }
      try (DetectorModel m = DetectorModel.load(file, DetectorOptions.defaults())) {
        m.detect(frames.subList(0, Math.min(4, frames.size()))); // warm-up
        Video v =
            new Video(
                "bedroom", 24, frames.get(0).width(), frames.get(0).height(), frames.size(), "");
        long t0 = System.nanoTime();
        AnnotationSet dets = m.detectVideo(v, frames, null);
        double secs = (System.nanoTime() - t0) / 1e9;
        out.add(
            String.format(
                Locale.ROOT,
                "path=detector:%s batch=%d fps=%.1f (960x540 frames, DJL + ONNX Runtime CPU)",
                model,
                m.batchSize(),
                frames.size() / secs));
        if (deimDets == null) deimDets = dets;
      } catch (Exception e) {
        out.add("path=detector:" + model + " failed: " + e.getMessage());
      }
    }
    if (deimDets != null) {
      List<Frame> fs = frames;
      TrackedVideo r =
          new ByteTracker(ByteTrackConfig.defaults())
              .track(deimDets, f -> f < fs.size() ? fs.get(f).image() : null, List.of(), null);
      out.add(
          String.format(
              Locale.ROOT,
              "path=fallback-tracker(bedroom, appearance) fps=%.1f (tracking only, detections given)",
              r.framesPerSecond()));
    }
    Path bundle = repoRoot.resolve("tracker/src/test/resources/io/keyframe/tracker/sam2/sam2");
    if (Files.isDirectory(bundle)) {
      try (Sam2VideoTracker t = Sam2VideoTracker.open(bundle, 1, Sam2Config.defaults())) {
        int n = 200;
        Video v = new Video("square", 10, 64, 64, n, "");
        FrameImages img = f -> WhiteSquare.frame(64, 16, 16, 32);
        TrackedVideo r =
            t.track(v, img, List.of(Detection.of(0, 1, "object", new Box(16, 16, 32, 32))), null);
        out.add(
            String.format(
                Locale.ROOT,
                "path=sam2-loop(fixture graphs, 1 object) fps=%.1f (loop overhead only; no real SAM 2 weights here)",
                r.framesPerSecond()));
      } catch (Exception e) {
        out.add("path=sam2-loop failed: " + e.getMessage());
      }
    } else out.add("path=sam2 skipped (no bundle)");
    return out;
  }
}
