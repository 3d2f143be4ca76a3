package io.keyframe.metrics.agreement;

import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.metrics.bootstrap.PercentileBootstrap.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every agreement statistic of a rating table with bootstrap intervals over items: Cohen's kappa
 * for each rater pair (unweighted and with the chosen weights), Fleiss' and Randolph's kappa on the
 * items every rater labelled, Krippendorff's alpha (nominal; ordinal and interval when labels are
 * numbers), and majority-vote accuracy per rater.
 *
 * @param table the ratings
 * @param weighting weights of the weighted Cohen's kappa
 * @param pairs Cohen's kappa per rater pair
 * @param fleiss Fleiss' kappa
 * @param randolph Randolph's free-marginal kappa
 * @param fleissItems items rated by every rater (those Fleiss uses)
 * @param alpha Krippendorff's alpha per level
 * @param vote consensus and per-rater accuracy
 * @param intervals bootstrap interval per statistic key ({@code cohen:a|b}, {@code fleiss}, {@code
 *     alpha:nominal}, ...)
 */
public record RatingAgreement(
    RatingTable table,
    Weighting weighting,
    List<PairKappa> pairs,
    Agreement fleiss,
    Agreement randolph,
    int fleissItems,
    Map<KrippendorffAlpha.Level, Agreement> alpha,
    MajorityVote vote,
    Map<String, Interval> intervals) {

  /**
   * Cohen's kappa of one rater pair.
   *
   * @param unweighted plain kappa
   * @param weighted kappa with the report's weighting (equal to unweighted for {@link
   *     Weighting#NONE})
   * @param items items both rated
   */
  public record PairKappa(
      String raterA, String raterB, Agreement unweighted, Agreement weighted, int items) {}

  public RatingAgreement {
    pairs = List.copyOf(pairs);
    alpha = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(alpha));
    intervals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
  }

  /** Computes everything; {@code bootstrap} null skips the intervals. */
  public static RatingAgreement of(
      RatingTable t, Weighting weighting, PercentileBootstrap bootstrap) {
    int nr = t.raters().size();
    List<PairKappa> pairs = new ArrayList<>();
    Map<String, Interval> ci = new LinkedHashMap<>();
    for (int a = 0; a < nr; a++)
      for (int b = a + 1; b < nr; b++) {
        int both = 0;
        for (int i = 0; i < t.items().size(); i++)
          if (t.code(i, a) >= 0 && t.code(i, b) >= 0) both++;
        Agreement plain = CohenKappa.of(t, a, b, Weighting.NONE);
        Agreement weighted =
            weighting == Weighting.NONE ? plain : CohenKappa.of(t, a, b, weighting);
        pairs.add(new PairKappa(t.raters().get(a), t.raters().get(b), plain, weighted, both));
        if (bootstrap != null) {
          int ra = a, rb = b;
          ci.put(
              "cohen:" + t.raters().get(a) + "|" + t.raters().get(b),
              bootstrap.interval(
                  t.items().size(),
                  idx -> CohenKappa.of(t.selectItems(idx), ra, rb, weighting).value()));
        }
      }
    int complete = 0;
    for (int i = 0; i < t.items().size(); i++) {
      boolean all = true;
      for (int r = 0; r < nr; r++) all &= t.code(i, r) >= 0;
      if (all) complete++;
    }
    Agreement fleiss = FleissKappa.of(t, FleissKappa.Method.FLEISS);
    Agreement randolph = FleissKappa.of(t, FleissKappa.Method.RANDOLPH);
    Map<KrippendorffAlpha.Level, Agreement> alpha = new LinkedHashMap<>();
    List<KrippendorffAlpha.Level> levels =
        t.numeric()
            ? List.of(
                KrippendorffAlpha.Level.NOMINAL,
                KrippendorffAlpha.Level.ORDINAL,
                KrippendorffAlpha.Level.INTERVAL)
            : List.of(KrippendorffAlpha.Level.NOMINAL);
    for (KrippendorffAlpha.Level l : levels) alpha.put(l, KrippendorffAlpha.of(t, l));
    if (bootstrap != null) {
      int n = t.items().size();
      ci.put(
          "fleiss",
          bootstrap.interval(
              n, idx -> FleissKappa.of(t.selectItems(idx), FleissKappa.Method.FLEISS).value()));
      for (KrippendorffAlpha.Level l : levels)
        ci.put(
            "alpha:" + l.name().toLowerCase(java.util.Locale.ROOT),
            bootstrap.interval(n, idx -> KrippendorffAlpha.of(t.selectItems(idx), l).value()));
    }
    return new RatingAgreement(
        t, weighting, pairs, fleiss, randolph, complete, alpha, MajorityVote.of(t), ci);
  }
}
