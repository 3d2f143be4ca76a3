/**
 * Drill-down: the frames behind an agreement or comparison number, read from the same tables the
 * number came from ({@code agreement_objects} beside {@code agreement}, {@code compare_frames}
 * beside {@code compare}), each frame linking to the frame page with the sources side by side.
 */
package io.keyframe.report.drilldown;
