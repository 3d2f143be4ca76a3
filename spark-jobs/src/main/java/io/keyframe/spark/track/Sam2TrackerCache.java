package io.keyframe.spark.track;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.tracker.sam2.Sam2Config;
import io.keyframe.tracker.sam2.Sam2SessionSettings;
import io.keyframe.tracker.sam2.Sam2VideoTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The SAM 2 trackers open in this JVM, one per bundle, bundle hash and session settings (which name
 * the device): an executor opens a bundle's sessions once per GPU (or once for the CPU) and every
 * later video of that executor reuses them; all are closed when the JVM shuts down.
 *
 * <p>A tracker's sessions serve one video at a time: callers hold the tracker's monitor while they
 * run it (ONNX Runtime's intra-op threads, or the GPU, stay busy meanwhile).
 */
final class Sam2TrackerCache {
  /**
   * @param bundle the bundle folder, absolute
   * @param sha256 the bundle's hash when the job started; a bundle changed since then is refused
   * @param settings device, threads and the rest of the session settings
   */
  record Key(String bundle, String sha256, Sam2SessionSettings settings) {
    Key {
      Objects.requireNonNull(bundle, "bundle");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(settings, "settings");
    }
  }

  private static final OpenPerJvm<Key, Sam2VideoTracker> OPEN =
      new OpenPerJvm<>("keyframe-sam2-close");

  private Sam2TrackerCache() {}

  /** The tracker for {@code key}, opened (and its graphs checked) on first use in this JVM. */
  static Sam2VideoTracker get(Key key) {
    return OPEN.get(key, Sam2TrackerCache::openUnchanged);
  }

  /** Opens the key's bundle, refusing one whose hash is not the job's. */
  private static Sam2VideoTracker openUnchanged(Key key) {
    Sam2VideoTracker t = open(key.bundle(), key.settings());
    if (!t.bundleSha256().equals(key.sha256())) {
      t.close();
      throw new BadAnnotationException(
          Path.of(key.bundle()),
          -1,
          -1,
          "bundle",
          "bundle changed since the job started (SHA-256 differs)");
    }
    return t;
  }

  /** Opens without caching (the driver's first look at the bundle, for its hash). */
  static Sam2VideoTracker open(String bundle, Sam2SessionSettings settings) {
    try {
      return Sam2VideoTracker.open(Path.of(bundle), settings, Sam2Config.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SAM 2 bundle", e);
    }
  }

  /** Trackers open in this JVM (for tests of the reuse). */
  static int openCount() {
    return OPEN.size();
  }
}
