/**
 * Annotator scorecards (quality with CIs, speed, cost) computed by scoring's {@code Scorecards}
 * from the {@code detections} the outputs hold, the computation {@code keyframe scorecard} runs on
 * the same output root.
 */
package io.keyframe.report.scorecard;
