package io.keyframe.dataset;

import java.util.Objects;

/**
 * One image of an annotation file as the file names it: COCO/COCO-VID {@code images[]}, CVAT for
 * images {@code <image>}, YouTube-VIS {@code file_names[]}. Images of one file may differ in size
 * (COCO val2017 does), so masks on this frame have this size, not the video's.
 *
 * @param frame keyframe's 0-based frame index
 * @param id the file's image id ({@code -1} where the format has none)
 * @param fileName the file's image name, or empty
 */
public record FrameImage(int frame, long id, String fileName, int width, int height) {
  public FrameImage {
    if (frame < 0) throw new IllegalArgumentException("frame is negative: " + frame);
    Objects.requireNonNull(fileName, "fileName");
    if (width <= 0 || height <= 0)
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
  }
}
