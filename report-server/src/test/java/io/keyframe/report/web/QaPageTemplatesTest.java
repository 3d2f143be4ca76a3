package io.keyframe.report.web;

import static io.keyframe.report.web.HostileText.BREAKOUT;
import static io.keyframe.report.web.HostileText.BREAKOUT_IN_ATTRIBUTE;
import static io.keyframe.report.web.HostileText.BREAKOUT_IN_TEXT;
import static io.keyframe.report.web.HostileText.SCRIPT;
import static io.keyframe.report.web.HostileText.SCRIPT_ESCAPED;
import static io.keyframe.report.web.HostileText.assertNoMarkupFromData;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.report.agreement.AgreementPage;
import io.keyframe.report.agreement.AgreementView;
import io.keyframe.report.auth.Role;
import io.keyframe.report.compare.ComparePage;
import io.keyframe.report.compare.CompareView;
import io.keyframe.report.data.CommandLog;
import io.keyframe.report.data.Grid;
import io.keyframe.report.drilldown.AgreementFramesPage;
import io.keyframe.report.drilldown.AgreementFramesView;
import io.keyframe.report.drilldown.CompareFramesPage;
import io.keyframe.report.drilldown.CompareFramesView;
import io.keyframe.report.labelnext.LabelNextPage;
import io.keyframe.report.labelnext.LabelNextView;
import io.keyframe.report.labelnext.QueueFilter;
import io.keyframe.report.scorecard.ScorecardPage;
import io.keyframe.report.scorecard.ScorecardView;
import io.keyframe.scoring.qa.Estimate;
import io.keyframe.scoring.qa.ScorecardRow;
import io.keyframe.scoring.qa.SourceRoles;
import io.keyframe.scoring.queue.QueueRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The QA pages' templates (scorecards, drill-downs, compare, label next, agreement) escape hostile
 * annotator names, labels and video IDs, in element text and attribute values alike.
 */
class QaPageTemplatesTest {
  private static ScorecardRow row(String annotator, String label) {
    return ScorecardRow.builder(annotator, label)
        .videos(3)
        .referenceObjects(120)
        .annotatorObjects(118)
        .precision(new Estimate(0.9, 0.85, 0.95))
        .rank(1)
        .build();
  }

  private static ScorecardView scorecards(String annotator, String label) {
    ScorecardRow all = row(annotator, ScorecardRow.ALL);
    return new ScorecardView(
        new SourceRoles(List.of(annotator), "gt", SCRIPT, null, null, List.of(), SCRIPT),
        SCRIPT,
        3,
        List.of(all),
        List.of(all, row(annotator, label)),
        false,
        null);
  }

  @Test
  void theScorecardIndexEscapesAHostileAnnotatorName() {
    String html = ScorecardPage.renderIndex(scorecards(BREAKOUT, SCRIPT), 30, Role.REVIEWER);

    assertNoMarkupFromData(html);
    assertThat(html).contains("<tr data-annotator=\"" + BREAKOUT_IN_ATTRIBUTE + "\">");
    // the name in the URL path is percent-encoded, and the link text is escaped
    assertThat(html)
        .contains(
            "href=\"/scorecards/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E\">"
                + BREAKOUT_IN_TEXT
                + "</a>");
    assertThat(html).contains("<span id=\"reference-kind\">" + SCRIPT_ESCAPED + "</span>");
    assertThat(html).contains("<code>" + SCRIPT_ESCAPED + "</code>");
    // the numbers are still there: precision 0.900 [0.850, 0.950]
    assertThat(html)
        .contains("<span data-k=\"precision\">0.900</span>")
        .contains("<span class=\"ci\" data-k=\"precision-ci\">[0.850, 0.950]</span>")
        .contains("<span data-k=\"hota\">—</span></td>");
  }

  @Test
  void theScorecardOfAnAnnotatorEscapesTheNameLabelsAndPairLinks() {
    String html =
        ScorecardPage.renderAnnotator(
            scorecards(SCRIPT, BREAKOUT),
            SCRIPT,
            List.of(row(SCRIPT, ScorecardRow.ALL), row(SCRIPT, BREAKOUT)),
            List.of(SCRIPT + "|ann2"),
            30,
            Role.REVIEWER);

    assertNoMarkupFromData(html);
    assertThat(html).contains("<h1>Scorecard · " + SCRIPT_ESCAPED + "</h1>");
    assertThat(html)
        .contains("<tr data-label=\"" + BREAKOUT_IN_ATTRIBUTE + "\"><td>" + BREAKOUT_IN_TEXT);
    assertThat(html).contains("<h2>Where " + SCRIPT_ESCAPED + " and the others disagree</h2>");
    assertThat(html).contains(">" + SCRIPT_ESCAPED + " vs ann2</a>");
    assertThat(html).contains("<div class=\"v\" data-k=\"precision\">0.900</div>");
    assertThat(html).contains("<div class=\"ci\" data-k=\"precision-ci\">[0.850, 0.950]</div>");
  }

