package io.keyframe.metrics.vos;

import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.iou.MaskIou;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches the masklets of two annotation sets of one video (e.g. human-verified vs model-generated)
 * one-to-one by maximum total mean IoU over the annotated frames (Hungarian), keeping pairs whose
 * mean IoU reaches {@code minIou}, then scores each pair with {@link JAndF} (the first set as
 * ground truth).
 *
 * @param minIou smallest mean IoU for two masklets to count as the same object
 * @param jAndF frame selection for the J&amp;F scores
 */
public record MaskletMatching(double minIou, JAndF jAndF) {
  public MaskletMatching {
    if (!(minIou >= 0 && minIou <= 1))
      throw new IllegalArgumentException("minIou not in [0,1]: " + minIou);
  }

  /**
   * A matched pair.
   *
   * @param reference masklet ID in the reference set
   * @param other masklet ID in the other set
   * @param meanIou mean IoU over all annotated frames (the matching score)
   * @param score J, F and J&amp;F of the other masklet against the reference
   */
  public record Pair(int reference, int other, double meanIou, ObjectScore score) {}

  /**
   * The outcome.
   *
   * @param pairs matched masklets
   * @param unmatchedReference reference masklet IDs with no partner
   * @param unmatchedOther other masklet IDs with no partner
   */
  public record Result(
      List<Pair> pairs, List<Integer> unmatchedReference, List<Integer> unmatchedOther) {
    public Result {
      pairs = List.copyOf(pairs);
      unmatchedReference = List.copyOf(unmatchedReference);
      unmatchedOther = List.copyOf(unmatchedOther);
    }

    public double meanJ() {
      return JAndF.meanJ(pairs.stream().map(Pair::score).toList());
    }

    public double meanF() {
      return JAndF.meanF(pairs.stream().map(Pair::score).toList());
    }

    public double meanJF() {
      return JAndF.meanJF(pairs.stream().map(Pair::score).toList());
    }
  }

  /** Matches and scores; both sets must cover the same annotated frames. */
  public Result match(Masklets reference, Masklets other) {
    if (reference.frames() != other.frames())
      throw new IllegalArgumentException(
          "annotation sets cover different frames: "
              + reference.frames()
              + " vs "
              + other.frames());
    int r = reference.count(), o = other.count();
    double[] iou = new double[r * o];
    for (int k = 0; k < reference.frames(); k++) {
      for (int i = 0; i < r; i++)
        for (int j = 0; j < o; j++)
          iou[i * o + j] += MaskIou.of(reference.mask(k, i), other.mask(k, j));
    }
    double[] cost = new double[r * o];
    for (int x = 0; x < iou.length; x++) {
      iou[x] /= Math.max(1, reference.frames());
      cost[x] = -iou[x];
    }
    int[] col = new LinearAssignment().solve(cost, r, o);
    List<Pair> pairs = new ArrayList<>();
    boolean[] usedOther = new boolean[o];
    List<Integer> unmatchedRef = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      int j = col[i];
      if (j < 0 || iou[i * o + j] < minIou || iou[i * o + j] == 0) {
        unmatchedRef.add(reference.id(i));
        continue;
      }
      usedOther[j] = true;
      ObjectScore s = jAndF.score(reference.id(i), reference.masklet(i), other.masklet(j));
      pairs.add(new Pair(reference.id(i), other.id(j), iou[i * o + j], s));
    }
    List<Integer> unmatchedOther = new ArrayList<>();
    for (int j = 0; j < o; j++) if (!usedOther[j]) unmatchedOther.add(other.id(j));
    return new Result(pairs, unmatchedRef, unmatchedOther);
  }
}
