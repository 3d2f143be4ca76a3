package io.keyframe.report;

import static io.keyframe.report.ReportServerTest.ADMIN;
import static io.keyframe.report.ReportServerTest.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.FormBody;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.javalin.testtools.TestCase;
import io.javalin.testtools.TestConfig;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.web.ReportServer;
import java.net.http.HttpRequest;
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
    TestConfig config =
        new TestConfig(
            true,
            false,
            java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build());
    JavalinTest.test(server.app(), config, test);
  }

  private static String cookieOf(Response login) {
    String c = login.headers().get("Set-Cookie").get(0);
    return c.substring(0, c.indexOf(';'));
  }

  @Test
  void state_changing_requests_from_another_origin_are_refused() {
    run(
        (app, client) -> {
          String self = client.getOrigin();
          Response foreignLogin =
              client.request(
                  "/login",
                  b ->
                      b.post(new FormBody.Builder().add("token", ADMIN).build())
                          .header("Origin", "https://evil.example"));
          assertThat(foreignLogin.code()).isEqualTo(403);
          assertThat(foreignLogin.headers().get("Set-Cookie")).isNull();
          Response login =
              client.request(
                  "/login",
                  b ->
                      b.post(new FormBody.Builder().add("token", ADMIN).build())
                          .header("Origin", self));
          assertThat(login.code()).as(login.body().string()).isEqualTo(303);
          String cookie = cookieOf(login);

          Response foreign =
              client.request(
                  "/api/admin/reload",
                  b ->
                      b.post(HttpRequest.BodyPublishers.noBody())
                          .header("Cookie", cookie)
                          .header("Origin", "https://evil.example"));
          assertThat(foreign.code()).isEqualTo(403);
          Response noOrigin =
              client.request(
                  "/api/admin/reload",
                  b -> b.post(HttpRequest.BodyPublishers.noBody()).header("Cookie", cookie));
          assertThat(noOrigin.code()).isEqualTo(403);
          Response byReferer =
              client.request(
                  "/api/admin/reload",
                  b ->
                      b.post(HttpRequest.BodyPublishers.noBody())
                          .header("Cookie", cookie)
                          .header("Referer", self + "/overview"));
          assertThat(byReferer.code()).isEqualTo(200);
          Response sameOrigin =
              client.request(
                  "/api/admin/reload",
                  b ->
                      b.post(HttpRequest.BodyPublishers.noBody())
                          .header("Cookie", cookie)
                          .header("Origin", self));
          assertThat(sameOrigin.code()).isEqualTo(200);
          Response crossSite =
              client.request(
                  "/api/admin/reload",
                  b ->
                      b.post(HttpRequest.BodyPublishers.noBody())
                          .header("Cookie", cookie)
                          .header("Sec-Fetch-Site", "cross-site"));
          assertThat(crossSite.code()).isEqualTo(403);
          Response ownPage =
              client.request(
                  "/api/admin/reload",
                  b ->
                      b.post(HttpRequest.BodyPublishers.noBody())
                          .header("Cookie", cookie)
                          .header("Sec-Fetch-Site", "same-origin")
                          .header("Origin", "null"));
          assertThat(ownPage.code()).isEqualTo(200);
          // Scripts authenticate with a header a foreign page cannot set: no Origin needed.
          Response script =
              client.request(
                  "/api/admin/reload",
                  b ->
                      b.post(HttpRequest.BodyPublishers.noBody())
                          .header("Authorization", "Bearer " + ADMIN));
          assertThat(script.code()).isEqualTo(200);
        });
  }

  @Test
  void the_session_cookie_is_secure_behind_a_tls_proxy() {
    run(
        (app, client) -> {
          Response plain =
              client.request(
                  "/login", b -> b.post(new FormBody.Builder().add("token", VIEWER).build()));
          assertThat(plain.headers().get("Set-Cookie").get(0)).doesNotContain("Secure");
          Response tls =
              client.request(
                  "/login",
                  b ->
                      b.post(new FormBody.Builder().add("token", VIEWER).build())
                          .header("X-Forwarded-Proto", "https"));
          assertThat(tls.headers().get("Set-Cookie").get(0)).contains("; Secure");
        });
  }

  @Test
  void a_login_flood_from_one_client_gets_429_never_500() {
    run(
        (app, client) -> {
          int ok = 0, limited = 0;
          for (int i = 0; i < 40; i++) {
            Response r =
                client.request(
                    "/login", b -> b.post(new FormBody.Builder().add("token", VIEWER).build()));
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
  void head_on_a_protected_route_needs_a_token() {
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
  void thumbnails_of_frames_past_the_videos_end_are_404_and_not_drawn() {
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
  void jetty_error_pages_carry_the_security_headers() throws Exception {
    run(
        (app, client) -> {
          try (java.net.Socket socket = new java.net.Socket("localhost", app.port())) {
            socket.setSoTimeout(30_000);
            // A request line Jetty rejects itself (header section over the 8 KiB limit): Javalin
            // never sees it.
            socket
                .getOutputStream()
                .write(
                    ("GET /overview HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                            + "a".repeat(20_000)
                            + "\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String reply =
                new String(
                    socket.getInputStream().readNBytes(4096),
                    java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(reply).startsWith("HTTP/1.1 431");
            assertThat(reply)
                .contains("X-Content-Type-Options: nosniff")
                .contains("X-Frame-Options: DENY")
                .contains("Content-Security-Policy:");
          }
        });
  }

  @Test
  void csv_cells_starting_with_a_formula_prefix_stay_text() {
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
  void templated_pages_escape_request_values_by_default() {
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
          Response badId =
              client.get(
                  "/frame/%3Cscript%3E/2",
                  r -> r.header("Authorization", "Bearer " + ADMIN).header("Accept", "text/html"));
          assertThat(badId.code()).isEqualTo(400);
          assertThat(badId.body().string())
              .doesNotContain("<script>")
              .contains("<h1>400 Bad Request</h1>")
              .contains("bad video id");
        });
  }

  @Test
  void a_browser_gets_an_error_page_and_a_script_gets_javalins_answer() {
    run(
        (app, client) -> {
          Response page =
              client.get(
                  "/frame/vidQ/2",
                  r -> r.header("Authorization", "Bearer " + ADMIN).header("Accept", "text/html"));
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
  void a_browser_refused_by_jetty_itself_gets_the_report_error_page() {
    run(
        (app, client) -> {
          try (java.net.Socket socket = new java.net.Socket("localhost", app.port())) {
            socket.setSoTimeout(30_000);
            socket
                .getOutputStream()
                .write(
                    ("GET /overview HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nX-Big: "
                            + "a".repeat(20_000)
                            + "\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String reply =
                new String(
                    socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 431").contains("Content-Security-Policy:");
            assertThat(reply)
                .contains("<h1>431 Request Header Fields Too Large</h1>")
                .contains("<a class=\"brand\" href=\"/overview\">")
                .doesNotContain("<nav>");
          }
        });
  }
}
