package io.keyframe.report.data;

import java.util.List;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * The pairs of sources (annotators or models) a table holds, as {@code a|b} in sorted order, and
 * the pair a page shows: the one asked for, else the first.
 *
 * @param pairs every pair of the table, sorted
 * @param chosen the pair shown, or {@code null} when the table holds none
 */
public record SourcePairs(List<String> pairs, String chosen) {
  public SourcePairs {
    pairs = List.copyOf(pairs);
  }

  /**
   * @param columnA the column of the first source of each row
   * @param columnB the column of the second
   * @param pair the pair asked for as {@code a|b}, or {@code null} for the first
   * @param unknown the message when the table does not hold {@code pair}
   * @throws IllegalArgumentException for a pair the table does not hold
   */
  public static SourcePairs of(
      Table t, String columnA, String columnB, String pair, String unknown) {
    TreeSet<String> pairs = new TreeSet<>();
    for (int r = 0; r < t.rowCount(); r++) {
      pairs.add(t.stringColumn(columnA).get(r) + "|" + t.stringColumn(columnB).get(r));
    }
    if (pair != null && !pairs.contains(pair)) {
      throw new IllegalArgumentException(unknown);
    }
    return new SourcePairs(
        List.copyOf(pairs), pair != null ? pair : pairs.isEmpty() ? null : pairs.first());
  }

  /** The first source of the chosen pair, or {@code null} when none. */
  public String a() {
    return chosen == null ? null : chosen.split("\\|", 2)[0];
  }

  /** The second source of the chosen pair, or {@code null} when none. */
  public String b() {
    return chosen == null ? null : chosen.split("\\|", 2)[1];
  }
}