  @Test
  void theAgreementDrillDownEscapesRatersLabelsAndVideoIds() {
    AgreementFramesView v =
        new AgreementFramesView(
            SCRIPT,
            "ann2",
            BREAKOUT,
            null,
            null,
            null,
            new AgreementFramesView.Totals(1, 0, 0, 1, 0),
            List.of(
                new AgreementFramesView.FrameRow(
                    BREAKOUT,
                    4,
                    1,
                    0,
                    1,
                    0,
                    1,
                    0.8,
                    0.8,
                    List.of(
                        new AgreementFramesView.FrameObject("matched", 1, SCRIPT, 2, SCRIPT, 0.8),
                        new AgreementFramesView.FrameObject(
                            "only_a", 3, BREAKOUT, null, null, Double.NaN)),
                    "/frames/x/4?a=1&b=2",
                    "/thumbs/x/4.png")),
            1,
            2,
            1,
            List.of(SCRIPT + "|ann2"),
            List.of(BREAKOUT),
            List.of(BREAKOUT));
    String html = AgreementFramesPage.render(v, Role.REVIEWER);

    assertNoMarkupFromData(html);
    assertThat(html)
        .contains("<option value=\"" + BREAKOUT_IN_ATTRIBUTE + "\" selected>" + BREAKOUT_IN_TEXT)
        .contains("<tr data-video=\"" + BREAKOUT_IN_ATTRIBUTE + "\" data-frame=\"4\">")
        .contains("<td>" + BREAKOUT_IN_TEXT + "</td>")
        .contains("#1 " + SCRIPT_ESCAPED + " ↔ #2 " + SCRIPT_ESCAPED + " · IoU 0.800")
        .contains("#3 " + BREAKOUT_IN_TEXT + " ↔ <i>none</i> <small>only a</small>")
        .contains("href=\"/frames/x/4?a=1&amp;b=2\"")
        .contains(SCRIPT_ESCAPED + " is A, ann2 is B.")
        .contains("<div class=\"v\" data-k=\"only-a\">1</div>")
        .contains("<a rel=\"next\" href=\"/agreement/frames?pair=");
    assertThat(html).doesNotContain("rel=\"prev\"");
  }

  @Test
  void theCompareDrillDownEscapesModelNamesVideoIdsAndDetails() {
    CompareFramesView v =
        new CompareFramesView(
            SCRIPT,
            "fallback",
            null,
            List.of(
                new CompareFramesView.Frame(
                    BREAKOUT, 7, 0.25, SCRIPT, true, "/frames/x/7", "/thumbs/x/7.png?a&b")),
            1,
            1,
            1,
            List.of(SCRIPT + "|fallback"),
            List.of(BREAKOUT));
    String html = CompareFramesPage.render(v, Role.VIEWER);

    assertNoMarkupFromData(html);
    assertThat(html)
        .contains("<h1>Frames behind " + SCRIPT_ESCAPED + " vs fallback</h1>")
        .contains("<option value=\"" + BREAKOUT_IN_ATTRIBUTE + "\">" + BREAKOUT_IN_TEXT)
        .contains("<td>" + BREAKOUT_IN_TEXT + "</td>")
        .contains("<td>" + SCRIPT_ESCAPED + "</td>")
        .contains("<td class=\"n\" data-k=\"disagreement\">0.250</td>")
        .contains("src=\"/thumbs/x/7.png?a&amp;b\"");
    // a viewer gets no link to the frame page, and one page needs no pager
    assertThat(html).doesNotContain("frame-link").doesNotContain("class=\"pager\"");
  }

