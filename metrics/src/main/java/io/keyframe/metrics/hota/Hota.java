package io.keyframe.metrics.hota;

import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.assignment.SparseAssignment;
import io.keyframe.metrics.sequence.SequenceFrame;
import io.keyframe.metrics.sequence.TrackingSequence;

/**
 * HOTA (Luiten et al. 2021, "HOTA: A Higher Order Metric for Evaluating Multi-Object Tracking"), as
 * TrackEval's {@code hota.py}: a global alignment score between IDs steers one per-frame
 * assignment, which is then thresholded at each alpha in 0.05..0.95.
 */
public final class Hota {
  /**
   * The 19 localisation thresholds 0.05, 0.10, ..., 0.95 (TrackEval's {@code np.arange(0.05, 0.99,
   * 0.05)}).
   */
  public static final double[] ALPHAS = alphas();

  private static final double EPS = Math.ulp(1.0);

  private Hota() {}

  private static double[] alphas() {
    // np.arange accumulates start + i*step; reproduce its doubles exactly.
    double[] a = new double[19];
    for (int i = 0; i < a.length; i++) a[i] = 0.05 + i * 0.05;
    return a;
  }

  /** HOTA sums of one sequence. */
  public static HotaCounts of(TrackingSequence seq) {
    int na = ALPHAS.length;
    double[] tp = new double[na], fn = new double[na], fp = new double[na], loc = new double[na];
    double[] assA = new double[na], assRe = new double[na], assPr = new double[na];
    long gtDets = seq.numGtDets(), predDets = seq.numPredDets();
    if (predDets == 0 || gtDets == 0) {
      for (int a = 0; a < na; a++) {
        fn[a] = gtDets;
        fp[a] = predDets;
      }
      return HotaCounts.ofSums(new double[][] {tp, fn, fp, assA, assRe, assPr, loc});
    }
    int g = seq.numGtIds(), p = seq.numPredIds();
    double[] potential = new double[g * p];
    double[] gtCount = new double[g], predCount = new double[p];
    for (SequenceFrame f : seq.frames()) {
      int[] gt = f.gt(), pr = f.pred();
      int ng = gt.length, np = pr.length;
      for (int id : gt) gtCount[id]++;
      for (int id : pr) predCount[id]++;
      if (ng == 0 || np == 0) continue;
      double[] s = f.values();
      int[] nz = f.nonZero();
      double[] colSum = new double[np], rowSum = new double[ng];
      for (int t = 0; t < nz.length; t++) {
        colSum[nz[t] % np] += s[t];
        rowSum[nz[t] / np] += s[t];
      }
      // Zero similarities add exactly 0 to every sum, so only non-zero pairs are visited.
      for (int t = 0; t < nz.length; t++) {
        int i = nz[t] / np, j = nz[t] % np;
        double sij = s[t];
        double denom = colSum[j] + rowSum[i] - sij;
        if (denom > EPS) potential[gt[i] * p + pr[j]] += sij / denom;
      }
    }
    // Only pairs that ever match get counters (few, against g x p possible): pair-major, so one
    // matched pair updates its 19 alpha counters in one run.
    PairSlots slots = new PairSlots();
    double[] matches = new double[64 * na];
    int[] nFrame = new int[na];
    double[] locFrame = new double[na];
    LinearAssignment lap = new LinearAssignment();
    SparseAssignment sparse = new SparseAssignment();
    double[] cost = new double[0], listedCost = new double[0];
    for (SequenceFrame f : seq.frames()) {
      int[] gt = f.gt(), pr = f.pred();
      int ng = gt.length, np = pr.length;
      if (ng == 0) {
        for (int a = 0; a < na; a++) fp[a] += np;
        continue;
      }
      if (np == 0) {
        for (int a = 0; a < na; a++) fn[a] += ng;
        continue;
      }
      double[] s = f.values();
      int[] nz = f.nonZero();
      // The costs at the overlapping pairs; every other entry is -(align * 0) = -0.0.
      if (listedCost.length < nz.length) listedCost = new double[Math.max(nz.length, 64)];
      for (int t = 0; t < nz.length; t++) {
        int k = nz[t], gi = gt[k / np], pj = pr[k % np];
        double pm = potential[gi * p + pj];
        listedCost[t] = -(pm / (gtCount[gi] + predCount[pj] - pm) * s[t]);
      }
      // The overlapping pairs alone, one component at a time; the whole matrix, SciPy's exact
      // input, when a tie could let SciPy's own order decide.
      int[] col = sparse.solve(ng, np, nz, listedCost, nz.length, SparseAssignment.Elsewhere.ZERO);
      if (col == null) {
        if (cost.length < ng * np) cost = new double[Math.max(ng * np, 2 * cost.length)];
        java.util.Arrays.fill(cost, 0, ng * np, -0.0);
        for (int t = 0; t < nz.length; t++) cost[nz[t]] = listedCost[t];
        col = lap.solve(cost, ng, np);
      }
      java.util.Arrays.fill(nFrame, 0);
      java.util.Arrays.fill(locFrame, 0.0);
      // Alphas ascend, so a pair passes a prefix of them; sums keep TrackEval's row order per
      // alpha.
      for (int i = 0; i < ng; i++) {
        int j = col[i];
        if (j < 0) continue;
        double sij = f.similarity(i, j);
        if (!(sij >= ALPHAS[0] - EPS)) continue;
        int base = slots.slot(gt[i], pr[j]) * na;
        if (base + na > matches.length)
          matches = java.util.Arrays.copyOf(matches, 2 * matches.length);
        for (int a = 0; a < na && sij >= ALPHAS[a] - EPS; a++) {
          nFrame[a]++;
          locFrame[a] += sij;
          matches[base + a]++;
        }
      }
      for (int a = 0; a < na; a++) {
        tp[a] += nFrame[a];
        fn[a] += ng - nFrame[a];
        fp[a] += np - nFrame[a];
        loc[a] += locFrame[a];
      }
    }
    for (int slot = 0; slot < slots.size(); slot++) {
      int i = slots.gt(slot), j = slots.pred(slot), base = slot * na;
      for (int a = 0; a < na; a++) {
        double c = matches[base + a];
        if (c == 0) break; // counts shrink as alpha grows
        assA[a] += c * (c / Math.max(1, gtCount[i] + predCount[j] - c));
        assRe[a] += c * (c / Math.max(1, gtCount[i]));
        assPr[a] += c * (c / Math.max(1, predCount[j]));
      }
    }
    // Stored pre-multiplied by TP: AssA = sum / max(1,TP) both per sequence and combined.
    return HotaCounts.ofSums(new double[][] {tp, fn, fp, assA, assRe, assPr, loc});
  }

