package io.keyframe.scoring.qa;

import java.util.List;
import java.util.Objects;

/**
 * Who labels one item: one annotator, or two distinct ones for a double-blind overlap item.
 *
 * @param annotators one or two distinct annotator IDs
 */
public record Assignment(WorkItem item, List<String> annotators) {
  public Assignment {
    Objects.requireNonNull(item, "item");
    annotators = List.copyOf(annotators);
    if (annotators.isEmpty() || annotators.size() > 2)
      throw new IllegalArgumentException(
          "an item goes to one or two annotators, not " + annotators.size());
    if (annotators.size() == 2 && annotators.get(0).equals(annotators.get(1)))
      throw new IllegalArgumentException(
          "overlap item " + item.id() + " given twice to " + annotators.get(0));
  }

  /** True for a double-labelled item. */
  public boolean overlap() {
    return annotators.size() == 2;
  }
}
