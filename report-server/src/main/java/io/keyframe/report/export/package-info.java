/**
 * The expert queue and the spot-check sample as files the annotation tool opens: CVAT for video 1.1
 * (one task per video: the frames to label with their pre-annotations) and Label Studio tasks JSON.
 */
package io.keyframe.report.export;
