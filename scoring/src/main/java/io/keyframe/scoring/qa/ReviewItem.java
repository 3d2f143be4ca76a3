package io.keyframe.scoring.qa;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the expert-review list: where the annotators disagree and why.
 *
 * @param video video ID
 * @param frame the frame in question, or -1 when the whole item is in question
 * @param item the work item (whole video or span) the disagreement belongs to
 * @param annotators the annotators whose labels disagree
 * @param reasons short machine-readable reasons, e.g. {@code class-tie}, {@code mean-iou=0.41<0.70}
 */
public record ReviewItem(
    String video, int frame, WorkItem item, List<String> annotators, List<String> reasons) {
  public ReviewItem {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(item, "item");
    annotators = List.copyOf(annotators);
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) throw new IllegalArgumentException("a review item needs a reason");
  }

  /** This item with video and annotators pseudonymised (for {@code --redact}). */
  public ReviewItem redact(io.keyframe.dataset.privacy.Redactor r) {
    WorkItem w = new WorkItem(r.video(item.video()), item.firstFrame(), item.lastFrame());
    // Reasons quote annotators ("A=iv_pole", "missing-submission: B"): swap whole-token names.
    List<String> why =
        reasons.stream()
            .map(
                text -> {
                  String t = text;
                  for (String a : annotators)
                    t =
                        t.replaceAll(
                            "(?<=^|[\\s:,;])" + java.util.regex.Pattern.quote(a) + "(?=[=,;\\s]|$)",
                            java.util.regex.Matcher.quoteReplacement(r.annotator(a)));
                  return t;
                })
            .toList();
    return new ReviewItem(
        r.video(video), frame, w, annotators.stream().map(r::annotator).toList(), why);
  }

  /** CSV header for {@link #csvRow()}. */
  public static final String CSV_HEADER = "video,item,frame,annotators,reasons";

  /** {@code video,item,frame,"A;B","reason; reason"}. */
  public String csvRow() {
    return quote(video)
        + ","
        + quote(item.id())
        + ","
        + frame
        + ","
        + quote(String.join(";", annotators))
        + ","
        + quote(String.join("; ", reasons));
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
