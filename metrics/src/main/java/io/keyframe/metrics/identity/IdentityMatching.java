package io.keyframe.metrics.identity;

import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.sequence.SequenceFrame;
import io.keyframe.metrics.sequence.TrackingSequence;

/**
 * Identity metrics (Ristani et al. 2016, "Performance Measures and a Data Set for Multi-Target,
 * Multi-Camera Tracking"): one global one-to-one matching of ground-truth to predicted IDs that
 * maximises the frames on which matched IDs overlap enough; IDFN and IDFP are what it leaves.
 *
 * <p>py-motmetrics and TrackEval solve a {@code (G+P)²} matrix with dummy rows; its optimum equals
 * the maximum-weight matching on the {@code G x P} overlap counts used here, and IDTP, IDFP and
 * IDFN depend only on that optimum value.
 */
public final class IdentityMatching {
  private IdentityMatching() {}

  /**
   * Identity counts from per-ID presence and per-pair overlap counts.
   *
   * @param gtCount frames each ground-truth ID is present
   * @param predCount frames each predicted ID is present
   * @param pairCount row-major {@code gtCount.length x predCount.length}: frames where the pair
   *     overlaps enough to count
   */
  public static IdentityCounts of(long[] gtCount, long[] predCount, long[] pairCount) {
    int g = gtCount.length, p = predCount.length;
    long totalGt = 0, totalPred = 0;
    for (long c : gtCount) totalGt += c;
    for (long c : predCount) totalPred += c;
    // Only IDs with some overlap can take part in a matching worth anything.
    int[] rows = new int[g], cols = new int[p];
    int nr = 0, nc = 0;
    boolean[] colUsed = new boolean[p];
    for (int i = 0; i < g; i++) {
      boolean any = false;
      for (int j = 0; j < p; j++)
        if (pairCount[i * p + j] > 0) {
          any = true;
          colUsed[j] = true;
        }
      if (any) rows[nr++] = i;
    }
    for (int j = 0; j < p; j++) if (colUsed[j]) cols[nc++] = j;
    long best = 0;
    if (nr > 0) {
      double[] cost = new double[nr * nc];
      for (int a = 0; a < nr; a++)
        for (int b = 0; b < nc; b++) cost[a * nc + b] = -pairCount[rows[a] * p + cols[b]];
      int[] match = new LinearAssignment().solve(cost, nr, nc);
      for (int a = 0; a < nr; a++)
        if (match[a] >= 0) best += pairCount[rows[a] * p + cols[match[a]]];
    }
    return new IdentityCounts(best, totalPred - best, totalGt - best);
  }

  /**
   * TrackEval's identity metrics on a sequence: a pair overlaps enough when similarity ≥ {@code
   * threshold} (0.5 in TrackEval).
   */
  public static IdentityCounts of(TrackingSequence seq, double threshold) {
    int g = seq.numGtIds(), p = seq.numPredIds();
    long[] gtCount = new long[g], predCount = new long[p], pair = new long[g * p];
    double[] dense = new double[0];
    for (SequenceFrame f : seq.frames()) {
      int[] gt = f.gt(), pr = f.pred();
      for (int id : gt) gtCount[id]++;
      for (int id : pr) predCount[id]++;
      if (threshold > 0) {
        int[] nz = f.nonZero();
        double[] s = f.values();
        for (int t = 0; t < nz.length; t++)
          if (s[t] >= threshold) pair[gt[nz[t] / pr.length] * p + pr[nz[t] % pr.length]]++;
      } else {
        // Zero similarities count too at threshold 0: every pair.
        double[] s = dense = f.similarity(dense);
        for (int i = 0; i < gt.length; i++) {
          int base = i * pr.length, row = gt[i] * p;
          for (int j = 0; j < pr.length; j++) if (s[base + j] >= threshold) pair[row + pr[j]]++;
        }
      }
    }
    return of(gtCount, predCount, pair);
  }
}
