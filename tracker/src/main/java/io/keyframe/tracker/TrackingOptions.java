package io.keyframe.tracker;

import io.keyframe.dataset.Video;
import java.nio.file.Path;

/**
 * What {@link TrackingRun#run} should do; the CLI's {@code track} command maps its flags onto this.
 *
 * @param video MP4 file or image folder; may be null when {@code detections} is given (no
 *     appearance cue then, and the SAM 2 path is unavailable)
 * @param detector detector ONNX model (DJL), or null
 * @param detections precomputed untracked detections in any format keyframe reads (MOT, CVAT, COCO,
 *     ...), or null; exactly one of {@code detector} and {@code detections} unless {@code
 *     sam2Bundle} is given with a keyframe file
 * @param sam2Bundle SAM 2 / EdgeTAM bundle folder (with manifest.json), or null for the fallback
 *     tracker
 * @param classMapping class-mapping CSV for the detector, or null for COCO to project classes
 * @param keyframes {@code none} (no keyframes, no stitching), {@code auto} (ID stitching and
 *     recommended keyframes) or the path of an annotation file whose keyframe-flagged shapes (all
 *     shapes when none is flagged) are human boxes with IDs
 * @param out output folder
 * @param scoreThreshold detector score threshold
 * @param batchSize detector frames per forward call
 * @param intraOpThreads ONNX Runtime intra-op threads (0 = default)
 * @param imageFps frame rate assumed for image folders (and DICOM or NIfTI without a frame rate)
 * @param sliceAxis for a NIfTI volume: the voxel axis frames step along, {@code x}, {@code y} or
 *     {@code z}
 * @param volume for a 4D NIfTI file: which volume (0-based)
 * @param allowTruncatedVideo read an MP4 whose data ends before the frames its header declares up
 *     to its last good frame, with a warning ({@link TrackingRun.Outcome#warnings()}), instead of
 *     failing
 */
public record TrackingOptions(
    Path video,
    Path detector,
    Path detections,
    Path sam2Bundle,
    Path classMapping,
    String keyframes,
    Path out,
    double scoreThreshold,
    int batchSize,
    int intraOpThreads,
    double imageFps,
    String sliceAxis,
    int volume,
    boolean allowTruncatedVideo) {
  public TrackingOptions {
    sliceAxis = sliceAxis == null ? "z" : sliceAxis;
    io.keyframe.dataset.frames.nifti.NiftiFrameSource.Axis.parse(sliceAxis);
    if (volume < 0) throw new IllegalArgumentException("volume index is negative: " + volume);
    if (out == null) throw new IllegalArgumentException("an output folder is required");
    keyframes = keyframes == null ? "auto" : keyframes;
    if (sam2Bundle == null && (detector == null) == (detections == null))
      throw new IllegalArgumentException(
          "give exactly one of a detector model and a detections file");
    if (detector != null && video == null)
      throw new IllegalArgumentException("a detector needs the video");
    if (sam2Bundle != null && video == null)
      throw new IllegalArgumentException("the SAM 2 tracker needs the video");
    if (!(scoreThreshold >= 0 && scoreThreshold <= 1))
      throw new IllegalArgumentException("score threshold not in [0,1]");
    if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
    if (intraOpThreads < 0) throw new IllegalArgumentException("intra-op threads is negative");
    Video.checkFps(imageFps);
  }

  /**
   * Defaults for everything but inputs and output: keyframes auto, threshold 0.1, batch 4, 30 fps
   * for image folders, slices along z of volume 0 for NIfTI inputs, truncated MP4s refused.
   */
  public static TrackingOptions of(Path video, Path detector, Path detections, Path out) {
    return new TrackingOptions(
        video,
        detector,
        detections,
        null,
        null,
        "auto",
        out,
        0.1,
        4,
        0,
        Video.UNKNOWN_FPS,
        "z",
        0,
        false);
  }

  public TrackingOptions withKeyframes(String k) {
    return with(sam2Bundle, k);
  }

  public TrackingOptions withSam2(Path bundle) {
    return with(bundle, keyframes);
  }

  private TrackingOptions with(Path sam2Bundle, String keyframes) {
    return new TrackingOptions(
        video,
        detector,
        detections,
        sam2Bundle,
        classMapping,
        keyframes,
        out,
        scoreThreshold,
        batchSize,
        intraOpThreads,
        imageFps,
        sliceAxis,
        volume,
        allowTruncatedVideo);
  }
}
