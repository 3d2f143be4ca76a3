package io.keyframe.metrics.hota;

import java.util.Arrays;

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
    double[] tp,
    double[] fn,
    double[] fp,
    double[] assASum,
    double[] assReSum,
    double[] assPrSum,
    double[] locASum) {

  public HotaCounts {
    int n = Hota.ALPHAS.length;
    for (double[] a : new double[][] {tp, fn, fp, assASum, assReSum, assPrSum, locASum})
      if (a.length != n)
        throw new IllegalArgumentException("expected " + n + " alphas, got " + a.length);
    tp = tp.clone();
    fn = fn.clone();
    fp = fp.clone();
    assASum = assASum.clone();
    assReSum = assReSum.clone();
    assPrSum = assPrSum.clone();
    locASum = locASum.clone();
  }

  /** Matched detections per alpha (a copy). */
  @Override
  public double[] tp() {
    return tp.clone();
  }

  /** Unmatched ground truth per alpha (a copy). */
  @Override
  public double[] fn() {
    return fn.clone();
  }

  /** Unmatched predictions per alpha (a copy). */
  @Override
  public double[] fp() {
    return fp.clone();
  }

  /** AssA × TP per alpha (a copy). */
  @Override
  public double[] assASum() {
    return assASum.clone();
  }

  /** AssRe × TP per alpha (a copy). */
  @Override
  public double[] assReSum() {
    return assReSum.clone();
  }

  /** AssPr × TP per alpha (a copy). */
  @Override
  public double[] assPrSum() {
    return assPrSum.clone();
  }

  /** Sum of matched similarities per alpha (a copy). */
  @Override
  public double[] locASum() {
    return locASum.clone();
  }

  /** Nothing evaluated. */
  public static HotaCounts zero() {
    double[] z = new double[Hota.ALPHAS.length];
    return new HotaCounts(z, z, z, z, z, z, z);
  }

  /**
   * The seven sums in component order ({@code tp, fn, fp, assASum, assReSum, assPrSum, locASum}),
   * copies; {@link #ofSums} reads them back.
   */
  public double[][] sums() {
    return new double[][] {tp(), fn(), fp(), assASum(), assReSum(), assPrSum(), locASum()};
  }

  /** Counts from {@link #sums}' seven arrays. */
  public static HotaCounts ofSums(double[][] s) {
    if (s.length != 7) throw new IllegalArgumentException("expected 7 sums, got " + s.length);
    return new HotaCounts(s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
  }

  public HotaCounts plus(HotaCounts o) {
    double[][] a = sums(), b = o.sums();
    for (int s = 0; s < a.length; s++) for (int k = 0; k < a[s].length; k++) a[s][k] += b[s][k];
    return ofSums(a);
  }

  /** DetA at alpha index {@code a}: TP / max(1, TP + FN + FP). */
  public double detA(int a) {
    return tp[a] / Math.max(1, tp[a] + fn[a] + fp[a]);
  }

  public double detRe(int a) {
    return tp[a] / Math.max(1, tp[a] + fn[a]);
  }

  public double detPr(int a) {
    return tp[a] / Math.max(1, tp[a] + fp[a]);
  }

  public double assA(int a) {
    return assASum[a] / Math.max(1, tp[a]);
  }

  public double assRe(int a) {
    return assReSum[a] / Math.max(1, tp[a]);
  }

  public double assPr(int a) {
    return assPrSum[a] / Math.max(1, tp[a]);
  }

  /** LocA at alpha index {@code a}; 1 when nothing matched (TrackEval's 1e-10 guard). */
  public double locA(int a) {
    return Math.max(1e-10, locASum[a]) / Math.max(1e-10, tp[a]);
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

  @Override
  public boolean equals(Object o) {
    return o instanceof HotaCounts h && Arrays.deepEquals(sums(), h.sums());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tp) * 31 + Arrays.hashCode(assASum);
  }
}
