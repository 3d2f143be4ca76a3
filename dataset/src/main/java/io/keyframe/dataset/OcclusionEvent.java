package io.keyframe.dataset;

/**
 * An object hidden or gone for a span of frames: the generator's manifest writes these with exact
 * truth; trackers emit them from their own signals; CVAT's {@code occluded}/{@code outside} flags
 * imply them.
 *
 * @param trackId the hidden object
 * @param startFrame first frame of the occlusion (0-based, inclusive)
 * @param endFrame last frame of the occlusion (inclusive)
 * @param cause what hid it: {@code person}, {@code cart}, {@code exit} (left the view), or {@code
 *     unknown}
 * @param full true when the object was fully hidden at some frame of the span
 */
public record OcclusionEvent(
    int trackId, int startFrame, int endFrame, String cause, boolean full) {
  public OcclusionEvent {
    if (trackId < 0) throw new IllegalArgumentException("track id is negative: " + trackId);
    if (startFrame < 0 || endFrame < startFrame)
      throw new IllegalArgumentException("bad occlusion span " + startFrame + ".." + endFrame);
    cause = cause == null ? "unknown" : cause;
  }

  /** The frame the object is visible again. */
  public int reemergenceFrame() {
    return endFrame + 1;
  }
}
