package io.keyframe.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyframe.report.agreement.AgreementView;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.html.Html;
import io.keyframe.report.web.ReportServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * End to end in headless Chromium: log in through the form, open every page, check the numbers on
 * the page against the JSON twin and the hand-made Parquet batch, download the CSV, load every
 * chart. Screenshots land in {@code target/screenshots/}. Skips only when no browser is installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserEndToEndTest {
  static final String REVIEWER = "reviewer-token-e2e-0123456789";

  @RegisterExtension
  static final BrowserSession browser =
      new BrowserSession(
          REVIEWER,
          root -> {
            SampleBatch.write(root);
            return new ReportServer(root, TokenStore.fromLines(List.of(REVIEWER + " reviewer")));
          });

  @Test
  @Order(1)
  void logsInThroughTheFormAndLandsOnTheRequestedPage() throws Exception {
    browser.open("/overview");
    assertThat(browser.driver.getCurrentUrl()).contains("/login");
    browser.screenshot("login");
    browser.driver.findElement(By.id("token")).sendKeys(REVIEWER);
    browser.driver.findElement(By.id("login")).click();
    browser.awaitUrl("/overview");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/overview");
    Cookie session = browser.driver.manage().getCookieNamed("kf_session");
    assertThat(session).isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getValue()).doesNotContain(REVIEWER);
  }

  @Test
  @Order(2)
  void overviewShowsTheSameNumbersAsTheApiAndTheParquetBatch() throws Exception {
    JsonNode api = browser.openWithTwin("/overview");
    // Parquet batch, by hand: 2 videos, 5 + 3 frames, 2 + 1 objects, 18 boxes.
    assertThat(text("card-videos")).isEqualTo(api.get("videoCount").asText()).isEqualTo("2");
    assertThat(text("card-frames")).isEqualTo(api.get("frames").asText()).isEqualTo("8");
    // objects are gt's tracks (2 in vidA + 1 in vidB), not sam2's fragmented 3 IDs for one bed rail
    assertThat(text("card-objects")).isEqualTo(api.get("objects").asText()).isEqualTo("3");
    assertThat(
            browser.driver.findElement(By.id("card-objects")).findElement(By.xpath("..")).getText())
        .containsIgnoringCase("gt tracks");
    assertThat(text("card-labelled"))
        .isEqualTo("8"); // gt boxes on frames 0-4 of vidA and 0-2 of vidB
    // queue: 3 rows over 3 + 2 + 1 frames, 2.5 + 1.5 + 1.0 minutes, budget 10 % from the rank run's
    // parameters
    assertThat(text("card-queue")).isEqualTo("3 · 6");
    assertThat(text("card-queue-minutes")).isEqualTo("5.0");
    assertThat(
            browser
                .driver
                .findElement(By.id("card-queue-minutes"))
                .findElement(By.xpath(".."))
                .getText())
        .containsIgnoringCase("budget 10%");
    // model headline with its interval: compare __all__ rows, HOTA sam2 - fallback = 0.15 [0.05,
    // 0.25]
    WebElement hota = browser.first("#headlines tbody tr", r -> r.getText().startsWith("HOTA"));
    assertThat(hota.findElement(By.cssSelector("[data-k=value]")).getText()).isEqualTo("0.150");
    assertThat(hota.findElement(By.cssSelector("[data-k=ci]")).getText())
        .isEqualTo("[0.050, 0.250]");
    assertThat(text("card-detections")).isEqualTo(api.get("detections").asText()).isEqualTo("18");
    List<WebElement> fps =
        browser.driver.findElements(By.cssSelector("#throughput td[data-k=fps]"));
    assertThat(fps).hasSize(api.get("throughput").size());
    for (int i = 0; i < fps.size(); i++) {
      assertThat(fps.get(i).getText())
          .isEqualTo(Html.f1(api.get("throughput").get(i).get("framesPerSecond").asDouble()));
    }
    assertThat(fps.get(1).getText()).isEqualTo("2.0"); // track: (5 + 3) frames / (2 + 2) s
    chartsLoad();
    browser.screenshot("overview");
  }

  @Test
  @Order(3)
  void labelNextFiltersMatchTheApiAndTheCsvDownload() throws Exception {
    browser.open("/label-next");
    assertThat(ranks()).containsExactly("1", "2", "3");
    assertThat(browser.driver.getPageSource()).doesNotContain(SampleBatch.HOSTILE_LABEL);
    chartsLoad();
    browser.screenshot("label-next");
    new Select(browser.driver.findElement(By.name("signal"))).selectByValue("entropy");
    browser.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    browser.awaitUrl("signal=entropy");
    assertThat(browser.driver.getCurrentUrl()).contains("signal=entropy");
    JsonNode api = browser.api("/api/label-next?signal=entropy");
    List<String> ranks = ranks();
    assertThat(ranks).hasSize(api.get("rows").size()).containsExactly("1", "3");
    List<WebElement> scores =
        browser.driver.findElements(By.cssSelector("#queue td[data-k=score]"));
    for (int i = 0; i < scores.size(); i++) {
      assertThat(scores.get(i).getText())
          .isEqualTo(Html.f3(api.get("rows").get(i).get("score").asDouble()));
    }
    assertThat(text("card-minutes"))
        .isEqualTo(Html.f1(api.get("totalMinutes").asDouble()))
        .isEqualTo("3.5");
    String csvHref = browser.driver.findElement(By.id("csv")).getAttribute("href");
    HttpResponse<String> csv =
        browser.http.send(
            browser.withSession(HttpRequest.newBuilder(URI.create(csvHref))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    String[] lines = csv.body().split("\r\n");
    // One line per (row, object): rank 1 has three objects, rank 3 one.
    assertThat(lines)
        .containsExactly(
            "rank,video_id,frame_start,frame_end,score,cost_minutes,cumulative_minutes,reasons,object_id,label,source",
            "1,vidA,2,4,0.9,2.5,2.5,entropy=0.91; occlusion=1.00,1,bed_rail,gt",
            "1,vidA,2,4,0.9,2.5,2.5,entropy=0.91; occlusion=1.00,2,iv_pole,gt",
            "1,vidA,2,4,0.9,2.5,2.5,entropy=0.91; occlusion=1.00,7,bed_rail,sam2",
            "3,vidA,0,0,0.2,1.0,5.0,entropy=0.20,7," + SampleBatch.HOSTILE_LABEL + ",sam2");

    browser.driver.findElement(By.cssSelector("a.cvat")).click();
    browser.awaitUrl("/frame/");
    assertThat(text("cvat-video")).isEqualTo("vidA");
    assertThat(text("cvat-frame")).isEqualTo("2");
    assertThat(text("cvat-objects")).isEqualTo("#1 (gt), #2 (gt), #7 (sam2)");
    chartsLoad();
    browser.screenshot("frame");
  }

  @Test
  @Order(4)
  void agreementShowsKappaIouAndTheAuditTrailForAReviewer() throws Exception {
    JsonNode api = browser.openWithTwin("/agreement");
    List<WebElement> kappas =
        browser.driver.findElements(By.cssSelector("#agreement span[data-k=kappa]"));
    assertThat(kappas).hasSize(api.get("rows").size()).hasSize(3);
    for (int i = 0; i < kappas.size(); i++) {
      assertThat(kappas.get(i).getText())
          .isEqualTo(Html.f3(api.get("rows").get(i).get("kappa").asDouble()));
    }
    assertThat(kappas.get(0).getText()).isEqualTo("0.850"); // __all__ bed_rail row of the batch
    assertThat(browser.driver.findElements(By.cssSelector("#spot-check tbody tr")))
        .hasSize(api.get("spotCheck").size())
        .hasSize(2);
    // spot-check rows link to their frames, and the links resolve
    List<String> spotLinks =
        browser.driver.findElements(By.cssSelector("#spot-check a.frame-link")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(spotLinks).hasSize(2).allSatisfy(href -> assertThat(href).contains("/frame/"));
    for (String href : spotLinks) {
      assertThat(browser.status(href)).as(href).isEqualTo(200);
    }
    assertThat(browser.driver.findElements(By.cssSelector("#audit-runs tbody tr"))).hasSize(2);
    chartsLoad();
    browser.screenshot("agreement");
  }

  @Test
  @Order(4)
  void agreementShowsPerClassKappaWithItsBandBesideDetectionF1AndARowNormalisedConfusion()
      throws Exception {
    browser.open("/agreement");
    // SampleBatch's all-videos rows, by hand: bed_rail kappa 0.85, 11 matched, 1 only A, 2 only B
    // -> F1 22/25;
    // iv_pole kappa 0.60, 5 matched, 0 only A, 1 only B -> F1 10/11.
    WebElement bed =
        browser.driver.findElement(By.cssSelector("#class-agreement tr[data-label=bed_rail]"));
    assertThat(bed.findElement(By.cssSelector("[data-k=kappa]")).getText()).isEqualTo("0.850");
    assertThat(bed.findElement(By.cssSelector("[data-k=band]")).getText())
        .isEqualTo("almost perfect");
    assertThat(bed.findElement(By.cssSelector("[data-k=f1]")).getText())
        .isEqualTo(Html.f3(22 / 25.0));
    assertThat(bed.findElement(By.cssSelector("[data-k=only-b]")).getText()).isEqualTo("2");
    WebElement pole =
        browser.driver.findElement(By.cssSelector("#class-agreement tr[data-label=iv_pole]"));
    assertThat(pole.findElement(By.cssSelector("[data-k=kappa]")).getText()).isEqualTo("0.600");
    assertThat(pole.findElement(By.cssSelector("[data-k=band]")).getText()).isEqualTo("moderate");
    assertThat(pole.findElement(By.cssSelector("[data-k=f1]")).getText())
        .isEqualTo(Html.f3(10 / 11.0));
    // the pair x class grid holds both classes, not only __all__
    assertThat(
            browser.driver.findElements(By.cssSelector("#kappa-grid thead th")).stream()
                .map(e -> e.getAttribute("textContent"))
                .toList())
        .containsExactly("pair", "bed_rail", "iv_pole");
    // confusion: bed_rail row is 11 matched as bed_rail, 2 as iv_pole, 1 B did not draw; shares of
    // 14; diagonal muted
    List<WebElement> confusion = browser.driver.findElements(By.cssSelector("#confusion tbody tr"));
    List<WebElement> bedRow = confusion.get(0).findElements(By.tagName("td"));
    assertThat(bedRow.stream().map(WebElement::getText).toList())
        .containsExactly("bed_rail", "11", "2", "1");
    assertThat(bedRow.get(1).getAttribute("class")).contains("diag");
    assertThat(bedRow.get(2).getAttribute("data-share")).isEqualTo(Html.f3(2 / 14.0));
    List<WebElement> extra = confusion.get(2).findElements(By.tagName("td"));
    assertThat(extra.stream().map(WebElement::getText).toList())
        .containsExactly(AgreementView.ONLY_B, "2", "1", "0");
    browser.screenshot("agreement-classes");
  }

  @Test
  @Order(5)
  void compareDrawsBothModelsAndTheReferenceLinksEachFrameAndSaysWhyFramesCluster()
      throws Exception {
    browser.open("/compare");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#worst-frames tbody tr"));
    assertThat(rows).hasSize(3);
    // worst first: vidA frame 3 (0.8) is sam2's keyframe (re-initialisation) frame in SampleBatch
    assertThat(rows.get(0).findElement(By.cssSelector("[data-k=keyframe]")).getText())
        .isEqualTo("sam2");
    assertThat(rows.get(1).findElement(By.cssSelector("[data-k=keyframe]")).getText())
        .isEqualTo("—");
    assertThat(text("clustering")).startsWith("1 of these 3 frames are keyframe frames");
    for (WebElement img : browser.driver.findElements(By.cssSelector("#worst-frames img"))) {
      assertThat(img.getAttribute("src")).contains("sources=fallback%2Csam2%2Cgt");
    }
    List<String> links =
        browser.driver.findElements(By.cssSelector("#worst-frames a.frame-link")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(links).hasSize(3);
    browser.driver.get(links.get(0));
    assertThat(text("cvat-video")).isEqualTo("vidA");
    assertThat(text("cvat-frame")).isEqualTo("3");
    // A (fallback) has no boxes in the batch; B and the reference are both drawn, each in its
    // colour
    assertThat(browser.legendSources()).containsExactly("gt", "sam2");
    chartsLoad();
    browser.screenshot("compare-frame");
  }

  @Test
  @Order(5)
  void compareShowsDeltasAndWorstFramesLikeTheApi() throws Exception {
    JsonNode api = browser.openWithTwin("/compare");
    assertThat(text("model-a")).isEqualTo(api.get("modelA").asText()).isEqualTo("fallback");
    List<WebElement> deltas =
        browser.driver.findElements(By.cssSelector("#compare td[data-k=delta]"));
    assertThat(deltas).hasSize(api.get("rows").size());
    for (int i = 0; i < deltas.size(); i++) {
      double d = api.get("rows").get(i).get("delta").asDouble();
      assertThat(deltas.get(i).getText()).isEqualTo((d > 0 ? "+" : "") + Html.f3(d));
    }
    List<WebElement> worst =
        browser.driver.findElements(By.cssSelector("#worst-frames td[data-k=disagreement]"));
    assertThat(worst).extracting(WebElement::getText).containsExactly("0.800", "0.500", "0.300");
    chartsLoad();
    browser.screenshot("compare");
  }

  /** What one chip on the Label next page says: object ID, class, source. */
  record Chip(int id, String label, String source) {}

  @Test
  @Order(3)
  void labelNextChipsPairEachIdWithItsOwnLabelAndSourceAsTheFramesDetectionsShow()
      throws Exception {
    browser.open("/label-next");
    Map<String, List<Chip>> chips = new LinkedHashMap<>();
    for (WebElement row : browser.driver.findElements(By.cssSelector("#queue tbody tr"))) {
      String rank = row.findElement(By.cssSelector("td[data-k=rank]")).getText();
      chips.put(
          rank,
          row.findElements(By.cssSelector("span.obj")).stream()
              .map(
                  c ->
                      new Chip(
                          Integer.parseInt(c.getAttribute("data-id")),
                          c.getAttribute("data-label"),
                          c.getAttribute("data-source")))
              .toList());
    }
    // By hand from SampleBatch: rank 1 is vidA frames 2-4 (gt 1 bed_rail, gt 2 iv_pole, sam2 7
    // bed_rail); rank 2 vidB (gt 1 monitor).
    assertThat(chips.get("1"))
        .containsExactly(
            new Chip(1, "bed_rail", "gt"),
            new Chip(2, "iv_pole", "gt"),
            new Chip(7, "bed_rail", "sam2"));
    assertThat(chips.get("2")).containsExactly(new Chip(1, "monitor", "gt"));
    // and every chip is a box of its own source with its own label on the row's first frame (the
    // frame page's JSON twin)
    for (String[] rank : new String[][] {{"1", "vidA", "2"}, {"2", "vidB", "0"}}) {
      JsonNode frame = browser.api("/api/frame/" + rank[1] + "/" + rank[2]);
      for (Chip c : chips.get(rank[0])) {
        boolean found = false;
        for (JsonNode s : frame.get("sources"))
          for (JsonNode b : s.get("boxes"))
            found |=
                s.get("source").asText().equals(c.source())
                    && b.get("trackId").asInt() == c.id()
                    && b.get("label").asText().equals(c.label());
        assertThat(found).as("rank %s chip %s on its frame", rank[0], c).isTrue();
      }
    }
  }

  @Test
  @Order(3)
  void thumbnailsDrawEverySourceInItsOwnColourAtTheVideosTrueSize() throws Exception {
    // vidA frame 2: gt (tracks 1, 2) and sam2 (track 7) both have boxes; the videos table says
    // 1920x1080.
    browser.open("/frame/vidA/2?objects=1@gt,7@sam2");
    assertThat(text("frame-size")).isEqualTo("1920 × 1080");
    List<WebElement> legend = browser.driver.findElements(By.cssSelector("#legend li"));
    assertThat(legend).extracting(e -> e.getAttribute("data-source")).containsExactly("gt", "sam2");
    List<String> colours = legend.stream().map(e -> e.getAttribute("data-colour")).toList();
    assertThat(colours).doesNotHaveDuplicates();
    java.awt.image.BufferedImage png =
        png(browser.driver.findElement(By.id("frame-image")).getAttribute("src"));
    int frameHeight = 960 * 1080 / 1920;
    assertThat(png.getWidth()).isEqualTo(960);
    assertThat(png.getHeight())
        .isEqualTo(frameHeight + 2 * 18 + 6); // the frame, then one legend line per source
    for (String colour : colours) {
      assertThat(pixels(png, java.awt.Color.decode(colour).getRGB(), frameHeight))
          .as("boxes drawn in " + colour)
          .isPositive();
    }
    browser.screenshot("frame-sources");
    // vidB is 16:9 (1280x720): its thumbnail keeps that shape, although its boxes alone would fit
    // 640x480.
    browser.open("/frame/vidB/0?objects=1@gt");
    assertThat(text("frame-size")).isEqualTo("1280 × 720");
    java.awt.image.BufferedImage small = png(browser.base + "/thumbs/vidB/0.png?objects=1@gt");
    assertThat(small.getWidth()).isEqualTo(320);
    assertThat(small.getHeight()).isEqualTo(320 * 720 / 1280 + 18 + 6);
  }

  private static java.awt.image.BufferedImage png(String url) throws Exception {
    HttpResponse<byte[]> r =
        browser.http.send(
            browser.withSession(HttpRequest.newBuilder(URI.create(url))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(r.body()));
  }

  private static int pixels(java.awt.image.BufferedImage img, int rgb, int maxY) {
    int n = 0;
    for (int y = 0; y < maxY; y++)
      for (int x = 0; x < img.getWidth(); x++)
        if ((img.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff)) n++;
    return n;
  }

  private static List<String> ranks() {
    return browser.driver.findElements(By.cssSelector("#queue td[data-k=rank]")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static String text(String id) {
    return browser.driver.findElement(By.id(id)).getText();
  }

  /** Every image on the page rendered in the browser and is a sizeable PNG over HTTP. */
  private static void chartsLoad() throws Exception {
    List<WebElement> imgs = browser.driver.findElements(By.tagName("img"));
    assertThat(imgs).isNotEmpty();
    for (WebElement img : imgs) {
      String src = img.getAttribute("src");
      // Lazy images below the fold load once made eager; wait for the browser to decode them.
      int width = 0;
      for (int tries = 0; tries < 100 && width <= 0; tries++) {
        Object w =
            browser.driver.executeScript(
                "const i = arguments[0]; i.loading = 'eager'; return i.complete ? i.naturalWidth : -1;",
                img);
        width = ((Number) w).intValue();
        if (width <= 0) {
          Thread.sleep(100);
        }
      }
      HttpResponse<byte[]> r =
          browser.http.send(
              browser.withSession(HttpRequest.newBuilder(URI.create(src))).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(src).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).as(src).contains("image/png");
      assertThat(r.body().length).as(src).isGreaterThan(2000);
      assertThat(new byte[] {r.body()[1], r.body()[2], r.body()[3]}).isEqualTo("PNG".getBytes());
      assertThat(width).as(src + " rendered in the browser").isPositive();
    }
  }
}
