package io.keyframe.dataset;

import java.util.List;

/** Small annotation sets that the format tests build by hand. */
public final class TestSets {
  /** The ward-3 clip of the COCO and CVAT tests: 4x3 pixels, six frames at 12.5 fps. */
  public static final Video WARD_3 = new Video("ward-3", 12.5, 4, 3, 6, "videos/ward-3.mp4");

  private TestSets() {}

  /**
   * A detection of track {@code trackId} in {@code frame} with a box, the rest at the builder's
   * defaults until set: the expected value most reader tests start from.
   */
  public static Detection.Builder trackedBox(int frame, int trackId, String label, Box box) {
    return Detection.builder(frame, label).trackId(trackId).box(box);
  }

  /** Detections of the one class {@code object} (MOT's label), of unknown provenance. */
  public static AnnotationSet objects(Video video, Detection... detections) {
    return new AnnotationSet(video, Provenance.unknown(), List.of("object"), List.of(detections));
  }

  /** Detections in {@link #WARD_3} with the classes iv_pole, bed_rail and monitor. */
  public static AnnotationSet wardThree(Provenance provenance, Detection... detections) {
    return new AnnotationSet(
        WARD_3, provenance, List.of("iv_pole", "bed_rail", "monitor"), List.of(detections));
  }
}
