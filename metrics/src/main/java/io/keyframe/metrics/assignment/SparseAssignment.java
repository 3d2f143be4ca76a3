package io.keyframe.metrics.assignment;

import java.util.Arrays;

/**
 * The pairs SciPy's {@code linear_sum_assignment} makes on the listed entries of a matrix whose
 * other entries all hold one value, found one connected component of the listed entries at a time.
 * Tracking metrics' per-frame matrices are like that: HOTA's ({@code -(alignment x similarity)},
 * TrackEval's {@code hota.py}) is zero but where boxes overlap, and py-motmetrics' CLEAR matrix is
 * forbidden but where they overlap enough; a dense solve of the whole 100 x 100 frame costs more
 * than the rest of either metric.
 *
 * <p>Why the pairs are the same. {@link Elsewhere#ZERO}: the listed entries are negative and any
 * matching of them is completed to a full assignment by zeros at no cost, so an optimal
 * assignment's listed pairs form a maximum-weight matching of the graph whose edges are the listed
 * entries. {@link Elsewhere#FORBIDDEN}: py-motmetrics replaces forbidden entries by a constant
 * larger than any total ({@link LinearAssignment#solveAllowingForbidden}), so an optimal
 * assignment's listed pairs form a maximum-cardinality matching of least cost. Either way the
 * graph's components are independent, and the optimal matchings are the unions of each component's.
 * When the optimum is unique, SciPy's answer on the whole matrix and this answer share every listed
 * pair; they differ only in pairs on unlisted entries, which the callers drop. Equal totals need
 * equal sums of distinct doubles or a repeated value: a component with a repeated cost is left to
 * the whole-matrix solve (null), which is SciPy's tie-breaking step for step.
 *
 * <p>Reuses its work arrays across calls; not thread-safe.
 */
public final class SparseAssignment {
  /** What every unlisted entry of the matrix holds. */
  public enum Elsewhere {
    /** Zero; the listed entries are negative (HOTA). */
    ZERO,
    /** Cannot pair; the listed entries are finite (py-motmetrics' CLEAR). */
    FORBIDDEN
  }

  private final LinearAssignment lap = new LinearAssignment();
  private int[] parent = new int[0], rowsOf = new int[0], colsOf = new int[0];
  private int[] rowIndex = new int[0], colIndex = new int[0], edgesOf = new int[0];
  private double[] sub = new double[0], costs = new double[0];

  /**
   * For each row its column on a listed entry, or -1.
   *
   * @param listed ascending row-major indices {@code i * cols + j} of the listed entries, in the
   *     first {@code count} places
   * @param listedCost the cost at each listed index
   * @return the pairs, or null when a listed cost does not fit {@code elsewhere} (zero or above
   *     with {@link Elsewhere#ZERO}, not finite with {@link Elsewhere#FORBIDDEN}) or a component
   *     repeats a cost (a tie: solve the whole matrix instead)
   */
  public int[] solve(
      int rows, int cols, int[] listed, double[] listedCost, int count, Elsewhere elsewhere) {
    int[] out = new int[rows];
    Arrays.fill(out, -1);
    if (count == 0) return out;
    int n = rows + cols;
    ensure(n, count);
    for (int x = 0; x < n; x++) parent[x] = x;
    for (int e = 0; e < count; e++) {
      double c = listedCost[e];
      if (elsewhere == Elsewhere.ZERO ? !(c < 0) : !Double.isFinite(c)) return null;
      union(listed[e] / cols, rows + listed[e] % cols);
    }
    // Every node's root, once: the sort below looks each row, column and edge up twice.
    for (int x = 0; x < n; x++) parent[x] = find(x);
    // Counting sort of rows, columns and edges by component root; ascending order inside each.
    int[] rowStart = new int[n + 1], colStart = new int[n + 1], edgeStart = new int[n + 1];
    for (int i = 0; i < rows; i++) rowStart[parent[i] + 1]++;
    for (int j = 0; j < cols; j++) colStart[parent[rows + j] + 1]++;
    for (int e = 0; e < count; e++) edgeStart[parent[listed[e] / cols] + 1]++;
    for (int r = 0; r < n; r++) {
      rowStart[r + 1] += rowStart[r];
      colStart[r + 1] += colStart[r];
      edgeStart[r + 1] += edgeStart[r];
    }
    int[] rowNext = rowStart.clone(), colNext = colStart.clone(), edgeNext = edgeStart.clone();
    for (int i = 0; i < rows; i++) {
      int r = parent[i];
      rowIndex[rowNext[r]] = i;
      rowsOf[i] = rowNext[r]++ - rowStart[r];
    }
    for (int j = 0; j < cols; j++) {
      int r = parent[rows + j];
      colIndex[colNext[r]] = j;
      colsOf[j] = colNext[r]++ - colStart[r];
    }
    for (int e = 0; e < count; e++) edgesOf[edgeNext[parent[listed[e] / cols]]++] = e;
    double fill = elsewhere == Elsewhere.ZERO ? -0.0 : Double.NaN;
    for (int r = 0; r < n; r++) {
      int e0 = edgeStart[r], e1 = edgeStart[r + 1];
      if (e1 == e0) continue;
      if (e1 - e0 == 1) {
        int k = listed[edgesOf[e0]];
        out[k / cols] = k % cols;
        continue;
      }
      for (int e = e0; e < e1; e++) costs[e - e0] = listedCost[edgesOf[e]];
      Arrays.sort(costs, 0, e1 - e0);
      for (int e = 1; e < e1 - e0; e++) if (costs[e] == costs[e - 1]) return null;
      int r0 = rowStart[r], nr = rowStart[r + 1] - r0;
      int c0 = colStart[r], nc = colStart[r + 1] - c0;
      if (sub.length < nr * nc) sub = new double[Math.max(nr * nc, 2 * sub.length)];
      Arrays.fill(sub, 0, nr * nc, fill);
      for (int e = e0; e < e1; e++) {
        int k = listed[edgesOf[e]];
        sub[rowsOf[k / cols] * nc + colsOf[k % cols]] = listedCost[edgesOf[e]];
      }
      int[] col =
          elsewhere == Elsewhere.ZERO
              ? lap.solve(sub, nr, nc)
              : lap.solveAllowingForbidden(sub, nr, nc);
      for (int a = 0; a < nr; a++) {
        int b = col[a];
        // A pair on an unlisted entry (zero, or forbidden and already dropped) is no pair.
        if (b >= 0 && (elsewhere == Elsewhere.FORBIDDEN || sub[a * nc + b] < 0))
          out[rowIndex[r0 + a]] = colIndex[c0 + b];
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
