package io.keyframe.metrics.agreement;

/**
 * Fleiss' kappa for a fixed number of raters per item (Fleiss 1971), and Randolph's free-marginal
 * variant (Randolph 2005), as statsmodels' {@code fleiss_kappa(table, method)}.
 */
public final class FleissKappa {
  private FleissKappa() {}

  /** Which chance agreement to subtract. */
  public enum Method {
    /** Chance from the pooled category proportions. */
    FLEISS,
    /** Chance = 1 / number of categories. */
    RANDOLPH
  }

  /**
   * From an items x categories table of counts; every item must have the same number of ratings.
   */
  public static Agreement ofCounts(double[][] counts, Method method) {
    int n = counts.length;
    if (n == 0) return Agreement.undefined("Fleiss' kappa needs at least one item");
    int k = counts[0].length;
    double[] perItem = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (double c : counts[i]) perItem[i] += c;
      total += perItem[i];
    }
    double nRat = perItem[0];
    for (int i = 1; i < n; i++)
      if (perItem[i] != nRat)
        return Agreement.undefined(
            "Fleiss' kappa needs the same number of ratings per item; item "
                + i
                + " has "
                + perItem[i]
                + ", item 0 has "
                + nRat);
    if (nRat < 2)
      return Agreement.undefined(
          "Fleiss' kappa needs at least two ratings per item, found " + nRat);
    double pMean = 0;
    for (int i = 0; i < n; i++) {
      double sq = 0;
      for (double c : counts[i]) sq += c * c;
      pMean += (sq - nRat) / (nRat * (nRat - 1));
    }
    pMean /= n;
    double pExp;
    if (method == Method.RANDOLPH) pExp = 1.0 / k;
    else {
      pExp = 0;
      for (int j = 0; j < k; j++) {
        double pj = 0;
        for (int i = 0; i < n; i++) pj += counts[i][j];
        pj /= total;
        pExp += pj * pj;
      }
    }
    if (pExp == 1)
      return Agreement.undefined("Fleiss' kappa is undefined: every rating is the same category");
    return Agreement.of((pMean - pExp) / (1 - pExp));
  }

  /**
   * From a rating table: only items rated by every rater count (statsmodels needs a full table).
   */
  public static Agreement of(RatingTable t, Method method) {
    if (t.raters().size() < 2)
      return Agreement.undefined(
          "Fleiss' kappa needs two or more raters, found " + t.raters().size());
    int k = t.categories().size();
    java.util.List<double[]> rows = new java.util.ArrayList<>();
    for (int i = 0; i < t.items().size(); i++) {
      double[] c = new double[k];
      boolean complete = true;
      for (int r = 0; r < t.raters().size(); r++) {
        int code = t.code(i, r);
        if (code < 0) {
          complete = false;
          break;
        }
        c[code]++;
      }
      if (complete) rows.add(c);
    }
    if (rows.isEmpty()) return Agreement.undefined("no item was rated by every rater");
    // statsmodels' aggregate_raters only has columns for categories that occur (matters for
    // Randolph).
    boolean[] used = new boolean[k];
    for (double[] r : rows) for (int c = 0; c < k; c++) used[c] |= r[c] > 0;
    int u = 0;
    for (boolean b : used) if (b) u++;
    double[][] counts = new double[rows.size()][u];
    for (int i = 0; i < rows.size(); i++)
      for (int c = 0, x = 0; c < k; c++) if (used[c]) counts[i][x++] = rows.get(i)[c];
    return ofCounts(counts, method);
  }
}
