package io.keyframe.metrics.assignment;

import java.util.Arrays;

/**
 * The pairs SciPy's {@code linear_sum_assignment} makes on the negative entries of a matrix that is
 * zero everywhere else, found one connected component at a time: HOTA's per-frame matrix ({@code
 * -(alignment x similarity)}, TrackEval's {@code hota.py}) has a few overlapping pairs among ng x
 * np entries, and a dense solve of the whole 100 x 100 frame costs more than all the rest of HOTA.
 *
 * <p>Why the pairs are the same. The entries that are not negative are all zero, so any matching of
 * negative entries is completed to a full assignment by zeros at no cost, and an optimal full
 * assignment's negative pairs form a maximum-weight matching of the graph whose edges are the
 * negative entries. That graph's components are independent, so its maximum-weight matchings are
 * the unions of each component's. When the matching is unique, SciPy's answer on the whole matrix
 * and this answer share every negative pair; they differ only in rows paired at zero cost, which
 * the caller ignores (similarity 0 passes no threshold). Equal totals need equal sums of distinct
 * doubles or a repeated value: a component with a repeated cost is left to the whole-matrix solve
 * (returns null), which is SciPy's own tie-breaking step for step ({@link LinearAssignment}).
 *
 * <p>Reuses its work arrays across calls; not thread-safe.
 */
public final class SparseAssignment {
  private final LinearAssignment lap = new LinearAssignment();
  private int[] parent = new int[0], rowsOf = new int[0], colsOf = new int[0];
  private int[] rowIndex = new int[0], colIndex = new int[0], edgesOf = new int[0];
  private double[] sub = new double[0], costs = new double[0];

  /**
   * For each row its column among the negative entries, or -1 (no negative pair in the optimum).
   *
   * @param cost row-major {@code rows x cols}; zero (either sign) except at {@code negative}
   * @param negative ascending row-major indices of the entries that may be non-zero
   * @return the pairs, or null when an entry at {@code negative} is not below zero or a component
   *     repeats a cost (ties: solve the whole matrix instead)
   */
  public int[] solve(double[] cost, int[] negative, int rows, int cols) {
    int[] out = new int[rows];
    Arrays.fill(out, -1);
    if (negative.length == 0) return out;
    int n = rows + cols;
    ensure(n, negative.length);
    for (int x = 0; x < n; x++) parent[x] = x;
    for (int k : negative) {
      if (!(cost[k] < 0)) return null;
      union(k / cols, rows + k % cols);
    }
    // Counting sort of rows, columns and edges by component root; ascending order inside each.
    int[] rowCount = new int[n + 1], colCount = new int[n + 1], edgeCount = new int[n + 1];
    for (int i = 0; i < rows; i++) rowCount[find(i) + 1]++;
    for (int j = 0; j < cols; j++) colCount[find(rows + j) + 1]++;
    for (int k : negative) edgeCount[find(k / cols) + 1]++;
    for (int r = 0; r < n; r++) {
      rowCount[r + 1] += rowCount[r];
      colCount[r + 1] += colCount[r];
      edgeCount[r + 1] += edgeCount[r];
    }
    int[] rowStart = rowCount.clone(), colStart = colCount.clone(), edgeStart = edgeCount.clone();
    for (int i = 0; i < rows; i++) {
      int r = find(i);
      rowIndex[rowCount[r]] = i;
      rowsOf[i] = rowCount[r]++ - rowStart[r];
    }
    for (int j = 0; j < cols; j++) {
      int r = find(rows + j);
      colIndex[colCount[r]] = j;
      colsOf[j] = colCount[r]++ - colStart[r];
    }
    for (int k : negative) edgesOf[edgeCount[find(k / cols)]++] = k;
    for (int r = 0; r < n; r++) {
      int e0 = edgeStart[r], e1 = edgeStart[r + 1];
      if (e1 == e0) continue;
      int r0 = rowStart[r], nr = rowStart[r + 1] - r0;
      int c0 = colStart[r], nc = colStart[r + 1] - c0;
      if (e1 - e0 == 1) {
        int k = edgesOf[e0];
        out[k / cols] = k % cols;
        continue;
      }
      for (int e = e0; e < e1; e++) costs[e - e0] = cost[edgesOf[e]];
      Arrays.sort(costs, 0, e1 - e0);
      for (int e = 1; e < e1 - e0; e++) if (costs[e] == costs[e - 1]) return null;
      if (sub.length < nr * nc) sub = new double[Math.max(nr * nc, 2 * sub.length)];
      Arrays.fill(sub, 0, nr * nc, -0.0);
      for (int e = e0; e < e1; e++) {
        int k = edgesOf[e];
        sub[rowsOf[k / cols] * nc + colsOf[k % cols]] = cost[k];
      }
      int[] col = lap.solve(sub, nr, nc);
      for (int a = 0; a < nr; a++) {
        if (col[a] < 0) continue;
        int i = rowIndex[r0 + a], j = colIndex[c0 + col[a]];
        if (cost[i * cols + j] < 0) out[i] = j;
      }
    }
    return out;
  }

  private int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private void union(int a, int b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
  }

  private void ensure(int n, int edges) {
    if (parent.length < n) {
      parent = new int[n];
      rowsOf = new int[n];
      colsOf = new int[n];
      rowIndex = new int[n];
      colIndex = new int[n];
    }
    if (edgesOf.length < edges) {
      edgesOf = new int[edges];
      costs = new double[edges];
    }
  }
}