  @Test
  void theComparePageEscapesModelNamesLabelsVideoIdsAndGridKeys() {
    CompareView v =
        new CompareView(
            BREAKOUT,
            List.of(SCRIPT + "|fallback"),
            SCRIPT,
            "fallback",
            List.of(
                new CompareView.CompareRow(BREAKOUT, SCRIPT, "HOTA", 0.5, 0.65, 0.15, 0.05, 0.25),
                new CompareView.CompareRow(SCRIPT, BREAKOUT, "MOTA", 0.5, 0.4, -0.1, -0.2, 0.1)),
            new Grid(List.of("HOTA"), List.of(SCRIPT), new double[][] {{0.15}}),
            List.of(
                new CompareView.FrameDisagreement(
                    BREAKOUT, 2, 0.5, SCRIPT, "/thumbs/x/2.png", "/frame/x/2", List.of(SCRIPT))),
            List.of(new CompareView.SourceMetrics(SCRIPT, BREAKOUT, 0.1, 0.2, 0.3, 0.4, 0.5, 6)));
    String html = ComparePage.render(v, Role.REVIEWER);

    assertNoMarkupFromData(html);
    assertThat(html)
        .contains("<code>" + BREAKOUT_IN_TEXT + "</code>")
        .contains("<div class=\"v\" id=\"model-a\">" + SCRIPT_ESCAPED + "</div>")
        .contains("<th class=\"n\">" + SCRIPT_ESCAPED + "</th>")
        .contains("<td>" + SCRIPT_ESCAPED + "</td><td>" + BREAKOUT_IN_TEXT + "</td>")
        .contains("<td data-k=\"keyframe\">" + SCRIPT_ESCAPED + "</td>")
        .contains(
            "src=\"/charts/compare-deltas.png?pair=%3Cscript%3Ealert%281%29%3C%2Fscript%3E%7Cfallback\"");
    // significant rows are bold, with a signed, coloured delta; the others are not
    assertThat(html)
        .contains("<tr class=\"sig\"><td>" + BREAKOUT_IN_TEXT + "</td>")
        .contains("<b><span class=\"pos\">+0.150</span></b>")
        .contains("<td class=\"n\" data-k=\"delta\"><span class=\"neg\">-0.100</span></td>")
        .contains("<a class=\"frame-link\" href=\"/frame/x/2\">");
  }

  @Test
  void theLabelNextPageEscapesVideoIdsLabelsSourcesAndFilters() {
    LabelNextView v =
        new LabelNextView(
            SCRIPT,
            new QueueFilter(BREAKOUT, null, null),
            List.of(BREAKOUT),
            List.of(SCRIPT),
            List.of("uncertainty"),
            List.of(
                new LabelNextView.Row(
                    new QueueRow(
                        1,
                        BREAKOUT,
                        10,
                        14,
                        0.75,
                        2.5,
                        2.5,
                        List.of(new QueueRow.Reason(SCRIPT, 0.5)),
                        List.of(new QueueRow.QueueObject(3, SCRIPT, BREAKOUT))),
                    12,
                    "/thumbs/x/12.png?objects=3",
                    "/frame/x/10",
                    "https://cvat.example/jobs/1?frame=10&x=1")),
            2.5,
            Map.of(BREAKOUT, List.of(SCRIPT)));
    String html = LabelNextPage.render(v, Role.REVIEWER);

    assertNoMarkupFromData(html);
    assertThat(html)
        .contains("<code>" + SCRIPT_ESCAPED + "</code>")
        .contains("<option value=\"" + BREAKOUT_IN_ATTRIBUTE + "\" selected>" + BREAKOUT_IN_TEXT)
        .contains("<span class=\"tag\">" + SCRIPT_ESCAPED + " 0.500</span>")
        .contains(
            "<span class=\"tag obj\" data-id=\"3\" data-label=\"&lt;script>alert(1)&lt;/script>\" data-source=\""
                + BREAKOUT_IN_ATTRIBUTE
                + "\">#3 "
                + SCRIPT_ESCAPED
                + " <small>"
                + BREAKOUT_IN_TEXT
                + "</small></span>")
        .contains("href=\"/thumbs/x/12.png?objects=3&amp;size=large\"")
        .contains("href=\"https://cvat.example/jobs/1?frame=10&amp;x=1\">open in CVAT ↗</a>")
        .contains("<a class=\"cvat\" href=\"/frame/x/10\">" + BREAKOUT_IN_TEXT + " · frame 10</a>")
        // the filter in the CSV link and the video in the export path are URL-encoded
        .contains("href=\"/label-next.csv?video=%22%3E%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E\"")
        .contains(
            "href=\"/export/cvat/%22%3E%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E?source=%3Cscript%3Ealert%281%29%3C%2Fscript%3E\">"
                + SCRIPT_ESCAPED
                + "</a>")
        .contains("<li>" + BREAKOUT_IN_TEXT + ": CVAT ")
        .contains("<div class=\"v\" id=\"card-minutes\">2.5</div>");
    // a viewer sees the frame as text, with neither CVAT links nor exports
    String viewer = LabelNextPage.render(v, Role.VIEWER);
    assertThat(viewer)
        .contains("<td>" + BREAKOUT_IN_TEXT + " · frame 10</td>")
        .doesNotContain("class=\"cvat")
        .doesNotContain("id=\"exports\"");
  }

