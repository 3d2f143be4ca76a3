package io.keyframe.metrics.clear;

/**
 * Whose reading of CLEAR-MOT to reproduce. They differ in small, documented ways: py-motmetrics
 * keeps a ground-truth object's last match over any gap, reports MOTP as mean distance (1 − IoU),
 * counts a track as mostly tracked at ratio ≥ 0.8 and a fragmentation as each tracked→missed
 * transition inside the tracked span; TrackEval keeps only the previous frame's matches, reports
 * MOTP as mean IoU, needs ratio &gt; 0.8, and counts restarts of tracking (after any gap) minus
 * one.
 */
public enum Convention {
  PY_MOTMETRICS,
  TRACKEVAL
}
