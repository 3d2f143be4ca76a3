package io.keyframe.tracker.sam2;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import java.util.Arrays;
import java.util.Objects;

/**
 * One object's prompt on one frame, in video pixels, as {@code
 * SAM2VideoPredictor.add_new_points_or_box} takes it: a box (its corners become points labelled 2
 * and 3, first) and/or clicks (label 1 positive, 0 negative). The first prompt of an object starts
 * it; every later one adds a conditioning frame for the same ID (a keyframe re-initialisation).
 *
 * @param box the box, or null
 * @param points click coordinates x0, y0, x1, y1, ... (video pixels), empty for none
 * @param labels one label per click
 */
public record Sam2Prompt(
    int frame, int trackId, String label, Box box, float[] points, int[] labels) {
  public Sam2Prompt {
    Objects.requireNonNull(label, "label");
    points = points == null ? new float[0] : points.clone();
    labels = labels == null ? new int[0] : labels.clone();
    if (frame < 0) throw new IllegalArgumentException("prompt frame must be >= 0: " + frame);
    if (trackId < 0)
      throw new IllegalArgumentException("prompt at frame " + frame + " has no track ID");
    if (points.length != 2 * labels.length)
      throw new IllegalArgumentException(
          "prompt at frame "
              + frame
              + ": "
              + points.length / 2
              + " points but "
              + labels.length
              + " labels");
    if (box == null && labels.length == 0)
      throw new IllegalArgumentException(
          "prompt at frame " + frame + " has neither box nor points");
  }

  /** Click coordinates x0, y0, x1, y1, ... (video pixels); a copy. */
  @Override
  public float[] points() {
    return points.clone();
  }

  /** One label per click; a copy. */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** Number of clicks. */
  int clickCount() {
    return labels.length;
  }

  /** Click {@code q}'s x (video pixels). */
  float clickX(int q) {
    return points[2 * q];
  }

  /** Click {@code q}'s y (video pixels). */
  float clickY(int q) {
    return points[2 * q + 1];
  }

  /** Click {@code q}'s label: 1 positive, 0 negative. */
  int clickLabel(int q) {
    return labels[q];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sam2Prompt p
        && frame == p.frame
        && trackId == p.trackId
        && label.equals(p.label)
        && Objects.equals(box, p.box)
        && Arrays.equals(points, p.points)
        && Arrays.equals(labels, p.labels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        frame, trackId, label, box, Arrays.hashCode(points), Arrays.hashCode(labels));
  }

  /** A human box (a keyframe shape) as a box prompt. */
  public static Sam2Prompt of(Detection d) {
    if (d.boxOrMaskBox() == null)
      throw new IllegalArgumentException("prompt at frame " + d.frame() + " has no box");
    return new Sam2Prompt(d.frame(), d.trackId(), d.label(), d.boxOrMaskBox(), null, null);
  }

  /** A single click. */
  public static Sam2Prompt click(
      int frame, int trackId, String label, float x, float y, boolean positive) {
    return new Sam2Prompt(
        frame, trackId, label, null, new float[] {x, y}, new int[] {positive ? 1 : 0});
  }

  /** Points the decoder gets: box corners (labels 2, 3) first, then the clicks. */
  int pointCount() {
    return (box == null ? 0 : 2) + labels.length;
  }
}
