/**
 * Video object tracking for keyframe: turns per-frame detections (or prompts) into tracks with
 * stable IDs, emits occlusion events and recommends keyframes at re-emergence points. The entry
 * point for callers is {@link io.keyframe.tracker.TrackingRun}.
 */
package io.keyframe.tracker;
