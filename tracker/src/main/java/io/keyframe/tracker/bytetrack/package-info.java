/**
 * The weight-free fallback tracker: ByteTrack-style tracking-by-detection (Zhang et al.,
 * "ByteTrack: Multi-Object Tracking by Associating Every Detection Box", ECCV 2022) with a
 * constant-velocity Kalman filter, two-stage high/low-score association, an optional
 * colour-histogram appearance cost, keyframe-anchored re-initialisation and ID stitching across
 * occlusions.
 */
package io.keyframe.tracker.bytetrack;
