/**
 * The track job: links a detector's per-frame detections into tracks, one video per task, with the
 * tracker module's weight-free fallback tracker (ByteTrack with keyframe re-initialisation).
 */
package io.keyframe.spark.track;
