package io.keyframe.tracker.bytetrack;

import io.keyframe.metrics.assignment.LinearAssignment;
import java.util.Arrays;

/**
 * Minimum-cost rectangular assignment with a cost limit (pairs costing more are left unassigned):
 * the matrix is extended with dummy rows/columns at half the limit, the construction of {@code
 * lap.lapjv(cost_limit=...)} that ByteTrack uses, and solved exactly by the project's one solver,
 * {@link LinearAssignment} (SciPy's shortest augmenting path).
 */
final class GatedAssignment {
  private GatedAssignment() {}

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
    // Forbidden pairs cost more than any way round them (two dummies at limit/2 each), so they are
    // never chosen while a finite square matrix keeps the solver exact.
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
    int[] match = new LinearAssignment().solve(a, n, n);
    for (int i = 0; i < rows; i++) {
      int j = match[i];
      if (j >= 0 && j < cols && a[i * n + j] < limit) rowToCol[i] = j;
    }
    return rowToCol;
  }
}
