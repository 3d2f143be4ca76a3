package io.keyframe.tracker.bytetrack;

import java.util.Arrays;

/**
 * Minimum-cost rectangular assignment with a cost limit (pairs costing more are left unassigned),
 * solved exactly by the Hungarian method (Kuhn 1955; Munkres 1957) on the matrix extended with
 * dummy rows/columns at half the limit, the same construction as {@code lap.lapjv(cost_limit=...)}
 * that ByteTrack uses.
 */
final class LinearAssignment {
  private LinearAssignment() {}

  /**
   * @param cost row-major costs, {@code rows x cols}; use {@code Double.POSITIVE_INFINITY} for
   *     forbidden pairs
   * @param limit pairs with cost {@code >= limit} are never matched
   * @return for each row, the matched column or -1
   */
  static int[] solve(double[] cost, int rows, int cols, double limit) {
    int[] rowToCol = new int[rows];
    Arrays.fill(rowToCol, -1);
    if (rows == 0 || cols == 0) return rowToCol;
    int n = rows + cols;
    double big = limit * 4 + 1;
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++)
      for (int j = 0; j < n; j++) {
        double v;
        if (i < rows && j < cols) {
          double c = cost[i * cols + j];
          v = (Double.isFinite(c) && c < limit) ? c : big;
        } else if (i >= rows && j >= cols) v = 0;
        else v = limit / 2;
        a[i * n + j] = v;
      }
    int[] match = hungarian(a, n);
    for (int i = 0; i < rows; i++) {
      int j = match[i];
      if (j < cols && a[i * n + j] < limit) rowToCol[i] = j;
    }
    return rowToCol;
  }

  /** Square Hungarian algorithm with potentials, O(n^3); returns row -> column. */
  private static int[] hungarian(double[] a, int n) {
    double[] u = new double[n + 1];
    double[] v = new double[n + 1];
    int[] p = new int[n + 1];
    int[] way = new int[n + 1];
    double[] minv = new double[n + 1];
    boolean[] used = new boolean[n + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      Arrays.fill(used, false);
      do {
        used[j0] = true;
        int i0 = p[j0];
        int j1 = 0;
        double delta = Double.POSITIVE_INFINITY;
        for (int j = 1; j <= n; j++) {
          if (used[j]) continue;
          double cur = a[(i0 - 1) * n + (j - 1)] - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
        for (int j = 0; j <= n; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else minv[j] -= delta;
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] rowToCol = new int[n];
    for (int j = 1; j <= n; j++) if (p[j] > 0) rowToCol[p[j] - 1] = j - 1;
    return rowToCol;
  }
}
