/** JFreeChart PNGs and frame thumbnails drawn from detections (never from video pixels). */
package io.keyframe.report.chart;
