/**
 * The tracking benchmark behind {@code bench/tracking.sh}: generated occlusion-heavy videos,
 * tracker variants, TrackEval-style metrics.
 */
package io.keyframe.tracker.bench;
