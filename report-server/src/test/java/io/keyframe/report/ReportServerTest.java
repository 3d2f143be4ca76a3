package io.keyframe.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.javalin.testtools.TestCase;
import io.javalin.testtools.TestConfig;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.web.ReportServer;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handler tests: every route over the hand-made sample batch, through Javalin's test client. */
class ReportServerTest {
  static final String VIEWER = "viewer-token-0123456789";
  static final String REVIEWER = "reviewer-token-0123456789";
  static final String ADMIN = "admin-token-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path root;
  static ReportServer server;

  @BeforeAll
  static void start() {
    System.setProperty("java.awt.headless", "true");
    SampleBatch.write(root);
    server =
        new ReportServer(
            root,
            TokenStore.fromLines(
                List.of(
                    "# team tokens",
                    VIEWER + " viewer",
                    REVIEWER + " reviewer",
                    "",
                    ADMIN + " admin")));
  }

  static void run(TestCase test) {
    JavalinTest.test(server.app(), noRedirects(), test);
  }

  /** Javalin's test client, but a redirect is the answer under test, never followed. */
  static TestConfig noRedirects() {
    return new TestConfig(
        true,
        false,
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build());
  }

  /** The page at {@code path} as the holder of {@code token} is shown it. */
  static String html(HttpClient client, String path, String token) throws java.io.IOException {
    return get(client, path, token).body().string();
  }

  /**
   * Permission-aware links: {@code path} shows a reviewer {@code reviewerLink}, and a viewer none
   * of {@code notForViewers} (links to reviewer-only pages).
   */
  static void linksOnlyForReviewers(
      HttpClient client, String path, String reviewerLink, String... notForViewers)
      throws java.io.IOException {
    String viewer = html(client, path, VIEWER);
    for (String link : notForViewers) assertThat(viewer).as(path).doesNotContain(link);
    assertThat(html(client, path, REVIEWER)).as(path).contains(reviewerLink);
  }

  static Response get(HttpClient client, String path, String token) {
    return client.get(path, r -> r.header("Authorization", "Bearer " + token));
  }

  static JsonNode json(Response r) throws Exception {
    return JSON.readTree(r.body().string());
  }

  @Test
  void healthIsOpenAndEverythingElseNeedsAToken() {
    run(
        (app, client) -> {
          assertThat(client.get("/api/health").code()).isEqualTo(200);
          Response api = client.get("/api/overview");
          assertThat(api.code()).isEqualTo(401);
          assertThat(api.headers().get("WWW-Authenticate")).contains("Bearer");
          assertThat(client.get("/charts/kappa.png").code()).isEqualTo(401);
          assertThat(client.get("/label-next.csv").code()).isEqualTo(401);
          Response page = client.get("/agreement?pair=ann1%7Cann2");
          assertThat(page.code()).isEqualTo(302);
          assertThat(page.headers().get("Location"))
              .containsExactly("/login?next=%2Fagreement%3Fpair%3Dann1%257Cann2");
          assertThat(client.get("/login").code()).isEqualTo(200);
          assertThat(get(client, "/api/overview", "not-a-real-token-at-all").code()).isEqualTo(401);
          assertThat(
                  client
                      .get("/api/overview", r -> r.header("Authorization", "Basic " + VIEWER))
                      .code())
              .isEqualTo(401);
        });
  }

  @Test
  void rolesGateTheAuditTrailTheFramePageAndReload() {
    run(
        (app, client) -> {
          JsonNode viewer = json(get(client, "/api/agreement", VIEWER));
          assertThat(viewer.get("audit").isNull()).isTrue();
          assertThat(viewer.get("spotCheck").isNull()).isTrue();
          JsonNode reviewer = json(get(client, "/api/agreement", REVIEWER));
          assertThat(reviewer.get("audit").get("runs")).hasSize(2);
          assertThat(reviewer.get("spotCheck")).hasSize(2);
          assertThat(get(client, "/frame/vidA/2?objects=1,2", VIEWER).code()).isEqualTo(403);
          assertThat(get(client, "/frame/vidA/2?objects=1,2", REVIEWER).code()).isEqualTo(200);
          // permission-aware links: the compare page links frames (reviewer-only pages) for a
          // reviewer, never for a viewer
          linksOnlyForReviewers(
              client,
              "/compare",
              "class=\"frame-link\" href=\"/frame/vidA/3?",
              "frame-link",
              "href=\"/frame/");
          assertThat(
                  client
                      .post(
                          "/api/admin/reload",
                          "",
                          r -> r.header("Authorization", "Bearer " + REVIEWER))
                      .code())
              .isEqualTo(403);
          assertThat(
                  client
                      .post(
                          "/api/admin/reload",
                          "",
                          r -> r.header("Authorization", "Bearer " + ADMIN))
                      .code())
              .isEqualTo(200);
        });
  }

