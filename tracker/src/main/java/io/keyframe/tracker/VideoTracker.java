package io.keyframe.tracker;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.ProgressListener;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One tracker over one video at a time: the weight-free fallback ({@link
 * io.keyframe.tracker.bytetrack.ByteTracker}) or SAM 2 ({@link
 * io.keyframe.tracker.sam2.Sam2VideoTracker}). Both take the same inputs, with keyframes checked
 * once ({@link Keyframes}), and both say what they are and every setting they ran with ({@link
 * #provenance}), so a run's outputs name their tracker completely.
 */
public interface VideoTracker extends AutoCloseable {
  /**
   * The tracker's name in provenance: {@code bytetrack-fallback} or {@code sam2-video-predictor}.
   */
  String name();

  /** SHA-256 of the model the tracker runs, or empty for none (the fallback). */
  default String modelSha256() {
    return "";
  }

  /** Every setting that changes the output, by name, keys sorted (nested groups as maps). */
  SortedMap<String, Object> settings();

  /**
   * Whether {@link #track} reads the detections when given these keyframes; when not, a caller may
   * skip running a detector.
   */
  default boolean usesDetections(Keyframes keyframes) {
    return true;
  }

  /**
   * Tracks one video.
   *
   * @param detections untracked per-frame detections (track IDs ignored) with the video, its
   *     provenance and label list; may hold no detections when the tracker follows keyframes alone
   * @param frames pixels, or {@link FrameImages#NONE} (then no appearance cue; SAM 2 needs pixels)
   * @param keyframes human boxes with track IDs: identities to keep, re-initialised where they lie
   * @param progress receives stage {@code track}, frames done and frames in all (may be null)
   * @throws IllegalArgumentException for keyframes the tracker cannot use (e.g. past the video)
   */
  TrackedVideo track(
      AnnotationSet detections, FrameImages frames, Keyframes keyframes, ProgressListener progress);

  /**
   * Name, model hash and settings as one sorted map ({@code tracker}, {@code model_sha256}, {@code
   * config}): the provenance written beside the tracks and into a job's {@code runs} row.
   */
  default SortedMap<String, Object> provenance() {
    SortedMap<String, Object> p = new TreeMap<>();
    p.put("tracker", name());
    p.put("model_sha256", modelSha256());
    p.put("config", settings());
    return p;
  }

  /** Releases native sessions, if any. */
  @Override
  default void close() {}
}
