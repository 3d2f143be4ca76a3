/**
 * The track job: links per-frame detections into tracks, one video per task, with the tracker
 * module's weight-free fallback tracker (ByteTrack with keyframe re-initialisation). Detections
 * come either from earlier runs' tables or from the customer's ONNX detector run on the videos, one
 * model session per executor JVM ({@link io.keyframe.spark.track.DetectorCache}).
 */
package io.keyframe.spark.track;
