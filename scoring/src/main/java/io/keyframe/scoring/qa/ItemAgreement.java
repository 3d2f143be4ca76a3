package io.keyframe.scoring.qa;

import io.keyframe.metrics.agreement.Agreement;
import io.keyframe.metrics.agreement.CohenKappa;
import io.keyframe.metrics.agreement.Weighting;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How well two annotators agree on one item: objects both drew, mean IoU, class kappa of the
 * matched objects, and track-ID mismatches.
 *
 * @param kappa Cohen's kappa on matched objects' classes; undefined when both used one class only
 * @param classAgreement raw share of matched objects with equal class (NaN when none matched)
 */
public record ItemAgreement(
    int matched,
    int onlyA,
    int onlyB,
    double meanIou,
    Agreement kappa,
    double classAgreement,
    int idMismatches) {

  /** Agreement statistics of one matching. */
  public static ItemAgreement of(ObjectMatching m) {
    TreeSet<String> cats = new TreeSet<>();
    for (ObjectMatch x : m.matches()) {
      cats.add(x.a().label());
      cats.add(x.b().label());
    }
    List<String> c = new ArrayList<>(cats);
    double[][] cm = new double[c.size()][c.size()];
    int same = 0;
    for (ObjectMatch x : m.matches()) {
      cm[c.indexOf(x.a().label())][c.indexOf(x.b().label())]++;
      if (x.a().label().equals(x.b().label())) same++;
    }
    Agreement kappa =
        m.matches().isEmpty()
            ? Agreement.undefined("no matched objects")
            : CohenKappa.fromConfusion(cm, Weighting.NONE);
    double raw = m.matches().isEmpty() ? Double.NaN : (double) same / m.matches().size();
    return new ItemAgreement(
        m.matches().size(),
        m.onlyA().size(),
        m.onlyB().size(),
        m.meanIou(),
        kappa,
        raw,
        m.idMismatches());
  }

  /** Share of drawn objects that both annotators drew; 1 when neither drew any. */
  public double matchedFraction() {
    int total = 2 * matched + onlyA + onlyB;
    return total == 0 ? 1 : 2.0 * matched / total;
  }

  /** The thresholds this item crosses, as short reasons; empty when it passes. */
  public List<String> reasons(ReviewThresholds t) {
    List<String> out = new ArrayList<>();
    if (matched > 0 && meanIou < t.minMeanIou())
      out.add(String.format("mean-iou=%.2f<%.2f", meanIou, t.minMeanIou()));
    if (kappa.isDefined() && kappa.value() < t.minKappa())
      out.add(String.format("class-kappa=%.2f<%.2f", kappa.value(), t.minKappa()));
    // Kappa is undefined when both used one class throughout; then any class difference is a
    // reason.
    if (!kappa.isDefined() && matched > 0 && classAgreement < 1)
      out.add(String.format("class-agreement=%.2f", classAgreement));
    if (matchedFraction() < t.minMatchedFraction())
      out.add(
          String.format(
              "matched=%.2f<%.2f (%d only-first, %d only-second)",
              matchedFraction(), t.minMatchedFraction(), onlyA, onlyB));
    if (matched > 0 && (double) idMismatches / matched > t.maxIdMismatchRate())
      out.add(String.format("id-mismatch=%d/%d", idMismatches, matched));
    return out;
  }
}
