package io.keyframe.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * All outcomes of a simulation, with the summaries the README and the bench print.
 *
 * @param outcomes one row per strategy, seed and batch
 */
public record SimulationReport(List<BatchOutcome> outcomes) {
  public SimulationReport {
    outcomes = List.copyOf(outcomes);
  }

  /** Mean and sample standard deviation over seeds. */
  public record Stat(double mean, double sd, int n) {
    static Stat of(List<Double> xs) {
      double m = xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      double ss = 0;
      for (double x : xs) ss += (x - m) * (x - m);
      return new Stat(m, xs.size() > 1 ? Math.sqrt(ss / (xs.size() - 1)) : 0, xs.size());
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.3f ± %.3f", mean, sd);
    }
  }

  /**
   * Per strategy: share of erroneous object-frames caught at budget (all batches of a seed), over
   * seeds.
   */
  public Map<String, Stat> errorsCaught() {
    return perSeed(o -> new double[] {o.errorsCaught(), o.errorsTotal()});
  }

  /** Per strategy: share of injected faults touched by at least one reviewed frame, over seeds. */
  public Map<String, Stat> faultsTouched() {
    return perSeed(o -> new double[] {o.faultsTouched(), o.faultsTotal()});
  }

  private Map<String, Stat> perSeed(java.util.function.Function<BatchOutcome, double[]> f) {
    Map<String, Map<Long, double[]>> acc = new LinkedHashMap<>();
    for (BatchOutcome o : outcomes) {
      double[] v = f.apply(o);
      double[] a =
          acc.computeIfAbsent(o.strategy(), k -> new TreeMap<>())
              .computeIfAbsent(o.seed(), k -> new double[2]);
      a[0] += v[0];
      a[1] += v[1];
    }
    Map<String, Stat> out = new LinkedHashMap<>();
    acc.forEach(
        (s, bySeed) -> {
          List<Double> xs = new ArrayList<>();
          bySeed.values().forEach(a -> xs.add(a[1] > 0 ? a[0] / a[1] : 0));
          out.put(s, Stat.of(xs));
        });
    return out;
  }

  /** Mean share caught by the combined queue over the mean share caught by random sampling. */
  public double ratio() {
    Map<String, Stat> c = errorsCaught();
    return c.get(ActiveLearningSimulation.COMBINED).mean()
        / c.get(ActiveLearningSimulation.RANDOM).mean();
  }

  /**
   * Plain-text summary: errors caught and faults touched per strategy, quality per batch, the
   * ratio.
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    Map<String, Stat> caught = errorsCaught();
    Map<String, Stat> touched = faultsTouched();
    double r = caught.get(ActiveLearningSimulation.RANDOM).mean();
    b.append(
        String.format(
            Locale.ROOT,
            "%-20s %-22s %-10s %-22s%n",
            "strategy",
            "errors caught (share)",
            "x random",
            "faults touched (share)"));
    caught.forEach(
        (s, st) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "%-20s %-22s %-10.2f %-22s%n",
                    s,
                    st,
                    st.mean() / r,
                    touched.get(s))));
    b.append(
        String.format(
            Locale.ROOT,
            "%nerrors caught by kind (object-frames caught / in all, summed over seeds and batches)%n"));
    Map<String, Map<String, long[]>> kinds = new LinkedHashMap<>();
    for (BatchOutcome o : outcomes)
      o.byKind()
          .forEach(
              (k, v) -> {
                long[] a =
                    kinds
                        .computeIfAbsent(o.strategy(), x -> new TreeMap<>())
                        .computeIfAbsent(k, x -> new long[2]);
                a[0] += v[0];
                a[1] += v[1];
              });
    kinds.forEach(
        (s, m) -> {
          b.append(String.format(Locale.ROOT, "%-20s", s));
          m.forEach(
              (k, a) ->
                  b.append(
                      String.format(
                          Locale.ROOT,
                          " %s %d/%d (%.2f)",
                          k,
                          a[0],
                          a[1],
                          a[1] > 0 ? a[0] / (double) a[1] : 0)));
          b.append('\n');
        });
    b.append(
        String.format(
            Locale.ROOT,
            "%nlabel quality vs truth after each batch (mean over seeds; before -> after fixes)%n"));
    Map<String, Map<Integer, List<double[]>>> q = new LinkedHashMap<>();
    for (BatchOutcome o : outcomes)
      if (!Double.isNaN(o.idf1After()))
        q.computeIfAbsent(o.strategy(), k -> new TreeMap<>())
            .computeIfAbsent(o.batch(), k -> new ArrayList<>())
            .add(new double[] {o.idf1Before(), o.idf1After(), o.hotaBefore(), o.hotaAfter()});
    q.forEach(
        (s, byBatch) ->
            byBatch.forEach(
                (batch, rows) -> {
                  double[] m = new double[4];
                  for (double[] row : rows)
                    for (int i = 0; i < 4; i++) m[i] += row[i] / rows.size();
                  b.append(
                      String.format(
                          Locale.ROOT,
                          "%-10s batch %d  IDF1 %.4f -> %.4f   HOTA %.4f -> %.4f%n",
                          s,
                          batch,
                          m[0],
                          m[1],
                          m[2],
                          m[3]));
                }));
    return b.toString();
  }
}
