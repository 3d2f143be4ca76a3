package io.keyframe.scoring.qa;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Input of {@link AssignmentPlanner}: what to label, by whom, how much of it twice.
 *
 * @param items work items; whole videos and frame spans are not mixed in one plan (their loads are
 *     not comparable)
 * @param annotators distinct annotator IDs (pseudonyms in a clinical setting)
 * @param overlap fraction of items, in [0,1], that two annotators label independently
 * @param seed the plan is a function of (items, annotators, overlap, seed), whatever their order
 */
public record AssignmentOptions(
    List<WorkItem> items, List<String> annotators, double overlap, long seed) {
  public AssignmentOptions {
    items = List.copyOf(items);
    annotators = List.copyOf(annotators);
    if (items.isEmpty()) throw new IllegalArgumentException("no items to assign");
    if (annotators.isEmpty()) throw new IllegalArgumentException("no annotators given");
    if (!(overlap >= 0 && overlap <= 1))
      throw new IllegalArgumentException("overlap must be in [0,1]: " + overlap);
    Set<String> seen = new HashSet<>();
    for (String a : annotators) {
      if (a == null || a.isBlank()) throw new IllegalArgumentException("blank annotator name");
      if (a.contains(",") || a.contains("\"") || a.contains("\n"))
        throw new IllegalArgumentException(
            "annotator name may not contain commas, quotes or newlines: " + a);
      if (!seen.add(a)) throw new IllegalArgumentException("annotator listed twice: " + a);
    }
    if (overlap > 0 && annotators.size() < 2)
      throw new IllegalArgumentException(
          "overlap "
              + overlap
              + " needs at least two annotators to label items twice, but only one was given ("
              + annotators.get(0)
              + "); add annotators or use overlap 0");
    Set<String> ids = new HashSet<>();
    for (WorkItem i : items)
      if (!ids.add(i.id())) throw new IllegalArgumentException("item listed twice: " + i.id());
    if (items.stream().map(WorkItem::wholeVideo).distinct().count() > 1)
      throw new IllegalArgumentException(
          "plan mixes whole videos and frame spans; plan them separately");
  }
}