  @Test
  void loginSetsAnHttpOnlyCookieThatOpensPagesAndLogoutEndsIt() {
    run(
        (app, client) -> {
          Response bad =
              client.request(
                  "/login",
                  b ->
                      b.post(
                          new FormBody.Builder()
                              .add("token", "wrong-token-0123456789")
                              .add("next", "/compare")
                              .build()));
          assertThat(bad.code()).isEqualTo(401);
          assertThat(bad.body().string()).contains("not valid");
          Response ok =
              client.request(
                  "/login",
                  b ->
                      b.post(
                          new FormBody.Builder()
                              .add("token", REVIEWER)
                              .add("next", "/compare")
                              .build()));
          assertThat(ok.code()).isEqualTo(303);
          assertThat(ok.headers().get("Location")).containsExactly("/compare");
          String cookie = ok.headers().get("Set-Cookie").get(0);
          assertThat(cookie)
              .contains("HttpOnly")
              .contains("SameSite=Strict")
              .doesNotContain(REVIEWER);
          String session = cookie.substring(0, cookie.indexOf(';'));
          Response page = client.get("/compare", r -> r.header("Cookie", session));
          assertThat(page.code()).isEqualTo(200);
          assertThat(page.body().string()).contains("Compare models").contains("reviewer");
          client.request(
              "/logout",
              b ->
                  b.post(HttpRequest.BodyPublishers.noBody())
                      .header("Cookie", session)
                      .header("Origin", client.getOrigin()));
          assertThat(client.get("/compare", r -> r.header("Cookie", session)).code())
              .isEqualTo(302);
        });
  }

  @Test
  void loginRedirectsOnlyToLocalPaths() {
    run(
        (app, client) -> {
          for (String next :
              List.of("//evil.example/x", "https://evil.example/", "/\\evil.example")) {
            Response ok =
                client.request(
                    "/login",
                    b ->
                        b.post(
                            new FormBody.Builder().add("token", VIEWER).add("next", next).build()));
            assertThat(ok.headers().get("Location")).containsExactly("/overview");
          }
        });
  }

