package io.keyframe.metrics.report;

import io.keyframe.metrics.agreement.Agreement;
import io.keyframe.metrics.agreement.KrippendorffAlpha;
import io.keyframe.metrics.agreement.RatingAgreement;
import io.keyframe.metrics.agreement.RatingAgreement.PairKappa;
import io.keyframe.metrics.agreement.RatingTable;
import io.keyframe.metrics.agreement.Weighting;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.metrics.bootstrap.PercentileBootstrap.Interval;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code agreement} command's output for an {@code item,rater,label} CSV: kappa and alpha with
 * percentile-bootstrap intervals, as text or JSON. Undefined statistics print their reason.
 *
 * @param agreement the computed statistics
 */
public record AgreementReport(RatingAgreement agreement) {

  /** Reads the CSV and computes everything with 1000 bootstrap replicates, 95 %, seed 42. */
  public static AgreementReport ofCsv(Path csv, Weighting weighting) {
    return new AgreementReport(
        RatingAgreement.of(RatingTable.readCsv(csv), weighting, PercentileBootstrap.standard()));
  }

  public String toText() {
    RatingAgreement a = agreement;
    RatingTable t = a.table();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "items %d, raters %d, labels %d%n",
            t.items().size(),
            t.raters().size(),
            t.categories().size()));
    if (t.raters().size() < 2) b.append("only one rater: agreement is undefined\n");
    for (PairKappa p : a.pairs()) {
      b.append(
          String.format(
              Locale.ROOT,
              "cohen_kappa %s|%s (%d items): %s",
              p.raterA(),
              p.raterB(),
              p.items(),
              p.unweighted().format(6)));
      if (a.weighting() != Weighting.NONE)
        b.append(
            String.format(
                Locale.ROOT,
                "  %s-weighted: %s",
                a.weighting().name().toLowerCase(Locale.ROOT),
                p.weighted().format(6)));
      b.append(ci("cohen:" + p.raterA() + "|" + p.raterB())).append('\n');
    }
    b.append(
        String.format(
            Locale.ROOT,
            "fleiss_kappa (%d items rated by all): %s%s%n",
            a.fleissItems(),
            a.fleiss().format(6),
            ci("fleiss")));
    b.append(String.format(Locale.ROOT, "randolph_kappa: %s%n", a.randolph().format(6)));
    for (Map.Entry<KrippendorffAlpha.Level, Agreement> e : a.alpha().entrySet()) {
      String level = e.getKey().name().toLowerCase(Locale.ROOT);
      b.append(
          String.format(
              Locale.ROOT,
              "krippendorff_alpha %s: %s%s%n",
              level,
              e.getValue().format(6),
              ci("alpha:" + level)));
    }
    b.append("accuracy vs majority vote:");
    for (int r = 0; r < t.raters().size(); r++)
      b.append(
          String.format(Locale.ROOT, " %s %.4f", t.raters().get(r), a.vote().raterAccuracy(r)));
    return b.append('\n').toString();
  }

  private String ci(String key) {
    Interval i = agreement.intervals().get(key);
    if (i == null) return "";
    if (!i.isDefined()) return "  [95% CI undefined]";
    return String.format(Locale.ROOT, "  [95%% CI %.4f, %.4f]", i.low(), i.high());
  }

  public String toJson() {
    RatingAgreement a = agreement;
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("items", a.table().items().size());
    root.put("raters", a.table().raters());
    root.put("labels", a.table().categories());
    root.put("weights", a.weighting().name().toLowerCase(Locale.ROOT));
    Map<String, Object> cohen = new LinkedHashMap<>();
    for (PairKappa p : a.pairs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("items", p.items());
      m.put("kappa", ReportJson.agreement(p.unweighted()));
      m.put("weighted_kappa", ReportJson.agreement(p.weighted()));
      m.put("ci", interval(a.intervals().get("cohen:" + p.raterA() + "|" + p.raterB())));
      cohen.put(p.raterA() + "|" + p.raterB(), m);
    }
    root.put("cohen_kappa", cohen);
    root.put(
        "fleiss_kappa",
        Map.of("value", ReportJson.agreement(a.fleiss()), "items", a.fleissItems()));
    root.put("fleiss_kappa_ci", interval(a.intervals().get("fleiss")));
    root.put("randolph_kappa", ReportJson.agreement(a.randolph()));
    Map<String, Object> alpha = new LinkedHashMap<>();
    a.alpha()
        .forEach(
            (l, v) -> {
              String level = l.name().toLowerCase(Locale.ROOT);
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("value", ReportJson.agreement(v));
              m.put("ci", interval(a.intervals().get("alpha:" + level)));
              alpha.put(level, m);
            });
    root.put("krippendorff_alpha", alpha);
    Map<String, Object> acc = new LinkedHashMap<>();
    for (int r = 0; r < a.table().raters().size(); r++) {
      double v = a.vote().raterAccuracy(r);
      acc.put(a.table().raters().get(r), ReportJson.finite(v));
    }
    root.put("accuracy_vs_majority", acc);
    return ReportJson.indented(root);
  }

  private static Object interval(Interval i) {
    if (i == null || !i.isDefined()) return null;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("low", i.low());
    m.put("high", i.high());
    m.put("replicates", i.used());
    return m;
  }
}