  /**
   * Dense slot numbers for (gt, pred) pairs in order of first use; open addressing on primitives.
   */
  private static final class PairSlots {
    private long[] keys = new long[128];
    private int[] values = new int[128];
    private long[] order = new long[64];
    private int size;

    int slot(int gt, int pred) {
      long key = ((long) gt << 32) | (pred & 0xffffffffL);
      int mask = keys.length - 1;
      int h = (int) (mix(key) & mask);
      while (values[h] != 0) {
        if (keys[h] == key) return values[h] - 1;
        h = (h + 1) & mask;
      }
      keys[h] = key;
      values[h] = ++size;
      if (size > order.length) order = java.util.Arrays.copyOf(order, 2 * order.length);
      order[size - 1] = key;
      if (2 * size > keys.length) rehash();
      return size - 1;
    }

    int size() {
      return size;
    }

    int gt(int slot) {
      return (int) (order[slot] >>> 32);
    }

    int pred(int slot) {
      return (int) order[slot];
    }

    private static long mix(long k) {
      k ^= k >>> 33;
      k *= 0xff51afd7ed558ccdL;
      return k ^ (k >>> 33);
    }

    private void rehash() {
      keys = new long[keys.length * 2];
      values = new int[values.length * 2];
      int mask = keys.length - 1;
      for (int s = 0; s < size; s++) {
        int h = (int) (mix(order[s]) & mask);
        while (values[h] != 0) h = (h + 1) & mask;
        keys[h] = order[s];
        values[h] = s + 1;
      }
    }
  }
}
