/**
 * The low-level input every tracking metric reads: per frame, the ground-truth and predicted IDs
 * and their similarity matrix (TrackEval's per-timestep form), built from annotation sets or by
 * hand.
 */
package io.keyframe.metrics.sequence;
