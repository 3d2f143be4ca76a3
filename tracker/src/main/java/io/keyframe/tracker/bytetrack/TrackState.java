package io.keyframe.tracker.bytetrack;

/** Lifecycle of one tracked object. */
enum TrackState {
  /** Seen once; becomes {@link #TRACKED} on its next match, or is dropped. */
  TENTATIVE,
  /** Confirmed and matched in the latest frame. */
  TRACKED,
  /** Confirmed but unmatched lately: occluded, missed or gone. */
  LOST,
  /** Out of the tracker's working set (kept only as an ID owner for keyframes and stitching). */
  REMOVED
}
