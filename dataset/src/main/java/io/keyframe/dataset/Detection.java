package io.keyframe.dataset;

import java.util.Map;
import java.util.Objects;

/**
 * One object in one frame: a box and/or an RLE mask, its class, and what we know about it.
 *
 * @param frame 0-based frame index
 * @param trackId object ID, stable across frames; {@link #UNTRACKED} for a plain detection
 * @param label class name (project class, e.g. {@code iv_pole})
 * @param box box in pixels, or null when only a mask is given
 * @param mask RLE mask, or null
 * @param score detection confidence in [0,1] for models; 1 for human labels; for MOTChallenge
 *     ground truth the "consider" flag (0 = ignore)
 * @param classProbabilities per-class probabilities from a model; empty when unknown
 * @param visibility visible fraction in [0,1], or -1 when unknown
 * @param occluded CVAT's {@code occluded} flag: present but (partly) hidden
 * @param outside CVAT's {@code outside} flag: the object has left the view; a track-end marker
 * @param keyframe CVAT's {@code keyframe} flag: a human placed this shape
 * @param source what the file said beyond these fields (annotation id, crowd, polygons, area), kept
 *     for a same-format write; {@link SourceFields#NONE} for most detections
 */
public record Detection(
    int frame,
    int trackId,
    String label,
    Box box,
    Mask mask,
    double score,
    Map<String, Double> classProbabilities,
    double visibility,
    boolean occluded,
    boolean outside,
    boolean keyframe,
    SourceFields source) {

  /** Track ID of a detection not (yet) linked to a track. */
  public static final int UNTRACKED = -1;

  public Detection {
    if (frame < 0) throw new IllegalArgumentException("frame is negative: " + frame);
    if (trackId < UNTRACKED) throw new IllegalArgumentException("track id is negative: " + trackId);
    Objects.requireNonNull(label, "label");
    if (box == null && mask == null)
      throw new IllegalArgumentException("detection needs a box or a mask");
    if (Double.isNaN(score)) throw new IllegalArgumentException("score is NaN");
    classProbabilities = classProbabilities == null ? Map.of() : Map.copyOf(classProbabilities);
    if (!(visibility == -1 || (visibility >= 0 && visibility <= 1)))
      throw new IllegalArgumentException(
          "visibility not in [0,1] (or -1 = unknown): " + visibility);
    source = source == null ? SourceFields.NONE : source;
  }

  /** A detection with nothing beyond keyframe's fields ({@link SourceFields#NONE}). */
  public Detection(
      int frame,
      int trackId,
      String label,
      Box box,
      Mask mask,
      double score,
      Map<String, Double> classProbabilities,
      double visibility,
      boolean occluded,
      boolean outside,
      boolean keyframe) {
    this(
        frame,
        trackId,
        label,
        box,
        mask,
        score,
        classProbabilities,
        visibility,
        occluded,
        outside,
        keyframe,
        SourceFields.NONE);
  }

  /** A visible, human-style box label. */
  public static Detection of(int frame, int trackId, String label, Box box) {
    return builder(frame, label).trackId(trackId).box(box).build();
  }

  /** The box, or the mask's bounding box when only a mask was given (empty mask: null). */
  public Box boxOrMaskBox() {
    return box != null ? box : mask.bbox().orElse(null);
  }

  public Detection withTrackId(int id) {
    return toBuilder().trackId(id).build();
  }

  public Detection withLabel(String newLabel) {
    return toBuilder().label(newLabel).build();
  }

  public Detection withBox(Box newBox) {
    return toBuilder().box(newBox).build();
  }

  public Detection withMask(Mask newMask) {
    return toBuilder().mask(newMask).build();
  }

  public Detection withScore(double newScore) {
    return toBuilder().score(newScore).build();
  }

  public Detection withFlags(boolean isOccluded, boolean isOutside, boolean isKeyframe) {
    return toBuilder().occluded(isOccluded).outside(isOutside).keyframe(isKeyframe).build();
  }

  public Detection withSource(SourceFields newSource) {
    return toBuilder().source(newSource).build();
  }

  /**
   * A detection in {@code frame} with class {@code label}, to fill in by name instead of by
   * position: untracked, score 1, no probabilities, visibility unknown, no flags until set.
   */
  public static Builder builder(int frame, String label) {
    return new Builder().frame(frame).label(label);
  }

  /** This detection as a builder, to copy it with some fields changed. */
  public Builder toBuilder() {
    return new Builder()
        .frame(frame)
        .trackId(trackId)
        .label(label)
        .box(box)
        .mask(mask)
        .score(score)
        .classProbabilities(classProbabilities)
        .visibility(visibility)
        .occluded(occluded)
        .outside(outside)
        .keyframe(keyframe)
        .source(source);
  }

  /** Fields of a {@link Detection} by name; {@link #build} checks them as the constructor does. */
  public static final class Builder {
    private int frame;
    private int trackId = UNTRACKED;
    private String label;
    private Box box;
    private Mask mask;
    private double score = 1.0;
    private Map<String, Double> classProbabilities = Map.of();
    private double visibility = -1;
    private boolean occluded;
    private boolean outside;
    private boolean keyframe;
    private SourceFields source = SourceFields.NONE;

    private Builder() {}

    public Builder frame(int v) {
      frame = v;
      return this;
    }

    public Builder trackId(int v) {
      trackId = v;
      return this;
    }

    public Builder label(String v) {
      label = v;
      return this;
    }

    public Builder box(Box v) {
      box = v;
      return this;
    }

    public Builder mask(Mask v) {
      mask = v;
      return this;
    }

    public Builder score(double v) {
      score = v;
      return this;
    }

    public Builder classProbabilities(Map<String, Double> v) {
      classProbabilities = v;
      return this;
    }

    public Builder visibility(double v) {
      visibility = v;
      return this;
    }

    public Builder occluded(boolean v) {
      occluded = v;
      return this;
    }

    public Builder outside(boolean v) {
      outside = v;
      return this;
    }

    public Builder keyframe(boolean v) {
      keyframe = v;
      return this;
    }

    public Builder source(SourceFields v) {
      source = v;
      return this;
    }

    public Detection build() {
      return new Detection(
          frame,
          trackId,
          label,
          box,
          mask,
          score,
          classProbabilities,
          visibility,
          occluded,
          outside,
          keyframe,
          source);
    }
  }
}