  @Test
  void traversalAndOversizedRequestsAreRejected() {
    run(
        (app, client) -> {
          for (String path :
              List.of(
                  "/thumbs/..%2F..%2Fetc/passwd",
                  "/charts/timeline/..%2F..%2Fetc%2Fpasswd.png",
                  "/thumbs/vidA/%2e%2e%2f1.png",
                  "/thumbs/a%5c..%5cb/1.png")) {
            Response r = get(client, path, ADMIN);
            assertThat(r.code()).as(path).isEqualTo(400);
            assertThat(r.body().string()).doesNotContain("root:");
          }
          assertThat(get(client, "/thumbs/vidQ/1.png", ADMIN).code()).isEqualTo(404);
          assertThat(get(client, "/thumbs/vidA/1.gif", ADMIN).code()).isEqualTo(404);
          assertThat(get(client, "/api/label-next?video=" + "v".repeat(3000), ADMIN).code())
              .isEqualTo(414);
          // The 413 is decided on the declared length, before the body is read. Sent by a client
          // that
          // writes the body, the reply could be lost: the server closes the connection while the
          // client
          // is still writing, and the client sees a reset (seen once in CI). So: headers only, then
          // read.
          try (java.net.Socket socket = new java.net.Socket("localhost", app.port())) {
            socket.setSoTimeout(10_000);
            socket
                .getOutputStream()
                .write(
                    ("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 20000\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status =
                new java.io.BufferedReader(
                        new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
          }
          assertThat(get(client, "/api/label-next?video=nope", ADMIN).code()).isEqualTo(400);
          assertThat(get(client, "/thumbs/vidA/1.png?sources=a/b", ADMIN).code()).isEqualTo(400);
          assertThat(get(client, "/api/compare?pair=a%7Cb", ADMIN).code()).isEqualTo(400);
        });
  }

  @Test
  void overviewJsonCarriesTheHandDerivedNumbers() {
    run(
        (app, client) -> {
          JsonNode o = json(get(client, "/api/overview", VIEWER));
          assertThat(o.get("videoCount").asInt()).isEqualTo(2);
          assertThat(o.get("frames").asLong()).isEqualTo(8);
          assertThat(o.get("objects").asLong()).isEqualTo(3);
          assertThat(o.get("throughput").get(1).get("framesPerSecond").asDouble())
              .isEqualTo(8 / 4.0);
          String html = html(client, "/overview", VIEWER);
          assertThat(html)
              .contains("id=\"card-videos\">2<")
              .contains("id=\"card-frames\">8<")
              .contains("66.7 %"); // 12 of 18 boxes pre-annotated in r2
        });
  }

  @Test
  void queueExportsReimportWithKeyframesCvatReaderAndAsLabelStudioTasks(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    run(
        (app, client) -> {
          assertThat(get(client, "/export/cvat/vidA?source=sam2", VIEWER).code()).isEqualTo(403);
          linksOnlyForReviewers(
              client,
              "/label-next",
              "href=\"/export/cvat/vidA?source=sam2\"",
              "/export/",
              "href=\"/frame/");
          Response cvat = get(client, "/export/cvat/vidA?source=sam2", REVIEWER);
          assertThat(cvat.code()).isEqualTo(200);
          java.nio.file.Path file = tmp.resolve("vidA.cvat.xml");
          java.nio.file.Files.write(
              file, cvat.body().string().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          io.keyframe.dataset.AnnotationSet back =
              io.keyframe.dataset.cvat.CvatVideoReader.read(file);
          // queued frames of vidA: rank 1 spans 2-4, rank 3 is frame 0; sam2 tracks 7 (0-2), 9 (3),
          // 11 (4) at x = 1500
          assertThat(back.video().width()).isEqualTo(1920);
          assertThat(back.video().height()).isEqualTo(1080);
          assertThat(back.detections())
              .extracting(
                  io.keyframe.dataset.Detection::frame,
                  io.keyframe.dataset.Detection::trackId,
                  io.keyframe.dataset.Detection::label)
              .containsExactlyInAnyOrder(
                  org.assertj.core.api.Assertions.tuple(0, 7, "bed_rail"),
                  org.assertj.core.api.Assertions.tuple(2, 7, "bed_rail"),
                  org.assertj.core.api.Assertions.tuple(3, 9, "bed_rail"),
                  org.assertj.core.api.Assertions.tuple(4, 11, "bed_rail"));
          assertThat(back.detections())
              .allSatisfy(
                  d -> {
                    assertThat(d.box().x()).isEqualTo(1500.0);
                    assertThat(d.box().y()).isEqualTo(120.0 + 10 * d.frame());
                  });
          JsonNode ls = json(get(client, "/export/label-studio.json?source=gt", REVIEWER));
          // tasks: vidA frames 0, 2, 3, 4 and vidB frames 0, 1
          assertThat(ls).hasSize(6);
          JsonNode vidB0 = ls.get(4);
          assertThat(vidB0.get("data").get("video").asText()).isEqualTo("vidB");
          JsonNode box = vidB0.get("predictions").get(0).get("result").get(0);
          // gt track 1 of vidB on frame 0: x 300, y 120, 150 x 300 in a 1280 x 720 frame, in
          // percent
          assertThat(box.get("value").get("x").asDouble()).isEqualTo(100 * 300 / 1280.0);
          assertThat(box.get("value").get("height").asDouble()).isEqualTo(100 * 300 / 720.0);
          assertThat(box.get("value").get("rectanglelabels").get(0).asText()).isEqualTo("monitor");
          JsonNode spot =
              json(get(client, "/export/label-studio.json?source=gt&what=spot-check", REVIEWER));
          assertThat(spot).hasSize(2); // SampleBatch's spot check: vidA frame 2, vidB frame 1
        });
  }

  @Test
  void labelNextEscapesDataAndExportsTheFilteredQueueAsCsv() {
    run(
        (app, client) -> {
          String html = html(client, "/label-next", VIEWER);
          assertThat(html)
              .doesNotContain(SampleBatch.HOSTILE_LABEL)
              .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
          Response csv = get(client, "/label-next.csv?signal=entropy", VIEWER);
          assertThat(csv.headers().get("Content-Type").get(0)).startsWith("text/csv");
          String[] lines = csv.body().string().split("\r\n");
          assertThat(lines).hasSize(1 + 3 + 1); // one line per object: rank 1 has three, rank 3 one
          assertThat(lines[1])
              .isEqualTo("1,vidA,2,4,0.9,2.5,2.5,entropy=0.91; occlusion=1.00,1,bed_rail,gt");
          assertThat(lines[3])
              .isEqualTo("1,vidA,2,4,0.9,2.5,2.5,entropy=0.91; occlusion=1.00,7,bed_rail,sam2");
          JsonNode api = json(get(client, "/api/label-next?signal=entropy", VIEWER));
          assertThat(api.get("rows")).hasSize(2);
          assertThat(api.get("totalMinutes").asDouble()).isEqualTo(3.5);
        });
  }

  @Test
  void chartsAndThumbnailsArePngs() {
    run(
        (app, client) -> {
          for (String path :
              List.of(
                  "/charts/throughput.png",
                  "/charts/effort.png",
                  "/charts/kappa.png",
                  "/charts/confusion.png?pair=ann1%7Cann2",
                  "/charts/timeline/vidA.png",
                  "/charts/compare-deltas.png",
                  "/thumbs/vidA/2.png?objects=1,2",
                  "/thumbs/vidA/2.png?objects=1&size=large",
                  "/thumbs/vidA/3.png?objects=&sources=fallback,sam2")) {
            Response r = get(client, path, VIEWER);
            assertThat(r.code()).as(path).isEqualTo(200);
            assertThat(r.headers().get("Content-Type")).as(path).containsExactly("image/png");
            assertThat(r.body().string().length()).as(path).isGreaterThan(2000);
          }
        });
  }

  @Test
  void responsesCarrySecurityHeaders() {
    run(
        (app, client) -> {
          Response r = get(client, "/overview", VIEWER);
          assertThat(r.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
          assertThat(r.headers().get("Content-Security-Policy").get(0))
              .contains("default-src 'self'");
          assertThat(r.headers().get("Cache-Control")).containsExactly("no-store");
        });
  }
}
