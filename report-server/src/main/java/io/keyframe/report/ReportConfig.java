package io.keyframe.report;

import io.keyframe.report.export.CvatLinks;
import io.keyframe.scoring.qa.TimeLog;
import java.util.Objects;

/**
 * What the server knows beyond the outputs: the CVAT server its deep links point into, and the
 * annotators' time log with the hourly rate that turn scorecards' quality into speed and cost (as
 * {@code keyframe scorecard --time-log --rate}).
 *
 * @param cvat deep-link target, {@link CvatLinks#NONE} for none
 * @param times seconds per annotator and video; empty = speed and cost undefined
 * @param hourlyRate cost per annotator hour
 */
public record ReportConfig(CvatLinks cvat, TimeLog times, double hourlyRate) {
  /** Cost per annotator hour when not given, as {@code keyframe scorecard}'s default. */
  public static final double DEFAULT_RATE = 40;

  /** No CVAT links, no time log. */
  public static final ReportConfig DEFAULT =
      new ReportConfig(CvatLinks.NONE, TimeLog.empty(), DEFAULT_RATE);

  public ReportConfig {
    Objects.requireNonNull(cvat, "cvat");
    Objects.requireNonNull(times, "times");
    if (!(hourlyRate >= 0) || !Double.isFinite(hourlyRate))
      throw new IllegalArgumentException("hourly rate must be a finite number >= 0: " + hourlyRate);
  }
}
