package io.keyframe.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.keyframe.report.agreement.AgreementView;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.export.CvatLinks;
import io.keyframe.report.html.Html;
import io.keyframe.report.web.ReportServer;
import io.keyframe.scoring.qa.TimeLog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The QA pages in headless Chromium over {@link QaBatch}: drill-down from agreement numbers to the
 * frames behind them and on to the frame page, the per-annotator scorecards, the table script
 * (sort, filter, pages) under the server's Content-Security-Policy, the audit summary, and CVAT
 * deep links. Every expected number is derived by hand from QaBatch (see its comment), never from
 * the page code. Screenshots land in {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QaPagesBrowserTest {
  static final String REVIEWER = "reviewer-token-qa-0123456789";
  static final String CVAT = "https://cvat.example.org";

  @RegisterExtension
  static final BrowserSession browser =
      new BrowserSession(
          REVIEWER,
          root -> {
            QaBatch.write(root);
            Path jobs = root.resolve("cvat-jobs.csv");
            // qa1 is CVAT task 7, cut into job 11 (frames 0-1) and job 12 (frames 2-3).
            Files.writeString(
                jobs,
                "video_id,task_id,job_id,start_frame,stop_frame\nqa1,7,11,0,1\nqa1,7,12,2,3\n");
            // ann1 spent 10 minutes on qa1, ann2 20 minutes.
            Path times = root.resolve("times.csv");
            Files.writeString(times, "annotator,video,seconds\nann1,qa1,600\nann2,qa1,1200\n");
            return new ReportServer(
                root,
                TokenStore.fromLines(List.of(REVIEWER + " reviewer")),
                new ReportConfig(CvatLinks.read(CVAT, jobs), TimeLog.readCsv(times), 40));
          });

  @BeforeAll
  static void logIn() {
    browser.open("/agreement");
    browser.driver.findElement(By.id("token")).sendKeys(REVIEWER);
    browser.driver.findElement(By.id("login")).click();
    browser.awaitUrl("/agreement");
  }

  @Test
  @Order(1)
  void aClassRowOpensTheFramesBehindItsCountsMostDisagreementFirst() throws Exception {
    browser.open("/agreement");
    WebElement pole =
        browser.driver.findElement(By.cssSelector("#class-agreement tr[data-label=iv_pole]"));
    String matched = pole.findElement(By.cssSelector("[data-k=matched]")).getText();
    String onlyA = pole.findElement(By.cssSelector("[data-k=only-a]")).getText();
    String onlyB = pole.findElement(By.cssSelector("[data-k=only-b]")).getText();
    pole.findElement(By.cssSelector("a.drill")).click();
    browser.awaitUrl("/agreement/frames");
    // iv_pole by hand: A's track 12 matched on f0 (same class) and f1 (B says bed_rail), alone on
    // f2 and f3; B drew no iv_pole of its own.
    assertThat(card("matched")).isEqualTo(matched).isEqualTo("2");
    assertThat(card("only-a")).isEqualTo(onlyA).isEqualTo("2");
    assertThat(card("only-b")).isEqualTo(onlyB).isEqualTo("0");
    assertThat(card("mislabelled")).isEqualTo("1");
    assertThat(card("frames")).isEqualTo("4");
    // One disagreement each on frames 1 (matched, IoU 1), 2 and 3 (unmatched), none on 0.
    assertThat(frames()).containsExactly("1", "2", "3", "0");
    WebElement f1 = browser.driver.findElement(By.cssSelector("#drill-frames tr[data-frame='1']"));
    assertThat(f1.findElement(By.cssSelector("span.obj.mislabelled")).getText())
        .isEqualTo("#12 iv_pole ↔ #22 bed_rail · IoU 1.000 mislabelled");
    assertThat(f1.findElement(By.cssSelector("[data-k=min-iou]")).getText()).isEqualTo("1.000");
    WebElement f2 = browser.driver.findElement(By.cssSelector("#drill-frames tr[data-frame='2']"));
    assertThat(f2.findElement(By.cssSelector("span.obj.only_a")).getText())
        .isEqualTo("#12 iv_pole ↔ none only a");
    // the bed rail 11-21 on frame 2 is not of this class: only 12, unmatched, so no IoU
    assertThat(f2.findElement(By.cssSelector("[data-k=mean-iou]")).getText()).isEqualTo("—");
    // The JSON twin says the same.
    JsonNode api = browser.api("/api/agreement/frames?pair=" + enc("ann1|ann2") + "&label=iv_pole");
    assertThat(api.at("/totals/matched").asInt()).isEqualTo(2);
    assertThat(api.at("/totals/onlyA").asInt()).isEqualTo(2);
    assertThat(api.at("/frames/0/frame").asInt()).isEqualTo(1);
    browser.screenshot("drill-down");

    // On to the frame page: both annotators' boxes, the disagreeing objects highlighted.
    f1.findElement(By.cssSelector("a.frame-link")).click();
    browser.awaitUrl("/frame/");
    assertThat(browser.driver.findElement(By.id("cvat-frame")).getText()).isEqualTo("1");
    assertThat(browser.legendSources()).containsExactly("ann1", "ann2");
    assertThat(hotTracks("ann1")).containsExactly("12");
    assertThat(hotTracks("ann2")).containsExactly("22");
  }

  @Test
  @Order(2)
  void pairByClassCellsAndPerVideoRowsOpenTheirOwnFrames() throws Exception {
    browser.open("/agreement");
    WebElement cell =
        browser.first(
            "#kappa-grid a.drill", a -> a.getAttribute("href").contains("label=bed_rail"));
    cell.click();
    browser.awaitUrl("label=bed_rail");
    // bed_rail: 11-21 matched on all 4 frames (A's count), and on f1 B calls A's iv_pole a bed
    // rail: in the class's one-vs-rest kappa, not in its matched count.
    assertThat(card("matched")).isEqualTo("4");
    assertThat(card("other-called-this")).isEqualTo("1");
    assertThat(frames()).containsExactly("1", "0", "2", "3");

    browser.open("/agreement");
    WebElement all =
        browser.first("#agreement tbody tr", r -> r.getText().startsWith("qa1 ann1 ann2 __all__"));
    List<String> counts =
        all.findElements(By.cssSelector("td.n")).stream().map(WebElement::getText).toList();
    all.findElement(By.cssSelector("a.drill")).click();
    browser.awaitUrl("video=qa1");
    // All classes of qa1: 6 matched (1 mislabelled), 2 only A (f2, f3), 1 only B (f0's monitor).
    assertThat(List.of(card("matched"), card("only-a"), card("only-b")))
        .containsExactly("6", "2", "1")
        .isEqualTo(counts.subList(0, 3));
    assertThat(frames()).containsExactly("0", "1", "2", "3");
  }

  @Test
  @Order(2)
  void eachConfusionCountOpensTheObjectsItCounts() throws Exception {
    // Confusion of ann1 (rows) by ann2 (columns): iv_pole -> bed_rail once (f1), iv_pole -> "B did
    // not draw it" twice (f2, f3), "only B drew it" -> monitor once (f0).
    String[][] cells = {
      {"iv_pole", "bed_rail", "1", "mislabelled", "1"},
      {"iv_pole", AgreementView.MISSED_BY_B, "2", "only-a", "2,3"},
      {AgreementView.ONLY_B, "monitor", "1", "only-b", "0"}
    };
    for (String[] cell : cells) {
      browser.open("/agreement");
      List<String> columns =
          browser.driver.findElements(By.cssSelector("#confusion thead th")).stream()
              .map(e -> e.getAttribute("textContent"))
              .toList();
      WebElement row =
          browser.first(
              "#confusion tbody tr",
              r -> r.findElement(By.tagName("td")).getText().equals(cell[0]));
      WebElement td = row.findElements(By.tagName("td")).get(columns.indexOf(cell[1]));
      assertThat(td.getText()).as(cell[0] + " -> " + cell[1]).isEqualTo(cell[2]);
      td.findElement(By.cssSelector("a.drill")).click();
      browser.awaitUrl("/agreement/frames");
      assertThat(card(cell[3])).as(cell[0] + " -> " + cell[1]).isEqualTo(cell[2]);
      assertThat(String.join(",", frames())).isEqualTo(cell[4]);
    }
  }

  @Test
  @Order(3)
  void compareLinksEveryScoredFrameAndEachFrameLinkResolves() throws Exception {
    browser.open("/compare");
    // The absent class's cells read "—", not 0.000.
    WebElement humidifier =
        browser.first("#compare tbody tr", r -> r.getText().contains("humidifier"));
    assertThat(humidifier.findElements(By.cssSelector("td.n")))
        .extracting(WebElement::getText)
        .containsExactly("—", "—", "—", "[—, —]");
    browser.driver.findElement(By.id("all-frames")).click();
    browser.awaitUrl("/compare/frames");
    assertThat(browser.driver.findElement(By.id("frame-count")).getText()).isEqualTo("3 frames");
    assertThat(
            browser.driver.findElements(By.cssSelector("#compare-frames td[data-k=disagreement]")))
        .extracting(WebElement::getText)
        .containsExactly("0.500", "0.400", "0.300");
    List<String> links =
        browser.driver.findElements(By.cssSelector("#compare-frames a.frame-link")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(links).hasSize(3);
    for (String href : links) assertThat(browser.status(href)).as(href).isEqualTo(200);
    browser.screenshot("compare-frames");
  }

  @Test
  @Order(4)
  void scorecardsShowEachAnnotatorsQualityAsCountedByHand() throws Exception {
    browser.open("/scorecards");
    assertThat(browser.driver.findElement(By.id("reference-kind")).getText())
        .isEqualTo("ground truth");
    WebElement ann1 =
        browser.driver.findElement(By.cssSelector("#scorecards tr[data-annotator=ann1]"));
    WebElement ann2 =
        browser.driver.findElement(By.cssSelector("#scorecards tr[data-annotator=ann2]"));
    // ann1 copies the ground truth: 8 of 8 boxes, perfect tracks.
    assertThat(k(ann1, "precision")).isEqualTo("1.000");
    assertThat(k(ann1, "recall")).isEqualTo("1.000");
    assertThat(k(ann1, "hota")).isEqualTo("1.000");
    // ann2 against gt, per class CLEAR: bed_rail 4 TP + 1 FP (22 on f1), iv_pole 1 TP + 3 FN,
    // monitor 1 FP -> precision 5/7, recall 5/8, F1 2/3; 7 boxes drawn, 8 in the reference.
    assertThat(k(ann2, "precision")).isEqualTo(Html.f3(5 / 7.0));
    assertThat(k(ann2, "recall")).isEqualTo(Html.f3(5 / 8.0));
    assertThat(k(ann2, "f1")).isEqualTo(Html.f3(2 / 3.0));
    assertThat(k(ann2, "objects")).isEqualTo("7");
    assertThat(k(ann2, "reference-objects")).isEqualTo("8");
    assertThat(k(ann2, "videos")).isEqualTo("1");
    assertThat(k(ann2, "id-switches")).isEqualTo("0");
    // One video, 8 objects: too little to rank.
    assertThat(k(ann2, "rank")).startsWith("—").contains("small sample");
    // Speed and cost from the time log: 4 frames in 1/6 h and 1/3 h, at 40 per hour.
    assertThat(k(ann1, "frames-per-hour")).isEqualTo("24.0");
    assertThat(k(ann2, "frames-per-hour")).isEqualTo("12.0");
    assertThat(k(ann1, "cost-per-video")).isEqualTo(Html.f1(40 / 6.0));
    assertThat(k(ann2, "cost-per-video")).isEqualTo(Html.f1(40 / 3.0));
    // kappa vs the other annotator over matched pairs (bed,bed)x4, (iv,iv), (iv,bed) of ann2 vs
    // ann1: p_o 5/6, p_e = (5/6)(4/6) + (1/6)(2/6) = 22/36 -> 4/7.
    assertThat(k(ann2, "kappa-others")).isEqualTo(Html.f3(4 / 7.0));
    browser.screenshot("scorecards");

    ann2.findElement(By.cssSelector("a.scorecard")).click();
    browser.awaitUrl("/scorecards/ann2");
    assertThat(browser.driver.findElement(By.cssSelector("#headline [data-k=precision]")).getText())
        .isEqualTo(Html.f3(5 / 7.0));
    WebElement bed =
        browser.driver.findElement(By.cssSelector("#per-class tr[data-label=bed_rail]"));
    assertThat(k(bed, "precision")).isEqualTo(Html.f3(4 / 5.0));
    assertThat(k(bed, "recall")).isEqualTo("1.000");
    WebElement pole =
        browser.driver.findElement(By.cssSelector("#per-class tr[data-label=iv_pole]"));
    assertThat(k(pole, "precision")).isEqualTo("1.000");
    assertThat(k(pole, "recall")).isEqualTo(Html.f3(1 / 4.0));
    // The reference has no monitor: recall is undefined, "—", and precision 0 of 1.
    WebElement monitor =
        browser.driver.findElement(By.cssSelector("#per-class tr[data-label=monitor]"));
    assertThat(k(monitor, "recall")).isEqualTo("—");
    assertThat(k(monitor, "precision")).isEqualTo("0.000");
    // The JSON twin holds the same rows.
    JsonNode api = browser.api("/api/scorecards/ann2");
    assertThat(api.at("/rows/0/precision/value").asDouble()).isEqualTo(5 / 7.0);
    assertThat(api.at("/rows/0/annotatorObjects").asInt()).isEqualTo(7);
    assertThat(browser.driver.findElements(By.cssSelector("#pair-links a")))
        .extracting(WebElement::getText)
        .containsExactly("ann1 vs ann2");
    browser.screenshot("scorecard-annotator");
  }

  @Test
  @Order(5)
  void tablesSortFilterAndPageWithTheScriptTheCspAllows() throws Exception {
    HttpResponse<String> page =
        browser.http.send(
            HttpRequest.newBuilder(URI.create(browser.base + "/agreement"))
                .header("Authorization", "Bearer " + REVIEWER)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    // No script-src: scripts fall back to default-src 'self', so only same-origin files run.
    assertThat(csp).contains("default-src 'self'").doesNotContain("script-src");
    assertThat(page.body()).contains("<script src=\"/static/tables.js\" defer></script>");
    HttpResponse<String> js =
        browser.http.send(
            HttpRequest.newBuilder(URI.create(browser.base + "/static/tables.js")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");

    browser.open("/agreement");
    // 30 spot-check rows: the first 25 shown, a pager for the rest.
    assertThat(browser.driver.findElements(By.cssSelector("#spot-check tbody tr")))
        .hasSize(QaBatch.SPOT_ROWS);
    assertThat(visible("#spot-check")).hasSize(25);
    WebElement pager = browser.driver.findElement(By.cssSelector(".table-pager"));
    assertThat(pager.getText()).startsWith("Rows 1–25 of 30");
    pager.findElement(By.cssSelector("button.page-next")).click();
    assertThat(visible("#spot-check")).hasSize(5);
    // Filter: every third row is "occluded" (10 of 30), all on one page.
    WebElement filter =
        browser.driver.findElements(By.cssSelector("input.table-filter")).stream()
            .filter(
                f ->
                    f.findElement(By.xpath("following-sibling::*[1]"))
                            .findElements(By.id("spot-check"))
                            .size()
                        == 1)
            .findFirst()
            .orElseThrow();
    filter.sendKeys("occluded");
    assertThat(visible("#spot-check"))
        .hasSize(10)
        .allSatisfy(r -> assertThat(r.getText()).contains("occluded"));
    // Sort by frame (a number): ascending, then descending on a second click.
    WebElement frameHeader =
        browser.driver.findElements(By.cssSelector("#spot-check thead th")).get(1);
    frameHeader.click();
    assertThat(frameHeader.getAttribute("aria-sort")).isEqualTo("ascending");
    // occluded rows are i = 0, 3, ..., 27: frames i % 4 = 0,3,2,1,0,3,2,1,0,3 ->
    // 0,0,0,1,1,2,2,3,3,3
    assertThat(visible("#spot-check"))
        .extracting(r -> r.findElements(By.tagName("td")).get(1).getText())
        .containsExactly("0", "0", "0", "1", "1", "2", "2", "3", "3", "3");
    frameHeader.click();
    assertThat(frameHeader.getAttribute("aria-sort")).isEqualTo("descending");
    assertThat(visible("#spot-check").get(0).findElements(By.tagName("td")).get(1).getText())
        .isEqualTo("3");
    // Wide tables scroll in their own box.
    assertThat(
            browser
                .driver
                .findElement(By.id("agreement"))
                .findElement(By.xpath(".."))
                .getAttribute("class"))
        .contains("wide");
  }

  @Test
  @Order(6)
  void theAuditTrailIsOneVerifiedLineWithDetailsOnDemand() throws Exception {
    browser.open("/agreement");
    // QaBatch writes no audit log: nothing verifies it, and the page says so.
    WebElement summary = browser.driver.findElement(By.id("audit-summary"));
    assertThat(summary.getAttribute("class")).isEqualTo("unverified");
    assertThat(summary.getText())
        .startsWith("✘ not verified")
        .contains("no audit log in the output root")
        .contains("2 runs");
    WebElement runs = browser.driver.findElement(By.id("audit-runs"));
    assertThat(runs.isDisplayed()).isFalse();
    browser.driver.findElement(By.cssSelector("#audit-details > summary")).click();
    assertThat(runs.isDisplayed()).isTrue();
    assertThat(runs.findElements(By.cssSelector("tbody tr"))).hasSize(2);
    browser.screenshot("agreement-audit");
  }

  @Test
  @Order(7)
  void everyQueuedFrameLinksIntoTheConfiguredCvatJobAndNoServerMeansNoLinks() throws Exception {
    browser.open("/label-next");
    // rank 1 starts at frame 1 (job 11 holds 0-1), rank 2 at frame 3 (job 12 holds 2-3).
    assertThat(browser.driver.findElements(By.cssSelector("#queue a.cvat-job")))
        .extracting(a -> a.getAttribute("href"))
        .containsExactly(CVAT + "/tasks/7/jobs/11?frame=1", CVAT + "/tasks/7/jobs/12?frame=3");
    // and each queue row still links to its own frame page, which resolves
    List<String> frames =
        browser.driver.findElements(By.cssSelector("#queue a.cvat")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(frames).hasSize(2).allSatisfy(h -> assertThat(h).contains("/frame/qa1/"));
    for (String href : frames) assertThat(browser.status(href)).isEqualTo(200);
    browser.screenshot("label-next-cvat");

    Javalin plain =
        new ReportServer(browser.root, TokenStore.fromLines(List.of(REVIEWER + " reviewer")))
            .app()
            .start("127.0.0.1", 0);
    try {
      HttpResponse<String> r =
          browser.http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plain.port() + "/label-next"))
                  .header("Authorization", "Bearer " + REVIEWER)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body())
          .contains("class=\"cvat\"")
          .doesNotContain("cvat-job")
          .doesNotContain(CVAT);
    } finally {
      plain.stop();
    }
  }

  private static List<WebElement> visible(String table) {
    return browser.driver.findElements(By.cssSelector(table + " tbody tr")).stream()
        .filter(WebElement::isDisplayed)
        .toList();
  }

  private static List<String> hotTracks(String source) {
    return browser
        .driver
        .findElements(
            By.cssSelector("table.boxes[data-source=" + source + "] tr.hot td:first-child"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  private static String k(WebElement row, String key) {
    return row.findElement(By.cssSelector("[data-k=" + key + "]")).getText();
  }

  private static String card(String key) {
    return browser.driver.findElement(By.cssSelector("#totals [data-k=" + key + "]")).getText();
  }

  private static List<String> frames() {
    return browser.driver.findElements(By.cssSelector("#drill-frames tbody tr")).stream()
        .map(r -> r.getAttribute("data-frame"))
        .toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
