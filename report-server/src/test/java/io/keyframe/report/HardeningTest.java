package io.keyframe.report;

import static io.keyframe.report.ReportServerTest.ADMIN;
import static io.keyframe.report.ReportServerTest.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.FormBody;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Request;
import io.javalin.testtools.Response;
import io.javalin.testtools.TestCase;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.web.ReportServer;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSRF, login throttling, HEAD, Jetty error pages, thumbnails of frames that do not exist. */
class HardeningTest {
  @TempDir Path root;

  private void run(TestCase test) {
    SampleBatch.write(root);
    ReportServer server =
        new ReportServer(root, TokenStore.fromLines(List.of(VIEWER + " viewer", ADMIN + " admin")));
    JavalinTest.test(server.app(), ReportServerTest.noRedirects(), test);
  }

  private static String cookieOf(Response login) {
    String c = login.headers().get("Set-Cookie").get(0);
    return c.substring(0, c.indexOf(';'));
  }

  /** POST /login with {@code token} and {@code headers} (name, value, name, value...). */
  private static Response login(HttpClient client, String token, String... headers) {
    return client.request(
        "/login",
        b -> withHeaders(b.post(new FormBody.Builder().add("token", token).build()), headers));
  }

  /** The status of an admin reload POSTed with {@code headers} (name, value, ...). */
  private static int reload(HttpClient client, String... headers) {
    return client
        .request(
            "/api/admin/reload",
            b -> withHeaders(b.post(HttpRequest.BodyPublishers.noBody()), headers))
        .code();
  }

  private static Request.Builder withHeaders(Request.Builder b, String... headers) {
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return b;
  }

  private static Response html(HttpClient client, String path) {
    return client.get(
        path, r -> r.header("Authorization", "Bearer " + ADMIN).header("Accept", "text/html"));
  }

