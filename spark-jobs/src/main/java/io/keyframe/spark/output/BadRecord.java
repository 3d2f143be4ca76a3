package io.keyframe.spark.output;

import io.keyframe.dataset.BadAnnotationException;
import java.io.Serializable;
import java.util.Objects;

/**
 * One input row (or whole input file) a job refused, for the {@code quarantine} table. {@code file}
 * is the file's name only: full paths can name patients' folders.
 *
 * @param line 1-based line, or -1 when unknown
 * @param frame 0-based frame, or -1 when unknown
 * @param field the offending field, or null
 * @param rows how many input rows this record stands for (1 for a row, the file's row count for a
 *     file)
 */
public record BadRecord(
    String videoId,
    String job,
    String source,
    String file,
    long line,
    long frame,
    String field,
    String reason,
    long rows)
    implements Serializable {
  public BadRecord {
    Objects.requireNonNull(videoId, "videoId");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(source, "source");
    file = file == null ? "" : file;
    Objects.requireNonNull(reason, "reason");
    if (rows < 1)
      throw new IllegalArgumentException("a bad record stands for at least one row: " + rows);
  }

  /**
   * The record for rows of {@code source} in a video's {@code detections} table: the file is the
   * table, and tables have no line numbers (-1).
   *
   * @param frame the frame the problem is on, -1 for the whole video
   * @param field the column at fault, or null
   */
  public static BadRecord inDetections(
      String videoId,
      String job,
      String source,
      long frame,
      String field,
      String reason,
      long rows) {
    return new BadRecord(videoId, job, source, "detections", -1, frame, field, reason, rows);
  }

  /**
   * The record for a {@link BadAnnotationException} raised while reading {@code source} of video
   * {@code videoId}.
   */
  public static BadRecord of(
      String videoId, String job, String source, BadAnnotationException e, long rows) {
    String name =
        e.file() == null || e.file().getFileName() == null ? "" : e.file().getFileName().toString();
    String reason = e.getMessage();
    if (e.file() != null) reason = reason.replace(e.file().toString(), name);
    return new BadRecord(videoId, job, source, name, e.line(), e.frame(), e.field(), reason, rows);
  }
}
