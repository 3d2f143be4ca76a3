package io.keyframe.metrics.hota;

import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.sequence.SequenceFrame;
import io.keyframe.metrics.sequence.TrackingSequence;

/**
 * HOTA (Luiten et al. 2021, "HOTA: A Higher Order Metric for Evaluating Multi-Object Tracking"),
 * as TrackEval's {@code hota.py}: a global alignment score between IDs steers one per-frame
 * assignment, which is then thresholded at each alpha in 0.05..0.95.
 */
public final class Hota {
  /** The 19 localisation thresholds 0.05, 0.10, ..., 0.95 (TrackEval's {@code np.arange(0.05, 0.99, 0.05)}). */
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
      return new HotaCounts(tp, fn, fp, assA, assRe, assPr, loc);
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
      double[] s = f.similarity();
      int[] nz = f.nonZero();
      double[] colSum = new double[np], rowSum = new double[ng];
      for (int k : nz) {
        colSum[k % np] += s[k];
        rowSum[k / np] += s[k];
      }
      // Zero similarities add exactly 0 to every sum, so only non-zero pairs are visited.
      for (int k : nz) {
        int i = k / np, j = k % np;
        double sij = s[k];
        double denom = colSum[j] + rowSum[i] - sij;
        if (denom > EPS) potential[gt[i] * p + pr[j]] += sij / denom;
      }
    }
    double[] align = new double[g * p];
    for (int i = 0; i < g; i++)
      for (int j = 0; j < p; j++) {
        double pm = potential[i * p + j];
        align[i * p + j] = pm / (gtCount[i] + predCount[j] - pm);
      }
    double[][] matches = new double[na][g * p];
    LinearAssignment lap = new LinearAssignment();
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
      double[] s = f.similarity();
      double[] cost = new double[ng * np];
      // -(align * 0) is -0.0: SciPy's exact input without the scattered align lookups.
      java.util.Arrays.fill(cost, -0.0);
      for (int k : f.nonZero()) cost[k] = -(align[gt[k / np] * p + pr[k % np]] * s[k]);
      int[] col = lap.solve(cost, ng, np);
      for (int a = 0; a < na; a++) {
        double alpha = ALPHAS[a] - EPS;
        int n = 0;
        double locSum = 0;
        for (int i = 0; i < ng; i++) {
          int j = col[i];
          if (j < 0) continue;
          double sij = s[i * np + j];
          if (sij >= alpha) {
            n++;
            locSum += sij;
            matches[a][gt[i] * p + pr[j]]++;
          }
        }
        tp[a] += n;
        fn[a] += ng - n;
        fp[a] += np - n;
        loc[a] += locSum;
      }
    }
    for (int a = 0; a < na; a++) {
      double[] m = matches[a];
      double sa = 0, sr = 0, sp = 0;
      for (int i = 0; i < g; i++)
        for (int j = 0; j < p; j++) {
          double c = m[i * p + j];
          if (c == 0) continue;
          sa += c * (c / Math.max(1, gtCount[i] + predCount[j] - c));
          sr += c * (c / Math.max(1, gtCount[i]));
          sp += c * (c / Math.max(1, predCount[j]));
        }
      // Stored pre-multiplied by TP: AssA = sa / max(1,TP) both per sequence and combined.
      assA[a] = sa;
      assRe[a] = sr;
      assPr[a] = sp;
    }
    return new HotaCounts(tp, fn, fp, assA, assRe, assPr, loc);
  }
}
