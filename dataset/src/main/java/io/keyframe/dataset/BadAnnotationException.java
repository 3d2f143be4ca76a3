package io.keyframe.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;

/**
 * Bad input at a file boundary, naming where it is (file, line or frame, field) so that a user can
 * go and fix it. The CLI maps it to exit code 2; Spark jobs record it in a quarantine table.
 *
 * @param line 1-based line number, or -1 when the format has no useful line (binary input)
 * @param frame 0-based frame index, or -1 when not known
 */
public final class BadAnnotationException extends RuntimeException {
  /** Longest problem text kept in the message. */
  public static final int MAX_PROBLEM_CHARS = 300;

  private final Path file;
  private final long line;
  private final long frame;
  private final String field;

  public BadAnnotationException(Path file, long line, long frame, String field, String problem) {
    this(file, line, frame, field, problem, null);
  }

  public BadAnnotationException(
      Path file, long line, long frame, String field, String problem, Throwable cause) {
    super(describe(file, line, frame, field, problem), cause);
    this.file = file;
    this.line = line;
    this.frame = frame;
    this.field = field;
  }

  /**
   * Jackson's parse error {@code e} at the line it points at (-1 when it has no location): {@code
   * problem}, a colon, and Jackson's own message.
   */
  public static BadAnnotationException ofJson(
      Path file, String field, String problem, JsonProcessingException e) {
    long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    return new BadAnnotationException(
        file, line, -1, field, problem + ": " + e.getOriginalMessage(), e);
  }

  private static String describe(Path file, long line, long frame, String field, String problem) {
    StringBuilder b = new StringBuilder();
    b.append(file == null ? "<input>" : file.toString());
    if (line >= 0) b.append(", line ").append(line);
    if (frame >= 0) b.append(", frame ").append(frame);
    if (field != null && !field.isEmpty()) b.append(", field '").append(field).append('\'');
    // A problem quoting the input (a 5 MB field) is cut: the message is for a person to read.
    String text = problem == null ? "" : problem;
    if (text.length() > MAX_PROBLEM_CHARS)
      text = text.substring(0, MAX_PROBLEM_CHARS) + "... (" + text.length() + " characters)";
    return b.append(": ").append(text).toString();
  }

  public Path file() {
    return file;
  }

  public long line() {
    return line;
  }

  public long frame() {
    return frame;
  }

  public String field() {
    return field;
  }
}
