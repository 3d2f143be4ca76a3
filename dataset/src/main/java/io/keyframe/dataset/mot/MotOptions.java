package io.keyframe.dataset.mot;

import io.keyframe.dataset.Video;
import java.util.List;

/**
 * How to map a MOTChallenge file onto keyframe's model.
 *
 * @param classes class names by MOT class id: id {@code k} (1-based) is {@code classes.get(k - 1)};
 *     empty means "use {@code labels.txt} beside the file if there is one (CVAT and Datumaro MOT
 *     exports write it), else label = the class number as text" ({@code "object"} for class -1)
 * @param video the video the file belongs to, or null to look for {@code seqinfo.ini} beside the
 *     file (or one folder up) and otherwise derive a video from the boxes
 * @param layout what columns 8-10 mean, or null to detect it from the file ({@link
 *     MotReader#layout})
 */
public record MotOptions(List<String> classes, Video video, MotLayout layout) {
  /** The label of results files and of class -1. */
  public static final String DEFAULT_LABEL = "object";

  public MotOptions {
    classes = classes == null ? List.of() : List.copyOf(classes);
    if (classes.contains(DEFAULT_LABEL))
      throw new IllegalArgumentException("'" + DEFAULT_LABEL + "' is reserved for class -1");
  }

  /** Options with the layout detected from the file. */
  public MotOptions(List<String> classes, Video video) {
    this(classes, video, null);
  }

  /** No class list, video from seqinfo.ini or the boxes, layout detected. */
  public static MotOptions defaults() {
    return new MotOptions(List.of(), null, null);
  }

  /** A copy with another class list. */
  public MotOptions withClasses(List<String> names) {
    return new MotOptions(names, video, layout);
  }

  /** A copy that uses {@code v} as the video (its length bounds the frames). */
  public MotOptions withVideo(Video v) {
    return new MotOptions(classes, v, layout);
  }

  /** A copy that reads columns 8-10 as {@code l} (null: detect). */
  public MotOptions withLayout(MotLayout l) {
    return new MotOptions(classes, video, l);
  }
}