  @Test
  void theAgreementPageEscapesRatersLabelsVideoIdsAndTheAuditTrail() {
    String pairKey = SCRIPT + " vs ann2";
    AgreementView v =
        new AgreementView(
            BREAKOUT,
            List.of(
                new AgreementView.AgreementRow(
                    BREAKOUT, SCRIPT, "ann2", SCRIPT, 4, 1, 0, 0.8, 0.7, 0.9, 0.6, 0.5, 0.7, 0.55)),
            new Grid(List.of(pairKey), List.of(BREAKOUT), new double[][] {{0.6}}),
            List.of(
                new AgreementView.ClassAgreement(
                    SCRIPT, "ann2", BREAKOUT, 0.6, 0.5, 0.7, null, 4, 1, 0, 0.889)),
            List.of(SCRIPT + "|ann2", "ann1|ann2"),
            new AgreementView.Confusion(
                SCRIPT,
                "ann2",
                new Grid(
                    List.of(BREAKOUT, AgreementView.ONLY_B),
                    List.of(BREAKOUT, AgreementView.MISSED_BY_B),
                    new double[][] {{3, 1}, {2, 0}}),
                new Grid(
                    List.of(BREAKOUT, AgreementView.ONLY_B),
                    List.of(BREAKOUT, AgreementView.MISSED_BY_B),
                    new double[][] {{0.75, 0.25}, {1, 0}})),
            List.of(new AgreementView.Timeline(SCRIPT, 2, 1, 1, "/charts/timeline.png?v=a&b")),
            List.of(new AgreementView.SpotCheck(BREAKOUT, 5, SCRIPT, SCRIPT)),
            new AgreementView.Audit(
                List.of(
                    new AgreementView.RunEntry(
                        SCRIPT, "agreement", 0L, 1000L, SCRIPT, SCRIPT, SCRIPT, SCRIPT, "{}")),
                List.of(new AgreementView.LabelledBy(BREAKOUT, SCRIPT, 18, 3, 6)),
                new CommandLog(
                    SCRIPT,
                    false,
                    List.of(
                        new CommandLog.Entry(1, "t", SCRIPT, BREAKOUT, SCRIPT, SCRIPT, SCRIPT)))));
    String html = AgreementPage.render(v, Role.REVIEWER);

    assertNoMarkupFromData(html);
    assertThat(html)
        .contains("<code>" + BREAKOUT_IN_TEXT + "</code>")
        .contains("<tr data-label=\"" + BREAKOUT_IN_ATTRIBUTE + "\"><td>" + SCRIPT_ESCAPED)
        .contains("<td data-k=\"band\">—</td>")
        .contains("<h2>Where " + SCRIPT_ESCAPED + "'s classes end up in ann2's labels</h2>")
        .contains("<th class=\"n\">" + BREAKOUT_IN_TEXT + "</th>")
        // the confusion cells: diagonal grey, the others red by their share; counts link
        .contains(
            "<td class=\"n diag\" data-share=\"0.750\" style=\"background:#e5e7eb\"><a class=\"drill\"")
        .contains("data-share=\"0.250\" style=\"background:rgba(220,38,38,0.31)\"")
        .contains("style=\"background:#ffffff\">0</td>")
        .contains("&amp;outcome=only_a")
        .contains("&amp;outcome=only_b")
        // the kappa grid row keys are escaped and its cells link to the pair's frames
        .contains("<tr><td>" + SCRIPT_ESCAPED + " vs ann2</td><td class=\"n\"><a class=\"drill\"")
        .contains("src=\"/charts/timeline.png?v=a&amp;b\"")
        .contains("href=\"/frame/%22%3E%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E/5\">5</a>")
        .contains(
            "<p id=\"audit-summary\" class=\"unverified\"><b data-k=\"verified\">✘ not verified</b>")
        .contains("<span id=\"audit-status\">" + SCRIPT_ESCAPED + "</span>")
        .contains("<td>1970-01-01T00:00:01Z</td>")
        .contains("<pre>" + SCRIPT_ESCAPED + "</pre>")
        .contains(
            "<td>"
                + BREAKOUT_IN_TEXT
                + "</td><td>"
                + SCRIPT_ESCAPED
                + "</td><td class=\"n\">18</td>");
    // a viewer gets neither the spot-check sample nor the trail
    AgreementView viewer =
        new AgreementView(
            null,
            List.of(),
            v.kappaByPairAndLabel(),
            List.of(),
            List.of(),
            null,
            List.of(),
            null,
            null);
    assertThat(AgreementPage.render(viewer, Role.VIEWER))
        .contains("Visible to the reviewer role and above.")
        .contains("No per-class agreement rows.")
        .doesNotContain("audit-summary");
  }
}
