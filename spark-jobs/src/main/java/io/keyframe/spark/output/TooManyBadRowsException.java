package io.keyframe.spark.output;

/**
 * A job refused more of its input than its configured bad-row fraction allows; see the run's
 * quarantine table.
 */
public final class TooManyBadRowsException extends RuntimeException {
  public TooManyBadRowsException(
      String job, long badRows, long totalRows, double maxFraction, String firstReason) {
    super(
        String.format(
            "%s: %d of %d input rows are bad (%.4f > allowed %.4f); see the quarantine table. First: %s",
            job,
            badRows,
            totalRows,
            badRows / (double) Math.max(1, totalRows),
            maxFraction,
            firstReason));
  }
}
