package io.keyframe.report.agreement;

import io.keyframe.report.auth.Role;
import io.keyframe.report.data.Grid;
import io.keyframe.report.drilldown.AgreementFramesPage;
import io.keyframe.report.html.Templates;
import java.util.Locale;

/** Renders {@link AgreementView} as HTML (template {@code agreement.jte}). */
public final class AgreementPage {
  private AgreementPage() {}

  /** The page. */
  public static String render(AgreementView v, Role role) {
    return Templates.render("agreement.jte", "v", v, "role", role);
  }

  /**
   * The objects behind confusion cell ({@code row}, {@code col}): matched pairs of these two
   * classes, A's objects B did not draw, or B's that A did not; null for an empty cell or the
   * corner (neither drew it).
   */
  public static String confusionUrl(AgreementView.Confusion c, int row, int col) {
    Grid n = c.counts();
    if (Math.round(n.values()[row][col]) == 0) return null;
    String rowKey = n.rowKeys().get(row), colKey = n.columnKeys().get(col);
    if (rowKey.equals(AgreementView.ONLY_B)) {
      return colKey.equals(AgreementView.MISSED_BY_B)
          ? null
          : AgreementFramesPage.url(c.raterA(), c.raterB(), colKey, null, "only_b", null);
    }
    return colKey.equals(AgreementView.MISSED_BY_B)
        ? AgreementFramesPage.url(c.raterA(), c.raterB(), rowKey, null, "only_a", null)
        : AgreementFramesPage.url(c.raterA(), c.raterB(), rowKey, colKey, null, null);
  }

  /** A confusion cell's background: grey on the diagonal, else red by its share of the row. */
  public static String shade(boolean diagonal, double share) {
    if (diagonal) return "#e5e7eb";
    if (Double.isNaN(share) || share == 0) return "#ffffff";
    return String.format(Locale.ROOT, "rgba(220,38,38,%.2f)", 0.12 + 0.75 * share);
  }

  /** The frames behind a kappa grid cell (row {@code a vs b}, column a class), or null. */
  public static String kappaCellUrl(String pairKey, String label) {
    String[] ab = pairKey.split(" vs ", 2);
    return ab.length < 2 ? null : AgreementFramesPage.url(ab[0], ab[1], label, null);
  }
}
