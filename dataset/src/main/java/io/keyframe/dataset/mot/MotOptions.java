package io.keyframe.dataset.mot;

import io.keyframe.dataset.Video;
import java.util.List;

/**
 * How to map a MOTChallenge file onto keyframe's model.
 *
 * @param classes class names by MOT class id: id {@code k} (1-based) is {@code classes.get(k - 1)};
 *     empty means "label = the class number as text" ({@code "object"} for class -1)
 * @param video the video the file belongs to, or null to look for {@code seqinfo.ini} beside the
 *     file (or one folder up) and otherwise derive a video from the boxes
 */
public record MotOptions(List<String> classes, Video video) {
  /** The label of results files and of class -1. */
  public static final String DEFAULT_LABEL = "object";

  public MotOptions {
    classes = classes == null ? List.of() : List.copyOf(classes);
    if (classes.contains(DEFAULT_LABEL))
      throw new IllegalArgumentException("'" + DEFAULT_LABEL + "' is reserved for class -1");
  }

  /** No class list, video from seqinfo.ini or the boxes. */
  public static MotOptions defaults() {
    return new MotOptions(List.of(), null);
  }

  /** A copy with another class list. */
  public MotOptions withClasses(List<String> names) {
    return new MotOptions(names, video);
  }

  /** A copy that uses {@code v} as the video (its length bounds the frames). */
  public MotOptions withVideo(Video v) {
    return new MotOptions(classes, v);
  }
}