  /**
   * The raw reply (up to {@code max} bytes) to a GET whose header section is over Jetty's 8 KiB
   * limit, with {@code headers} (CRLF-terminated lines) before the oversized one.
   */
  private static String oversizedRequest(int port, String headers, int max) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("GET /overview HTTP/1.1\r\nHost: localhost\r\n"
                      + headers
                      + "X-Big: "
                      + "a".repeat(20_000)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readNBytes(max), StandardCharsets.UTF_8);
    }
  }

  @Test
  void stateChangingRequestsFromAnotherOriginAreRefused() {
    run(
        (app, client) -> {
          String self = client.getOrigin();
          Response foreignLogin = login(client, ADMIN, "Origin", "https://evil.example");
          assertThat(foreignLogin.code()).isEqualTo(403);
          assertThat(foreignLogin.headers().get("Set-Cookie")).isNull();
          Response login = login(client, ADMIN, "Origin", self);
          assertThat(login.code()).as(login.body().string()).isEqualTo(303);
          String cookie = cookieOf(login);

          assertThat(reload(client, "Cookie", cookie, "Origin", "https://evil.example"))
              .isEqualTo(403);
          assertThat(reload(client, "Cookie", cookie)).as("no Origin").isEqualTo(403);
          assertThat(reload(client, "Cookie", cookie, "Referer", self + "/overview"))
              .isEqualTo(200);
          assertThat(reload(client, "Cookie", cookie, "Origin", self)).isEqualTo(200);
          assertThat(reload(client, "Cookie", cookie, "Sec-Fetch-Site", "cross-site"))
              .isEqualTo(403);
          assertThat(
                  reload(
                      client, "Cookie", cookie, "Sec-Fetch-Site", "same-origin", "Origin", "null"))
              .as("own page")
              .isEqualTo(200);
          // Scripts authenticate with a header a foreign page cannot set: no Origin needed.
          assertThat(reload(client, "Authorization", "Bearer " + ADMIN)).isEqualTo(200);
        });
  }

  @Test
  void theSessionCookieIsSecureBehindATlsProxy() {
    run(
        (app, client) -> {
          assertThat(login(client, VIEWER).headers().get("Set-Cookie").get(0))
              .doesNotContain("Secure");
          assertThat(
                  login(client, VIEWER, "X-Forwarded-Proto", "https")
                      .headers()
                      .get("Set-Cookie")
                      .get(0))
              .contains("; Secure");
        });
  }

  @Test
  void aLoginFloodFromOneClientGets429Never500() {
    run(
        (app, client) -> {
          int ok = 0, limited = 0;
          for (int i = 0; i < 40; i++) {
            Response r = login(client, VIEWER);
            assertThat(r.code()).isIn(303, 429);
            if (r.code() == 303) ok++;
            else {
              limited++;
              assertThat(r.headers().get("Retry-After")).isNotEmpty();
            }
          }
          assertThat(ok).isBetween(10, 12);
          assertThat(limited).isPositive();
        });
  }

  @Test
  void headOnAProtectedRouteNeedsAToken() {
    run(
        (app, client) -> {
          for (String path :
              List.of("/overview", "/api/overview", "/label-next.csv", "/charts/effort.png")) {
            assertThat(head(app.port(), path, null)).as(path).isEqualTo(401);
            assertThat(head(app.port(), path, VIEWER)).as(path).isEqualTo(200);
          }
          assertThat(head(app.port(), "/api/health", null)).isEqualTo(200);
        });
  }

  private static int head(int port, String path, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody());
    if (token != null) b.header("Authorization", "Bearer " + token);
    return java.net.http.HttpClient.newHttpClient()
        .send(b.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void thumbnailsOfFramesPastTheVideosEndAre404AndNotDrawn() {
    run(
        (app, client) -> {
          // vidA's last detection row is frame 4 (SampleBatch).
          assertThat(ReportServerTest.get(client, "/thumbs/vidA/4.png", VIEWER).code())
              .isEqualTo(200);
          assertThat(ReportServerTest.get(client, "/thumbs/vidA/5.png", VIEWER).code())
              .isEqualTo(404);
          assertThat(ReportServerTest.get(client, "/thumbs/vidA/9999999.png", VIEWER).code())
              .isEqualTo(404);
        });
  }

  @Test
  void jettyErrorPagesCarryTheSecurityHeaders() throws Exception {
    run(
        (app, client) -> {
          // A request line Jetty rejects itself (header section over the 8 KiB limit): Javalin
          // never sees it.
          String reply = oversizedRequest(app.port(), "", 4096);
          assertThat(reply).startsWith("HTTP/1.1 431");
          assertThat(reply)
              .contains("X-Content-Type-Options: nosniff")
              .contains("X-Frame-Options: DENY")
              .contains("Content-Security-Policy:");
        });
  }

  @Test
  void csvCellsStartingWithAFormulaPrefixStayText() {
    run(
        (app, client) -> {
          String csv = ReportServerTest.get(client, "/label-next.csv", VIEWER).body().string();
          // The sample queue's third row labels a box with a hostile string; none of the prefixes
          // may start a cell.
          for (String line : csv.split("\r\n"))
            for (String cell : line.split(","))
              assertThat(cell)
                  .doesNotStartWith("=")
                  .doesNotStartWith("+")
                  .doesNotStartWith("@")
                  .doesNotStartWith("\t");
        });
  }

  @Test
  void templatedPagesEscapeRequestValuesByDefault() {
    run(
        (app, client) -> {
          // safeNext lets any local path through, quotes included: only escaping keeps it in the
          // attribute.
          String hostile = "/\"><script>alert(1)</script>";
          String login =
              client
                  .get(
                      "/login?next="
                          + java.net.URLEncoder.encode(
                              hostile, java.nio.charset.StandardCharsets.UTF_8))
                  .body()
                  .string();
          assertThat(login)
              .doesNotContain("<script>alert(1)</script>")
              .contains("value=\"/&#34;>&lt;script>alert(1)&lt;/script>\"");
          Response badId = html(client, "/frame/%3Cscript%3E/2");
          assertThat(badId.code()).isEqualTo(400);
          assertThat(badId.body().string())
              .doesNotContain("<script>")
              .contains("<h1>400 Bad Request</h1>")
              .contains("bad video id");
        });
  }

  @Test
  void aBrowserGetsAnErrorPageAndAScriptGetsJavalinsAnswer() {
    run(
        (app, client) -> {
          Response page = html(client, "/frame/vidQ/2");
          assertThat(page.code()).isEqualTo(404);
          assertThat(page.headers().get("Content-Type").get(0)).startsWith("text/html");
          assertThat(page.headers().get("Content-Security-Policy")).isNotEmpty();
          String html = page.body().string();
          assertThat(html)
              .contains("<title>404 Not Found · keyframe</title>")
              .contains("id=\"error-message\">unknown video<")
              // the route's access check had passed: the caller's navigation is shown
              .contains("<span class=\"badge\">admin</span>");
          Response api =
              client.get(
                  "/api/frame/vidQ/2",
                  r ->
                      r.header("Authorization", "Bearer " + ADMIN)
                          .header("Accept", "application/json"));
          assertThat(api.code()).isEqualTo(404);
          assertThat(api.headers().get("Content-Type").get(0)).startsWith("application/json");
          assertThat(api.body().string()).doesNotContain("<html");
        });
  }

  @Test
  void aBrowserRefusedByJettyItselfGetsTheReportErrorPage() {
    run(
        (app, client) -> {
          String reply = oversizedRequest(app.port(), "Accept: text/html\r\n", Integer.MAX_VALUE);
          assertThat(reply).startsWith("HTTP/1.1 431").contains("Content-Security-Policy:");
          assertThat(reply)
              .contains("<h1>431 Request Header Fields Too Large</h1>")
              .contains("<a class=\"brand\" href=\"/overview\">")
              .doesNotContain("<nav>");
        });
  }
}
