package io.keyframe.metrics.hota;

import io.keyframe.dataset.FrozenArray;
import java.util.List;

/**
 * HOTA sums for each alpha of {@link Hota#ALPHAS}: detection counts, and association and
 * localisation scores pre-multiplied by TP so that sequences combine by addition (TrackEval's
 * TP-weighted average). Final fields are derived from these sums.
 *
 * @param tp matched detections per alpha
 * @param fn unmatched ground truth per alpha
 * @param fp unmatched predictions per alpha
 * @param assASum AssA × TP per alpha
 * @param assReSum AssRe × TP per alpha
 * @param assPrSum AssPr × TP per alpha
 * @param locASum sum of matched similarities per alpha
 */
public record HotaCounts(
    FrozenArray.OfDouble tp,
    FrozenArray.OfDouble fn,
    FrozenArray.OfDouble fp,
    FrozenArray.OfDouble assASum,
    FrozenArray.OfDouble assReSum,
    FrozenArray.OfDouble assPrSum,
    FrozenArray.OfDouble locASum) {

  public HotaCounts {
    int n = Hota.ALPHAS.length;
    for (FrozenArray.OfDouble a : List.of(tp, fn, fp, assASum, assReSum, assPrSum, locASum))
      if (a.length() != n)
        throw new IllegalArgumentException("expected " + n + " alphas, got " + a.length());
  }

  /** Nothing evaluated. */
  public static HotaCounts zero() {
    return ofSums(new double[7][Hota.ALPHAS.length]);
  }

  /**
   * The seven sums in component order ({@code tp, fn, fp, assASum, assReSum, assPrSum, locASum}),
   * copies; {@link #ofSums} reads them back.
   */
  public double[][] sums() {
    return new double[][] {
      tp.toArray(),
      fn.toArray(),
      fp.toArray(),
      assASum.toArray(),
      assReSum.toArray(),
      assPrSum.toArray(),
      locASum.toArray()
    };
  }

  /** Counts from {@link #sums}' seven arrays. */
  public static HotaCounts ofSums(double[][] s) {
    if (s.length != 7) throw new IllegalArgumentException("expected 7 sums, got " + s.length);
    return new HotaCounts(
        new FrozenArray.OfDouble(s[0]),
        new FrozenArray.OfDouble(s[1]),
        new FrozenArray.OfDouble(s[2]),
        new FrozenArray.OfDouble(s[3]),
        new FrozenArray.OfDouble(s[4]),
        new FrozenArray.OfDouble(s[5]),
        new FrozenArray.OfDouble(s[6]));
  }

  public HotaCounts plus(HotaCounts o) {
    double[][] a = sums(), b = o.sums();
    for (int s = 0; s < a.length; s++) for (int k = 0; k < a[s].length; k++) a[s][k] += b[s][k];
    return ofSums(a);
  }

  /** DetA at alpha index {@code a}: TP / max(1, TP + FN + FP). */
  public double detA(int a) {
    return tp.get(a) / Math.max(1, tp.get(a) + fn.get(a) + fp.get(a));
  }

  public double detRe(int a) {
    return tp.get(a) / Math.max(1, tp.get(a) + fn.get(a));
  }

  public double detPr(int a) {
    return tp.get(a) / Math.max(1, tp.get(a) + fp.get(a));
  }

  public double assA(int a) {
    return assASum.get(a) / Math.max(1, tp.get(a));
  }

  public double assRe(int a) {
    return assReSum.get(a) / Math.max(1, tp.get(a));
  }

  public double assPr(int a) {
    return assPrSum.get(a) / Math.max(1, tp.get(a));
  }

  /** LocA at alpha index {@code a}; 1 when nothing matched (TrackEval's 1e-10 guard). */
  public double locA(int a) {
    return Math.max(1e-10, locASum.get(a)) / Math.max(1e-10, tp.get(a));
  }

  public double hota(int a) {
    return Math.sqrt(detA(a) * assA(a));
  }

  public double hota() {
    return mean(this::hota);
  }

  public double detA() {
    return mean(this::detA);
  }

  public double assA() {
    return mean(this::assA);
  }

  public double detRe() {
    return mean(this::detRe);
  }

  public double detPr() {
    return mean(this::detPr);
  }

  public double assRe() {
    return mean(this::assRe);
  }

  public double assPr() {
    return mean(this::assPr);
  }

  public double locA() {
    return mean(this::locA);
  }

  private static double mean(java.util.function.IntToDoubleFunction f) {
    double s = 0;
    for (int a = 0; a < Hota.ALPHAS.length; a++) s += f.applyAsDouble(a);
    return s / Hota.ALPHAS.length;
  }
}
