package io.keyframe.metrics.clear;

import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.assignment.SparseAssignment;
import io.keyframe.metrics.sequence.SequenceFrame;
import io.keyframe.metrics.sequence.TrackingSequence;
import java.util.Arrays;

/**
 * CLEAR-MOT (Bernardin &amp; Stiefelhagen 2008) as TrackEval's {@code clear.py} computes it: per
 * frame one assignment maximising (1000 × "same pair as the previous frame" + similarity) over
 * pairs with similarity ≥ threshold; an ID switch is a match to another tracker ID than the
 * object's last match (any gap); fragmentations are restarts of tracking minus one.
 */
public final class TrackEvalClear {
  private static final double EPS = Math.ulp(1.0);

  private TrackEvalClear() {}

  /** CLEAR counts of one sequence; {@code threshold} is TrackEval's THRESHOLD (0.5). */
  public static ClearCounts of(TrackingSequence seq, double threshold) {
    long gtDets = seq.numGtDets(), predDets = seq.numPredDets();
    int g = seq.numGtIds();
    long frames = seq.frames().size();
    if (predDets == 0)
      return ClearCounts.builder(Convention.TRACKEVAL)
          .frames(frames)
          .objects(gtDets)
          .misses(gtDets)
          .mostlyLost(g)
          .uniqueObjects(g)
          .build();
    if (gtDets == 0)
      return ClearCounts.builder(Convention.TRACKEVAL)
          .frames(frames)
          .predictions(predDets)
          .falsePositives(predDets)
          .build();
    long[] idCount = new long[g], matchedCount = new long[g], fragCount = new long[g];
    int[] prevTracker = new int[g], prevStep = new int[g];
    Arrays.fill(prevTracker, -1);
    Arrays.fill(prevStep, -1);
    LinearAssignment lap = new LinearAssignment();
    SparseAssignment sparse = new SparseAssignment();
    int[] listed = new int[0];
    double[] listedCost = new double[0];
    long tp = 0, fn = 0, fp = 0, idsw = 0;
    double motpSum = 0;
    double[] dense = new double[0]; // one buffer for every frame's similarities
    for (SequenceFrame f : seq.frames()) {
      int[] gt = f.gt(), pr = f.pred();
      int ng = gt.length, np = pr.length;
      if (ng == 0) {
        fp += np;
        continue;
      }
      if (np == 0) {
        fn += ng;
        for (int id : gt) idCount[id]++;
        continue;
      }
      double[] sim = dense = f.similarity(dense);
      int[] col = null;
      if (threshold - EPS > 0) {
        // Pairs below the threshold score 0 (TrackEval's score_mat): the listed entries are the
        // overlapping pairs at or above it, solved one component at a time.
        int[] nz = f.nonZero();
        if (listed.length < nz.length) {
          listed = new int[nz.length];
          listedCost = new double[nz.length];
        }
        int n = 0;
        for (int k : nz) {
          double s = sim[k];
          if (s < threshold - EPS) continue;
          listed[n] = k;
          listedCost[n++] = -((prevStep[gt[k / np]] == pr[k % np] ? 1000.0 : 0.0) + s);
        }
        col = sparse.solve(ng, np, listed, listedCost, n, SparseAssignment.Elsewhere.ZERO);
      }
      if (col == null) {
        double[] score = new double[ng * np];
        for (int i = 0; i < ng; i++)
          for (int j = 0; j < np; j++) {
            int k = i * np + j;
            double s = sim[k];
            if (s < threshold - EPS) score[k] = 0;
            else score[k] = -((prevStep[gt[i]] == pr[j] ? 1000.0 : 0.0) + s);
          }
        col = lap.solve(score, ng, np);
        // TrackEval keeps a match only where its score is positive.
        for (int i = 0; i < ng; i++)
          if (col[i] >= 0 && !(-score[i * np + col[i]] > EPS)) col[i] = -1;
      }
      for (int id : gt) idCount[id]++;
      boolean[] wasTracked = new boolean[g];
      for (int id = 0; id < g; id++) wasTracked[id] = prevStep[id] >= 0;
      Arrays.fill(prevStep, -1);
      int matched = 0;
      for (int i = 0; i < ng; i++) {
        int j = col[i];
        if (j < 0) continue;
        int o = gt[i], h = pr[j];
        if (prevTracker[o] >= 0 && prevTracker[o] != h) idsw++;
        matchedCount[o]++;
        prevTracker[o] = h;
        prevStep[o] = h;
        matched++;
        motpSum += sim[i * np + j];
      }
      for (int id = 0; id < g; id++) if (!wasTracked[id] && prevStep[id] >= 0) fragCount[id]++;
      tp += matched;
      fn += ng - matched;
      fp += np - matched;
    }
    long mt = 0, pt = 0, present = 0, frag = 0;
    for (int id = 0; id < g; id++) {
      if (fragCount[id] > 0) frag += fragCount[id] - 1;
      if (idCount[id] == 0) continue;
      present++;
      double ratio = (double) matchedCount[id] / idCount[id];
      if (ratio > 0.8) mt++;
      else if (ratio >= 0.2) pt++;
    }
    long ml = g - mt - pt;
    return ClearCounts.builder(Convention.TRACKEVAL)
        .frames(frames)
        .objects(tp + fn)
        .predictions(tp + fp)
        .matches(tp - idsw)
        .switches(idsw)
        .falsePositives(fp)
        .misses(fn)
        .fragmentations(frag)
        .mostlyTracked(mt)
        .partiallyTracked(pt)
        .mostlyLost(ml)
        .uniqueObjects(present)
        .motpSum(motpSum)
        .build();
  }
}
