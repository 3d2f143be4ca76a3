package io.keyframe.spark.track;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.tracker.detector.ClassMapping;
import io.keyframe.tracker.detector.DetectorModel;
import io.keyframe.tracker.detector.DetectorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The customer detectors open in this JVM, one per model file, its SHA-256 and the options that
 * shape its output. An executor loads a model the first time one of its tasks needs it and every
 * later video of that executor reuses the same ONNX Runtime session; all are closed when the JVM
 * shuts down. Loading is where the tracker module checks the model, so a bad model fails here,
 * before any frame is decoded.
 *
 * <p>A {@link DetectorModel}'s predictor is not thread-safe: callers hold the model's monitor while
 * they run it (concurrent tasks of one executor take turns; ONNX Runtime's own intra-op threads
 * keep the cores busy meanwhile).
 */
final class DetectorCache {
  /**
   * What identifies one loaded detector.
   *
   * @param modelFile the ONNX file
   * @param sha256 the file's SHA-256 when the job started; a file changed since then is refused
   * @param classMap model-class to project-class CSV, or null for the COCO default
   * @param scoreThreshold boxes below this score are dropped
   */
  record Key(String modelFile, String sha256, String classMap, double scoreThreshold)
      implements java.io.Serializable {
    Key {
      Objects.requireNonNull(modelFile, "modelFile");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  private static final OpenPerJvm<Key, DetectorModel> OPEN =
      new OpenPerJvm<>("keyframe-detector-close");

  private DetectorCache() {}

  /** The detector for {@code key}, loaded (and checked) on first use in this JVM. */
  static DetectorModel get(Key key) {
    return OPEN.get(key, DetectorCache::load);
  }

  /** Number of detectors open in this JVM (for tests of the reuse). */
  static int openCount() {
    return OPEN.size();
  }

  private static DetectorModel load(Key key) {
    Path file = Path.of(key.modelFile());
    try {
      ClassMapping classes =
          key.classMap() == null
              ? ClassMapping.cocoDefault()
              : ClassMapping.read(Path.of(key.classMap()), ClassMapping.coco80());
      DetectorModel model =
          DetectorModel.load(
              file,
              DetectorOptions.defaults()
                  .withClasses(classes)
                  .withScoreThreshold(key.scoreThreshold()));
      if (!model.sha256().equals(key.sha256())) {
        model.close();
        throw new BadAnnotationException(
            file, -1, -1, "model", "model file changed since the job started (SHA-256 differs)");
      }
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the detector model", e);
    }
  }
}
