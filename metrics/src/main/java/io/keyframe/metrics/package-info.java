/**
 * Label-quality and tracking metrics: geometry and assignment, CLEAR-MOT, identity (IDF1), HOTA,
 * video-object-segmentation J&amp;F, inter-annotator agreement and bootstrap intervals. Each metric
 * family reproduces its third-party reference (py-motmetrics, TrackEval, DAVIS, scikit-learn,
 * statsmodels, krippendorff) exactly.
 */
package io.keyframe.metrics;
