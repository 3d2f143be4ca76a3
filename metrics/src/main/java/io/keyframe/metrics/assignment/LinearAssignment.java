package io.keyframe.metrics.assignment;

import java.util.Arrays;

/**
 * Minimum-cost assignment on a rectangular matrix by shortest augmenting paths (Crouse 2016, "On
 * implementing 2D rectangular assignment algorithms", the Jonker-Volgenant family). It follows
 * SciPy's {@code linear_sum_assignment} step for step, tie-breaking included, because py-motmetrics
 * and TrackEval call SciPy and an equally optimal but different matching changes ID switches.
 *
 * <p>Instances keep their work arrays and are reused across frames; not thread-safe.
 */
public final class LinearAssignment {
  private double[] u = new double[0], v = new double[0], shortest = new double[0];
  private int[] path = new int[0],
      col4row = new int[0],
      row4col = new int[0],
      remaining = new int[0];
  private boolean[] sr = new boolean[0], sc = new boolean[0];
  private double[] transposed = new double[0];

  /**
   * Solves {@code min sum cost[r][c]} over a full matching of the smaller side.
   *
   * @param cost row-major {@code rows x cols}, all finite
   * @return for each row, its column, or -1 when the row is unassigned (more rows than columns)
   */
  public int[] solve(double[] cost, int rows, int cols) {
    int[] out = new int[rows];
    Arrays.fill(out, -1);
    if (rows == 0 || cols == 0) return out;
    for (int k = 0; k < rows * cols; k++)
      if (!Double.isFinite(cost[k]))
        throw new IllegalArgumentException("cost matrix has a non-finite entry at " + k);
    boolean transpose = cols < rows;
    double[] c = cost;
    int nr = rows, nc = cols;
    if (transpose) {
      if (transposed.length < rows * cols) transposed = new double[rows * cols];
      for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) transposed[j * rows + i] = cost[i * cols + j];
      c = transposed;
      nr = cols;
      nc = rows;
    }
    ensure(nr, nc);
    Arrays.fill(u, 0, nr, 0.0);
    Arrays.fill(v, 0, nc, 0.0);
    Arrays.fill(path, 0, nc, -1);
    Arrays.fill(col4row, 0, nr, -1);
    Arrays.fill(row4col, 0, nc, -1);
    Arrays.fill(sr, false);
    Arrays.fill(sc, false);
    nVisitedRows = 0;
    nVisitedCols = 0;
    for (int curRow = 0; curRow < nr; curRow++) {
      double minVal = augment(c, nc, curRow);
      int sink = sinkFound;
      if (sink < 0) throw new IllegalStateException("cost matrix is infeasible");
      u[curRow] += minVal;
      // Only the rows and columns this search visited change (each update stands alone, so the
      // order they are visited in gives the same doubles as SciPy's pass over all of them).
      for (int k = 0; k < nVisitedRows; k++) {
        int i = visitedRows[k];
        if (i != curRow) u[i] += minVal - shortest[col4row[i]];
      }
      for (int k = 0; k < nVisitedCols; k++) {
        int j = visitedCols[k];
        v[j] -= minVal - shortest[j];
      }
      int j = sink;
      while (true) {
        int i = path[j];
        row4col[j] = i;
        int tmp = col4row[i];
        col4row[i] = j;
        j = tmp;
        if (i == curRow) break;
      }
    }
    if (transpose) {
      for (int r = 0; r < nr; r++) out[col4row[r]] = r;
    } else {
      System.arraycopy(col4row, 0, out, 0, nr);
    }
    return out;
  }

  /**
   * py-motmetrics' variant: NaN or infinite entries mean "cannot pair". They are replaced by a
   * constant larger than any feasible total (its {@code add_expensive_edges}), the problem is
   * solved, and pairs that landed on such entries are dropped.
   */
  public int[] solveAllowingForbidden(double[] cost, int rows, int cols) {
    int n = rows * cols;
    if (n == 0) return solve(cost, rows, cols);
    boolean anyValid = false, allValid = true;
    double maxAbs = 0;
    for (int k = 0; k < n; k++) {
      if (Double.isFinite(cost[k])) {
        anyValid = true;
        maxAbs = Math.max(maxAbs, Math.abs(cost[k]));
      } else allValid = false;
    }
    double[] finite = new double[n];
    if (allValid) System.arraycopy(cost, 0, finite, 0, n);
    else if (anyValid) {
      double large = 2 * Math.min(rows, cols) * (maxAbs + 1) + 1;
      for (int k = 0; k < n; k++) finite[k] = Double.isFinite(cost[k]) ? cost[k] : large;
    }
    int[] out = solve(finite, rows, cols);
    for (int i = 0; i < rows; i++)
      if (out[i] >= 0 && !Double.isFinite(cost[i * cols + out[i]])) out[i] = -1;
    return out;
  }

  private int sinkFound;
  // The rows and columns (sr, sc true) of the last search, so that they are reset and updated
  // without a pass over every row and column.
  private int[] visitedRows = new int[0], visitedCols = new int[0];
  private int nVisitedRows, nVisitedCols;

  private double augment(double[] c, int nc, int start) {
    double minVal = 0;
    int numRemaining = nc;
    for (int it = 0; it < nc; it++) remaining[it] = nc - it - 1;
    for (int k = 0; k < nVisitedRows; k++) sr[visitedRows[k]] = false;
    for (int k = 0; k < nVisitedCols; k++) sc[visitedCols[k]] = false;
    nVisitedRows = 0;
    nVisitedCols = 0;
    Arrays.fill(shortest, 0, nc, Double.POSITIVE_INFINITY);
    int sink = -1;
    int i = start;
    while (sink == -1) {
      int index = -1;
      double lowest = Double.POSITIVE_INFINITY;
      sr[i] = true;
      visitedRows[nVisitedRows++] = i;
      int base = i * nc;
      double ui = u[i];
      for (int it = 0; it < numRemaining; it++) {
        int j = remaining[it];
        double r = minVal + c[base + j] - ui - v[j];
        if (r < shortest[j]) {
          path[j] = i;
          shortest[j] = r;
        }
        if (shortest[j] < lowest || (shortest[j] == lowest && row4col[j] == -1)) {
          lowest = shortest[j];
          index = it;
        }
      }
      minVal = lowest;
      if (minVal == Double.POSITIVE_INFINITY) {
        sinkFound = -1;
        return minVal;
      }
      int j = remaining[index];
      if (row4col[j] == -1) sink = j;
      else i = row4col[j];
      sc[j] = true;
      visitedCols[nVisitedCols++] = j;
      remaining[index] = remaining[--numRemaining];
    }
    sinkFound = sink;
    return minVal;
  }

  private void ensure(int nr, int nc) {
    if (u.length < nr) {
      u = new double[nr];
      col4row = new int[nr];
    }
    if (sr.length != nr) {
      sr = new boolean[nr];
      visitedRows = new int[nr];
    }
    if (v.length < nc) {
      v = new double[nc];
      shortest = new double[nc];
      path = new int[nc];
      row4col = new int[nc];
      remaining = new int[nc];
      sc = new boolean[nc];
      visitedCols = new int[nc];
    }
  }
}
