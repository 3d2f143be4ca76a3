package io.keyframe.report.labelnext;

/**
 * Filters of the "Label next" queue; {@code null} means "any".
 *
 * @param video pseudonymised video ID
 * @param label class that must be among the row's labels
 * @param signal acquisition signal that must be among the row's reasons
 */
public record QueueFilter(String video, String label, String signal) {
  /** No filtering. */
  public static final QueueFilter NONE = new QueueFilter(null, null, null);

  public QueueFilter {
    video = blankToNull(video);
    label = blankToNull(label);
    signal = blankToNull(signal);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
