package io.keyframe.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.keyframe.report.web.ReportServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a browser test class drives, registered as its static {@code @RegisterExtension}: a report
 * server on a free local port over outputs written to a fresh folder, and a headless Chromium in
 * front of it, with HTTP calls beside the browser (the given bearer token, or the browser's session
 * cookie), waits on navigations and screenshots in {@code target/screenshots/}. Skips the class
 * when no browser is installed.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes the outputs into {@code root} and builds the server over them. */
  @FunctionalInterface
  interface ServerSetup {
    ReportServer create(Path root) throws Exception;
  }

  private final String token;
  private final ServerSetup setup;
  private Path profile;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  Path root;
  Javalin app;
  ChromeDriver driver;
  String base;

  /** {@code token} is the one {@link #api} sends. */
  BrowserSession(String token, ServerSetup setup) {
    this.token = token;
    this.setup = setup;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    HeadlessChromium.assumeInstalled();
    System.setProperty("java.awt.headless", "true");
    root = Files.createTempDirectory("keyframe-browser-data");
    profile = Files.createTempDirectory("keyframe-browser-profile");
    app = setup.create(root).app().start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    driver = HeadlessChromium.start(profile);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) driver.quit();
    if (app != null) app.stop();
    for (Path dir : new Path[] {root, profile}) {
      if (dir == null) continue;
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
  }

  /** Opens {@code path} (with its query) in the browser. */
  void open(String path) {
    driver.get(base + path);
  }

  /** Opens a page and returns its JSON twin ({@code /api} + the page's path), to compare with. */
  JsonNode openWithTwin(String path) throws Exception {
    open(path);
    return api("/api" + path);
  }

  /** The first element {@code css} selects that {@code which} accepts; fails when none does. */
  WebElement first(String css, Predicate<WebElement> which) {
    return driver.findElements(By.cssSelector(css)).stream()
        .filter(which)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + css + " as asked"));
  }

  /** The sources the frame page's legend lists, in its order. */
  List<String> legendSources() {
    return driver.findElements(By.cssSelector("#legend li")).stream()
        .map(e -> e.getAttribute("data-source"))
        .toList();
  }

  /** A JSON endpoint fetched with the bearer token; fails unless it answers 200. */
  JsonNode api(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** {@code b} with the browser's session cookie, to fetch what the logged-in page links. */
  HttpRequest.Builder withSession(HttpRequest.Builder b) {
    return b.header(
        "Cookie", "kf_session=" + driver.manage().getCookieNamed("kf_session").getValue());
  }

  /** The status a link answers with the browser's session. */
  int status(String href) throws Exception {
    return http.send(
            withSession(HttpRequest.newBuilder(URI.create(href))).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** A click starts a navigation; wait for it instead of racing the browser. */
  void awaitUrl(String part) {
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(part));
  }

  void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(
        dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
