package io.keyframe.scoring.signal;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Disagreement between two sources on one frame: IoU-matched boxes, then {@code count} = unmatched
 * + class mismatches + sum of (1 - IoU) over matches, and {@code value} = count / (objects in the
 * union). Both 0 when the sources agree exactly or are both empty; value 1 for a frame where one
 * source sees an object and the other does not.
 */
record PairDisagreement(
    double value,
    double count,
    int unmatchedA,
    int unmatchedB,
    int classMismatches,
    Set<Integer> objects) {

  /** Checks an IoU threshold for "same object": in (0,1]. */
  static void requireMinIou(double minIou) {
    if (!(minIou > 0 && minIou <= 1))
      throw new IllegalArgumentException("minIou not in (0,1]: " + minIou);
  }

  static PairDisagreement of(
      List<Detection> a, List<Detection> b, BoxMatcher matcher, double minIou) {
    double[][] iou = new double[a.size()][b.size()];
    for (int i = 0; i < a.size(); i++)
      for (int j = 0; j < b.size(); j++) {
        Box x = a.get(i).boxOrMaskBox();
        Box y = b.get(j).boxOrMaskBox();
        iou[i][j] = x == null || y == null ? 0 : matcher.iou(x, y);
      }
    int[] match = a.isEmpty() || b.isEmpty() ? new int[a.size()] : matcher.assign(iou, minIou);
    if (b.isEmpty()) java.util.Arrays.fill(match, -1);
    boolean[] usedB = new boolean[b.size()];
    Set<Integer> objects = new TreeSet<>();
    int matched = 0, mismatches = 0, unA = 0;
    double cost = 0;
    for (int i = 0; i < a.size(); i++) {
      int j = match[i];
      if (j < 0) {
        unA++;
        addId(objects, a.get(i));
        continue;
      }
      usedB[j] = true;
      matched++;
      cost += 1 - iou[i][j];
      if (!a.get(i).label().equals(b.get(j).label())) {
        mismatches++;
        addId(objects, a.get(i));
        addId(objects, b.get(j));
      } else if (iou[i][j] < 0.75) {
        addId(objects, a.get(i));
      }
    }
    int unB = 0;
    for (int j = 0; j < b.size(); j++)
      if (!usedB[j]) {
        unB++;
        addId(objects, b.get(j));
      }
    int union = a.size() + b.size() - matched;
    double v = union == 0 ? 0 : (unA + unB + mismatches + cost) / union;
    return new PairDisagreement(v, unA + unB + mismatches + cost, unA, unB, mismatches, objects);
  }

  private static void addId(Set<Integer> ids, Detection d) {
    if (d.trackId() >= 0) ids.add(d.trackId());
  }
}
