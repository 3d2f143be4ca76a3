/** Overlap between boxes and between RLE masks, single pairs and per-frame matrices. */
package io.keyframe.metrics.iou;
