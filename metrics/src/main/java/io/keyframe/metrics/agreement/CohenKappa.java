package io.keyframe.metrics.agreement;

/**
 * Cohen's kappa for two raters (Cohen 1960; weighted form Cohen 1968), as scikit-learn's {@code
 * cohen_kappa_score}: κ = 1 − Σ w·observed / Σ w·expected over the confusion matrix of the items
 * both raters labelled, categories in sorted label order.
 */
public final class CohenKappa {
  private CohenKappa() {}

  /** Kappa between raters {@code a} and {@code b} of a table, on the items both rated. */
  public static Agreement of(RatingTable t, int a, int b, Weighting w) {
    if (t.raters().size() < 2)
      return Agreement.undefined("Cohen's kappa needs two raters, found " + t.raters().size());
    int k = t.categories().size();
    double[][] cm = new double[k][k];
    int n = 0;
    for (int i = 0; i < t.items().size(); i++) {
      int x = t.code(i, a), y = t.code(i, b);
      if (x < 0 || y < 0) continue;
      cm[x][y]++;
      n++;
    }
    if (n == 0)
      return Agreement.undefined(
          "raters " + t.raters().get(a) + " and " + t.raters().get(b) + " share no item");
    // scikit-learn indexes categories among the labels these two raters used, so weights follow
    // that order.
    int[] used = new int[k];
    int u = 0;
    for (int c = 0; c < k; c++) {
      boolean any = false;
      for (int d = 0; d < k; d++) any |= cm[c][d] > 0 || cm[d][c] > 0;
      if (any) used[u++] = c;
    }
    double[][] sub = new double[u][u];
    for (int x = 0; x < u; x++) for (int y = 0; y < u; y++) sub[x][y] = cm[used[x]][used[y]];
    return fromConfusion(sub, w);
  }

  /** Kappa from a confusion matrix (rows rater 1, columns rater 2). */
  public static Agreement fromConfusion(double[][] cm, Weighting w) {
    int k = cm.length;
    double[] rows = new double[k], cols = new double[k];
    double total = 0;
    for (int i = 0; i < k; i++)
      for (int j = 0; j < k; j++) {
        rows[i] += cm[i][j];
        cols[j] += cm[i][j];
        total += cm[i][j];
      }
    double observed = 0, expected = 0;
    for (int i = 0; i < k; i++)
      for (int j = 0; j < k; j++) {
        double wij = w.weight(i, j);
        observed += wij * cm[i][j];
        expected += wij * cols[i] * rows[j] / total;
      }
    if (expected == 0)
      return Agreement.undefined(
          "Cohen's kappa is undefined: chance disagreement is 0 (both raters used one single category)");
    return Agreement.of(1 - observed / expected);
  }
}
