/**
 * keyframe's domain model: immutable records for boxes, RLE masks, detections, tracks, annotation
 * sets with provenance, and videos. Formats live in sub-packages ({@code mot}, {@code cvat}, {@code
 * coco}), frame sources in {@code frames}. The synthetic clinic generator is its own module, {@code
 * synth} ({@code io.keyframe.synth}).
 *
 * <p>Frame indices are 0-based everywhere inside keyframe; readers and writers convert to each
 * format's own convention (MOTChallenge counts from 1).
 */
package io.keyframe.dataset;
