package io.keyframe.spark.agreement;

import io.keyframe.metrics.agreement.Agreement;
import io.keyframe.metrics.agreement.CohenKappa;
import io.keyframe.metrics.agreement.KrippendorffAlpha;
import io.keyframe.metrics.agreement.RatingTable;
import io.keyframe.metrics.agreement.Weighting;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.spark.output.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Rows of the {@code agreement} and {@code confusion} tables from {@link RaterPair} evidence. Mean
 * IoU and its interval are over matched pairs (percentile bootstrap of the mean). Cohen's kappa and
 * Krippendorff's alpha (nominal) are over the classes of matched pairs: on {@code label = __all__}
 * rows over every class, on a class's row one-vs-rest (each matched pair rated "this class" or
 * "another class" by each rater, over all matched pairs of the video), the per-category kappa of
 * Fleiss (1971) for two raters; NaN where both raters put every pair in one category. Kappa's
 * interval resamples matched pairs. Objects only one rater drew are not in kappa: the counts beside
 * it (and the report's detection F1) say how many there were.
 */
final class RaterAgreementRows {
  private RaterAgreementRows() {}

  /**
   * The row of class {@code label} (or {@code __all__}): counts and IoU over {@code ofLabel} (the
   * pairs where rater A chose it), kappa and alpha over every matched pair of {@code all}.
   */
  static Row agreement(
      RaterPair all, RaterPair ofLabel, String label, String video, PercentileBootstrap bootstrap) {
    RaterPair p = ofLabel;
    int n = p.iou().length;
    double mean = n == 0 ? Double.NaN : sum(p.iou(), null) / n;
    PercentileBootstrap.Interval iouCi =
        bootstrap.interval(n, idx -> sum(p.iou(), idx) / idx.length);
    double kappa = Double.NaN, kLo = Double.NaN, kHi = Double.NaN, alpha = Double.NaN;
    int m = all.iou().length;
    if (m > 0) {
      boolean oneVsRest = !label.equals(Table.ALL);
      List<String> la =
          oneVsRest
              ? all.labelA().stream().map(x -> x.equals(label) ? label : "other").toList()
              : all.labelA();
      List<String> lb =
          oneVsRest
              ? all.labelB().stream().map(x -> x.equals(label) ? label : "other").toList()
              : all.labelB();
      TreeSet<String> used = new TreeSet<>(la);
      used.addAll(lb);
      List<String> cats = new ArrayList<>(used);
      int[] a = la.stream().mapToInt(cats::indexOf).toArray(),
          b = lb.stream().mapToInt(cats::indexOf).toArray();
      kappa = value(CohenKappa.fromConfusion(confusion(a, b, cats.size(), null), Weighting.NONE));
      PercentileBootstrap.Interval kCi =
          bootstrap.interval(
              m,
              idx ->
                  value(
                      CohenKappa.fromConfusion(confusion(a, b, cats.size(), idx), Weighting.NONE)));
      kLo = kCi.low();
      kHi = kCi.high();
      List<String[]> rows = new ArrayList<>(m);
      for (int i = 0; i < m; i++) rows.add(new String[] {la.get(i), lb.get(i)});
      alpha =
          value(
              KrippendorffAlpha.of(
                  RatingTable.fromColumns(List.of(all.raterA(), all.raterB()), rows),
                  KrippendorffAlpha.Level.NOMINAL));
    }
    int onlyA = p.onlyA().values().stream().mapToInt(Integer::intValue).sum();
    int onlyB = p.onlyB().values().stream().mapToInt(Integer::intValue).sum();
    return RowFactory.create(
        p.raterA(),
        p.raterB(),
        label,
        n,
        onlyA,
        onlyB,
        mean,
        iouCi.low(),
        iouCi.high(),
        kappa,
        kLo,
        kHi,
        alpha,
        video);
  }

  static List<Row> confusion(RaterPair p, String video) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (int i = 0; i < p.labelA().size(); i++)
      counts
          .computeIfAbsent(p.labelA().get(i), k -> new TreeMap<>())
          .merge(p.labelB().get(i), 1, Integer::sum);
    List<Row> out = new ArrayList<>();
    counts.forEach(
        (la, m) ->
            m.forEach(
                (lb, c) -> out.add(RowFactory.create(p.raterA(), p.raterB(), la, lb, c, video))));
    return out;
  }

  private static double[][] confusion(int[] a, int[] b, int k, int[] idx) {
    double[][] cm = new double[k][k];
    if (idx == null) for (int i = 0; i < a.length; i++) cm[a[i]][b[i]]++;
    else for (int i : idx) cm[a[i]][b[i]]++;
    return cm;
  }

  private static double sum(double[] v, int[] idx) {
    double s = 0;
    if (idx == null) for (double x : v) s += x;
    else for (int i : idx) s += v[i];
    return s;
  }

  private static double value(Agreement a) {
    return a.isDefined() ? a.value() : Double.NaN;
  }
}
