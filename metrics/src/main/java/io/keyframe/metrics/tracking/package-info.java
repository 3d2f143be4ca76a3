/**
 * Scores a predicted annotation set against ground truth with every tracking metric family at once
 * (CLEAR-MOT, identity, HOTA), per video, per class and combined. {@link
 * io.keyframe.metrics.tracking.TrackingEvaluation} is the one evaluation (py-motmetrics' or
 * TrackEval's convention as a parameter); it returns summable, serialisable {@link
 * io.keyframe.metrics.tracking.TrackingCounts}; {@link io.keyframe.metrics.tracking.TrackingMetric}
 * names every metric and its formula over those counts for the CLI, the Spark jobs and the reports.
 */
package io.keyframe.metrics.tracking;
