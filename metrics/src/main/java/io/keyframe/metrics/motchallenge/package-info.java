/**
 * The MOTChallenge evaluation protocol as TrackEval runs it ({@code
 * trackeval/datasets/mot_challenge_2d_box.py}): which ground-truth rows and predictions are scored
 * before any metric is computed, and the named protocols {@code mot-metrics} chooses between.
 */
package io.keyframe.metrics.motchallenge;
