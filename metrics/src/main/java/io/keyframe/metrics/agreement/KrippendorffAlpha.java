package io.keyframe.metrics.agreement;

/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability") from the
 * coincidence matrix, missing values allowed: only units with two or more values are pairable; α =
 * 1 − (n − 1) Σ o·δ² / Σ n_c n_k δ².
 */
public final class KrippendorffAlpha {
  private KrippendorffAlpha() {}

  /** Level of measurement, which fixes the difference function δ². */
  public enum Level {
    NOMINAL,
    ORDINAL,
    INTERVAL,
    RATIO
  }

  /** Alpha of a rating table; ordinal, interval and ratio need numeric labels. */
  public static Agreement of(RatingTable t, Level level) {
    int k = t.categories().size();
    double[][] o = new double[k][k];
    int[] counts = new int[k];
    for (int i = 0; i < t.items().size(); i++) {
      java.util.Arrays.fill(counts, 0);
      int m = 0;
      for (int r = 0; r < t.raters().size(); r++) {
        int c = t.code(i, r);
        if (c >= 0) {
          counts[c]++;
          m++;
        }
      }
      if (m < 2) continue;
      for (int c = 0; c < k; c++) {
        if (counts[c] == 0) continue;
        for (int d = 0; d < k; d++) {
          if (counts[d] == 0) continue;
          double pairs =
              c == d ? (double) counts[c] * (counts[c] - 1) : (double) counts[c] * counts[d];
          o[c][d] += pairs / (m - 1);
        }
      }
    }
    double[] nc = new double[k];
    double n = 0;
    for (int c = 0; c < k; c++) {
      for (int d = 0; d < k; d++) nc[c] += o[c][d];
      n += nc[c];
    }
    if (n < 2)
      return Agreement.undefined("Krippendorff's alpha needs a unit with two or more values");
    double[][] delta = delta(t, level, nc);
    double dObs = 0, dExp = 0;
    for (int c = 0; c < k; c++)
      for (int d = 0; d < k; d++) {
        dObs += o[c][d] * delta[c][d];
        dExp += nc[c] * nc[d] * delta[c][d];
      }
    if (dExp == 0)
      return Agreement.undefined(
          "Krippendorff's alpha is undefined: all pairable values are the same");
    return Agreement.of(1 - (n - 1) * dObs / dExp);
  }

  private static double[][] delta(RatingTable t, Level level, double[] nc) {
    int k = nc.length;
    double[][] d = new double[k][k];
    if (level == Level.NOMINAL) {
      for (int c = 0; c < k; c++) for (int e = 0; e < k; e++) d[c][e] = c == e ? 0 : 1;
      return d;
    }
    if (!t.numeric())
      throw new IllegalArgumentException(
          level + " alpha needs numeric labels; got " + t.categories());
    double[] v = t.values();
    for (int c = 0; c < k; c++)
      for (int e = 0; e < k; e++) {
        switch (level) {
          case ORDINAL -> {
            int lo = Math.min(c, e), hi = Math.max(c, e);
            double s = 0;
            for (int g = lo; g <= hi; g++) s += nc[g];
            s -= (nc[c] + nc[e]) / 2;
            d[c][e] = s * s;
          }
          case INTERVAL -> d[c][e] = (v[c] - v[e]) * (v[c] - v[e]);
          case RATIO -> {
            double sum = v[c] + v[e];
            d[c][e] = sum == 0 ? 0 : Math.pow((v[c] - v[e]) / sum, 2);
          }
          default -> throw new IllegalStateException();
        }
      }
    return d;
  }
}
