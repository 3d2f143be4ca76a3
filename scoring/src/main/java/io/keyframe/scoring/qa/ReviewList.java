package io.keyframe.scoring.qa;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expert-review list of a plan: every double-labelled item whose two annotations disagree
 * beyond the thresholds, or whose second annotation is missing.
 */
public final class ReviewList {
  private ReviewList() {}

  /**
   * Reviews the overlap items of {@code plan} given the submitted annotations (one set per
   * annotator and video; the annotator is the set's provenance source).
   *
   * @throws IllegalArgumentException when a submission comes from an annotator not in the plan or
   *     not assigned that video, or two submissions share annotator and video
   */
  public static List<ReviewItem> of(
      AssignmentPlan plan, List<AnnotationSet> submissions, ReviewThresholds t) {
    Map<String, AnnotationSet> byKey = new HashMap<>();
    for (AnnotationSet s : submissions) {
      String who = s.provenance().source(), video = s.video().id();
      plan.requireAssigned(who, video);
      if (byKey.put(who + "\u0000" + video, s) != null)
        throw new IllegalArgumentException("two submissions from " + who + " for video " + video);
    }
    List<ReviewItem> out = new ArrayList<>();
    for (Assignment a : plan.overlapItems()) {
      String first = a.annotators().get(0),
          second = a.annotators().get(1),
          video = a.item().video();
      AnnotationSet x = byKey.get(first + "\u0000" + video),
          y = byKey.get(second + "\u0000" + video);
      if (x == null || y == null) {
        List<String> missing = new ArrayList<>();
        if (x == null) missing.add(first);
        if (y == null) missing.add(second);
        out.add(
            new ReviewItem(
                video,
                -1,
                a.item(),
                a.annotators(),
                List.of("missing-submission: " + String.join(",", missing))));
        continue;
      }
      ItemAgreement ag = ItemAgreement.of(ObjectMatching.of(x, y, t.matchIou(), a.item()));
      List<String> reasons = ag.reasons(t);
      if (!reasons.isEmpty()) out.add(new ReviewItem(video, -1, a.item(), a.annotators(), reasons));
    }
    return out;
  }

  /** Writes review items as CSV, all or nothing. */
  public static void writeCsv(List<ReviewItem> items, Path target) throws IOException {
    StringBuilder b = new StringBuilder(ReviewItem.CSV_HEADER).append('\n');
    for (ReviewItem r : items) b.append(r.csvRow()).append('\n');
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    AtomicOutput.write(target, out -> out.write(bytes));
  }
}
