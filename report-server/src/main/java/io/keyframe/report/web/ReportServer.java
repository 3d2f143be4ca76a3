package io.keyframe.report.web;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import io.keyframe.report.ReportConfig;
import io.keyframe.report.agreement.AgreementPage;
import io.keyframe.report.agreement.AgreementView;
import io.keyframe.report.auth.LoginThrottle;
import io.keyframe.report.auth.Role;
import io.keyframe.report.auth.Sessions;
import io.keyframe.report.auth.TokenStore;
import io.keyframe.report.chart.Charts;
import io.keyframe.report.chart.FrameThumbnail;
import io.keyframe.report.chart.FrameView;
import io.keyframe.report.chart.ObjectRef;
import io.keyframe.report.compare.ComparePage;
import io.keyframe.report.compare.CompareView;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.drilldown.AgreementFramesPage;
import io.keyframe.report.drilldown.CompareFramesPage;
import io.keyframe.report.export.QueueExport;
import io.keyframe.report.html.StaticAssets;
import io.keyframe.report.labelnext.LabelNextPage;
import io.keyframe.report.labelnext.LabelNextView;
import io.keyframe.report.labelnext.QueueFilter;
import io.keyframe.report.overview.OverviewPage;
import io.keyframe.report.overview.OverviewView;
import io.keyframe.report.scorecard.ScorecardPage;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The report web app: routes, access control and caches over one {@link ReportData} snapshot. Every
 * HTML page has a JSON twin under {@code /api} built from the same view record.
 */
public final class ReportServer {
  /** Largest request body accepted (the login form is the only body). */
  public static final int MAX_BODY_BYTES = 8 * 1024;

  /** Longest request URI accepted. */
  public static final int MAX_URI_CHARS = 2048;

  static final String SESSION_COOKIE = "kf_session";
  static final String CSP =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'";
  private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Pattern PNG_FRAME = Pattern.compile("(\\d{1,7})\\.png");
  private static final Pattern SUSPICIOUS =
      Pattern.compile("(\\.\\.|%2e|%2f|%5c|\\\\|%00|\\x00)", Pattern.CASE_INSENSITIVE);
  private static final int CACHE_CAP = 2000;

  private final Path dataDir;
  private final TokenStore tokens;
  private final Sessions sessions = new Sessions();
  private final LoginThrottle throttle = new LoginThrottle();
  private final AtomicReference<ReportData> data = new AtomicReference<>();
  private final Map<String, Object> cache = new ConcurrentHashMap<>();
  private final ReportConfig config;

  /**
   * A server over {@code dataDir} (the output root holding {@code tables/}).
   *
   * @throws IllegalArgumentException if {@code tokens} is empty: every route but health and login
   *     needs one
   */
  public ReportServer(Path dataDir, TokenStore tokens) {
    this(dataDir, tokens, ReportConfig.DEFAULT);
  }

  /** A server configured beyond the outputs (CVAT deep links, time log for scorecards). */
  public ReportServer(Path dataDir, TokenStore tokens, ReportConfig config) {
    this.config = config;
    this.dataDir = dataDir;
    this.tokens = tokens;
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("no tokens configured");
    }
    data.set(ReportData.load(dataDir));
  }

  /**
   * Refuses hosts other than loopback when no tokens are configured.
   *
   * @throws IllegalStateException naming the problem
   */
  public static void checkExposure(String host, boolean tokensConfigured) {
    if (tokensConfigured) {
      return;
    }
    boolean loopback;
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      loopback =
          all.length > 0 && java.util.Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new IllegalStateException(
          "refusing to serve on non-loopback host "
              + host
              + " without tokens: pass --tokens FILE or set KEYFRAME_TOKEN");
    }
  }

  /** The current data snapshot. */
  public ReportData data() {
    return data.get();
  }

  /** Builds the Javalin app (not started). */
  public Javalin app() {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.http.maxRequestSize = MAX_BODY_BYTES;
          config.http.generateEtags = false;
          config.jetty.modifyServer(server -> server.setErrorHandler(new SecureErrorHandler()));
          config.jetty.modifyServletContextHandler(
              handler -> handler.setErrorHandler(new SecureErrorHandler()));
          config.jetty.modifyHttpConfiguration(
              h -> {
                h.setRequestHeaderSize(8 * 1024);
                h.setSendServerVersion(false);
              });
          var r = config.routes;
          r.before(this::rejectBadRequests);
          r.before(this::checkOrigin);
          r.before(this::authorizeHead);
          r.beforeMatched(this::authorize);
          r.after(ReportServer::securityHeaders);

          r.get(
              "/api/health", ctx -> ctx.json(Map.of("status", "ok", "hasRuns", data().hasRuns())));
          r.get(
              "/login", ctx -> ctx.html(LoginPage.render(safeNext(ctx.queryParam("next")), null)));
          r.post("/login", this::login);
          r.post("/logout", this::logout);
          r.get("/static/{file}", StaticAssets::serve);

          r.get("/", ctx -> ctx.redirect("/overview"), Role.VIEWER);
          r.get(
              "/overview",
              ctx ->
                  ctx.html(
                      cached(
                          "html|overview|" + role(ctx),
                          () -> OverviewPage.render(overview(), role(ctx)))),
              Role.VIEWER);
          r.get("/api/overview", ctx -> ctx.json(overview()), Role.VIEWER);
          r.get(
              "/charts/throughput.png",
              ctx -> png(ctx, "throughput", () -> Charts.throughput(overview())),
              Role.VIEWER);
          r.get(
              "/charts/effort.png",
              ctx -> png(ctx, "effort", () -> Charts.effort(overview())),
              Role.VIEWER);

          r.get(
              "/label-next",
              ctx ->
                  ctx.html(
                      cached(
                          "html|label-next|" + filter(ctx) + "|" + role(ctx),
                          () -> LabelNextPage.render(labelNext(ctx), role(ctx)))),
              Role.VIEWER);
          r.get("/api/label-next", ctx -> ctx.json(labelNext(ctx)), Role.VIEWER);
          r.get(
              "/label-next.csv",
              ctx -> {
                ctx.contentType("text/csv; charset=utf-8");
                ctx.header("Content-Disposition", "attachment; filename=\"label-next.csv\"");
                ctx.result(LabelNextPage.csv(labelNext(ctx)));
              },
              Role.VIEWER);
          r.get("/thumbs/{video}/{file}", this::thumbnail, Role.VIEWER);
          r.get("/frame/{video}/{frame}", this::frame, Role.REVIEWER);
          r.get("/api/frame/{video}/{frame}", ctx -> ctx.json(frameView(ctx)), Role.REVIEWER);
          r.get(
              "/export/cvat/{video}",
              ctx -> {
                String video = videoParam(ctx.pathParam("video"));
                QueueExport.What what = exportWhat(ctx);
                String source = exportSource(ctx);
                ctx.contentType("application/xml; charset=utf-8");
                ctx.header(
                    "Content-Disposition",
                    "attachment; filename=\""
                        + video
                        + "-"
                        + what.name().toLowerCase(java.util.Locale.ROOT)
                        + ".cvat.xml\"");
                ctx.result(QueueExport.cvat(data(), what, video, source));
              },
              Role.REVIEWER);
          r.get(
              "/export/label-studio.json",
              ctx -> {
                QueueExport.What what = exportWhat(ctx);
                String source = exportSource(ctx);
                ctx.contentType("application/json; charset=utf-8");
                ctx.header(
                    "Content-Disposition",
                    "attachment; filename=\"label-studio-"
                        + what.name().toLowerCase(java.util.Locale.ROOT)
                        + ".json\"");
                ctx.result(QueueExport.labelStudio(data(), what, source));
              },
              Role.REVIEWER);

          r.get(
              "/agreement",
              ctx ->
                  ctx.html(
                      cached(
                          "html|agreement|" + ctx.queryParam("pair") + "|" + role(ctx),
                          () -> AgreementPage.render(agreement(ctx), role(ctx)))),
              Role.VIEWER);
          r.get("/api/agreement", ctx -> ctx.json(agreement(ctx)), Role.VIEWER);
          r.get("/agreement/frames", c -> AgreementFramesPage.html(c, this::data), Role.VIEWER);
          r.get("/api/agreement/frames", c -> AgreementFramesPage.json(c, this::data), Role.VIEWER);
          r.get(
              "/charts/kappa.png",
              ctx ->
                  png(
                      ctx,
                      "kappa",
                      () ->
                          Charts.kappa(
                              cached("agreement|", () -> AgreementView.of(data(), null, false)))),
              Role.VIEWER);
          r.get(
              "/charts/confusion.png",
              ctx -> {
                String pair = blankToNull(ctx.queryParam("pair"));
                png(
                    ctx,
                    "confusion|" + pair,
                    () -> Charts.confusion(AgreementView.of(data(), pair, false).confusion()));
              },
              Role.VIEWER);
          r.get(
              "/charts/timeline/{file}",
              ctx -> {
                String file = ctx.pathParam("file");
                if (!file.endsWith(".png")) {
                  throw new NotFoundResponse();
                }
                String video = videoParam(file.substring(0, file.length() - 4));
                png(ctx, "timeline|" + video, () -> Charts.timeline(data(), video));
              },
              Role.VIEWER);

          r.get(
              "/compare",
              ctx ->
                  ctx.html(
                      cached(
                          "html|compare|" + ctx.queryParam("pair") + "|" + role(ctx),
                          () -> ComparePage.render(compare(ctx), role(ctx)))),
              Role.VIEWER);
          r.get("/api/compare", ctx -> ctx.json(compare(ctx)), Role.VIEWER);
          r.get("/scorecards", c -> ScorecardPage.index(c, this::data, this.config), Role.REVIEWER);
          r.get(
              "/api/scorecards",
              c -> ScorecardPage.indexJson(c, this::data, this.config),
              Role.REVIEWER);
          r.get(
              "/scorecards/{annotator}",
              c -> ScorecardPage.annotator(c, this::data, this.config),
              Role.REVIEWER);
          r.get(
              "/api/scorecards/{annotator}",
              c -> ScorecardPage.annotatorJson(c, this::data, this.config),
              Role.REVIEWER);
          r.get("/compare/frames", c -> CompareFramesPage.html(c, this::data), Role.VIEWER);
          r.get("/api/compare/frames", c -> CompareFramesPage.json(c, this::data), Role.VIEWER);
          r.get(
              "/charts/compare-deltas.png",
              ctx -> {
                String pair = blankToNull(ctx.queryParam("pair"));
                png(
                    ctx,
                    "deltas|" + pair,
                    () -> Charts.compareDeltas(CompareView.of(data(), pair)));
              },
              Role.VIEWER);

          r.post(
              "/api/admin/reload",
              ctx -> {
                data.set(ReportData.load(dataDir));
                cache.clear();
                ctx.json(Map.of("reloaded", true, "hasRuns", data().hasRuns()));
              },
              Role.ADMIN);

          r.exception(
              IllegalArgumentException.class,
              (e, ctx) -> {
                ctx.status(HttpStatus.BAD_REQUEST)
                    .contentType(ContentType.TEXT_PLAIN)
                    .result("bad request: " + e.getMessage());
              });
        });
  }

  private OverviewView overview() {
    return cached("overview", () -> OverviewView.of(data()));
  }

  private static QueueFilter filter(Context ctx) {
    return new QueueFilter(
        ctx.queryParam("video"), ctx.queryParam("label"), ctx.queryParam("signal"));
  }

  private LabelNextView labelNext(Context ctx) {
    QueueFilter f = filter(ctx);
    return cached("label-next|" + f, () -> LabelNextView.of(data(), f, config.cvat()));
  }

  private AgreementView agreement(Context ctx) {
    String pair = blankToNull(ctx.queryParam("pair"));
    boolean privileged = role(ctx).atLeast(Role.REVIEWER);
    return cached(
        "agreement|" + pair + "|" + privileged, () -> AgreementView.of(data(), pair, privileged));
  }

  private CompareView compare(Context ctx) {
    String pair = blankToNull(ctx.queryParam("pair"));
    return cached("compare|" + pair, () -> CompareView.of(data(), pair));
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(String key, Supplier<T> build) {
    Object hit = cache.get(key);
    if (hit != null) {
      return (T) hit;
    }
    T value = build.get();
    if (cache.size() >= CACHE_CAP) {
      // Views are cheap to rebuild; a full reset keeps memory bounded without bookkeeping.
      cache.clear();
    }
    cache.put(key, value);
    return value;
  }

  private void png(Context ctx, String key, Supplier<byte[]> draw) {
    byte[] bytes = cached("png|" + key, draw);
    ctx.contentType("image/png");
    ctx.header("Cache-Control", "private, max-age=60");
    ctx.result(bytes);
  }

  private void thumbnail(Context ctx) {
    String video = videoParam(ctx.pathParam("video"));
    var m = PNG_FRAME.matcher(ctx.pathParam("file"));
    if (!m.matches()) {
      throw new NotFoundResponse();
    }
    int frame = Integer.parseInt(m.group(1));
    if (frame > data().detections().lastFrame(video)) {
      // Never draw (or cache) a frame the video does not have: unbounded frame numbers would fill
      // the cache.
      throw new NotFoundResponse("no such frame");
    }
    List<ObjectRef> objects = objectIds(ctx.queryParam("objects"));
    List<String> sources = sourceNames(ctx.queryParam("sources"));
    int width = "large".equals(ctx.queryParam("size")) ? 960 : 320;
    png(
        ctx,
        "thumb|" + video + "|" + frame + "|" + objects + "|" + sources + "|" + width,
        () ->
            FrameThumbnail.render(
                FrameView.of(
                    data().detections(), video, frame, objects, new LinkedHashSet<>(sources)),
                width));
  }

  private FrameView frameView(Context ctx) {
    String video = videoParam(ctx.pathParam("video"));
    int frame =
        ctx.pathParamAsClass("frame", Integer.class).check(f -> f >= 0, "frame must be >= 0").get();
    List<ObjectRef> objects = objectIds(ctx.queryParam("objects"));
    List<String> sources = sourceNames(ctx.queryParam("sources"));
    return FrameView.of(data().detections(), video, frame, objects, new LinkedHashSet<>(sources));
  }

  private void frame(Context ctx) {
    FrameView v = frameView(ctx);
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    String img =
        "/thumbs/"
            + URLEncoder.encode(v.video(), StandardCharsets.UTF_8)
            + "/"
            + v.frame()
            + ".png?"
            + query
            + (query.isEmpty() ? "" : "&")
            + "size=large";
    ctx.html(FramePage.render(v, objectIds(ctx.queryParam("objects")), img, role(ctx)));
  }

  private static QueueExport.What exportWhat(Context ctx) {
    try {
      return QueueExport.What.parse(ctx.queryParam("what"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  private static String exportSource(Context ctx) {
    List<String> s = sourceNames(ctx.queryParam("source"));
    if (s.size() != 1) {
      throw new BadRequestResponse("give one source whose boxes are the pre-annotations");
    }
    return s.get(0);
  }

  private String videoParam(String raw) {
    if (!VIDEO_ID.matcher(raw).matches()) {
      throw new BadRequestResponse("bad video id");
    }
    boolean known =
        data().detections().hasVideo(raw)
            || data().table("queue").stringColumn("video_id").contains(raw)
            || data().table("id_switches").stringColumn("video_id").contains(raw)
            || data().table("occlusion_events").stringColumn("video_id").contains(raw)
            || data().table("compare_frames").stringColumn("video_id").contains(raw);
    if (!known) {
      throw new NotFoundResponse("unknown video");
    }
    return raw;
  }

  private static List<String> sourceNames(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    List<String> out = List.of(raw.split(","));
    if (out.size() > 8 || !out.stream().allMatch(x -> VIDEO_ID.matcher(x).matches())) {
      throw new BadRequestResponse("bad sources");
    }
    return out;
  }

  private static List<ObjectRef> objectIds(String raw) {
    try {
      return ObjectRef.parseList(raw);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  private void rejectBadRequests(Context ctx) {
    String uri = ctx.req().getRequestURI();
    String query = ctx.queryString();
    int length = uri.length() + (query == null ? 0 : query.length());
    if (length > MAX_URI_CHARS) {
      throw new io.javalin.http.HttpResponseException(
          HttpStatus.URI_TOO_LONG.getCode(), "URI too long");
    }
    if (SUSPICIOUS.matcher(uri).find()) {
      throw new BadRequestResponse("bad path");
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      throw new io.javalin.http.HttpResponseException(
          HttpStatus.CONTENT_TOO_LARGE.getCode(), "request too large");
    }
  }

  private void authorize(Context ctx) {
    Set<RouteRole> needed = ctx.routeRoles();
    if (needed.isEmpty()) {
      return;
    }
    Role need = (Role) needed.iterator().next();
    Optional<Role> have = authenticate(ctx);
    if (have.isEmpty()) {
      if (isMachineRoute(ctx.path())) {
        ctx.header("WWW-Authenticate", "Bearer");
        throw new UnauthorizedResponse("token required");
      }
      String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
      ctx.redirect(
          "/login?next=" + URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8),
          HttpStatus.FOUND);
      ctx.skipRemainingHandlers();
      return;
    }
    if (!have.get().atLeast(need)) {
      throw new ForbiddenResponse("role " + need.label() + " required");
    }
    ctx.attribute("role", have.get());
  }

  private Optional<Role> authenticate(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null) {
      if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return tokens.roleOf(auth.substring(7).trim());
      }
      return Optional.empty();
    }
    return sessions.roleOf(ctx.cookie(SESSION_COOKIE));
  }

  private static boolean isMachineRoute(String path) {
    return path.startsWith("/api/")
        || path.startsWith("/charts/")
        || path.startsWith("/thumbs/")
        || path.endsWith(".csv");
  }

  private void login(Context ctx) {
    String next = safeNext(ctx.formParam("next"));
    long wait = throttle.attempt(ctx.ip());
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      ctx.status(HttpStatus.TOO_MANY_REQUESTS)
          .html(
              LoginPage.render(
                  next, "Too many login attempts from this address; try again in " + wait + " s."));
      return;
    }
    String token = ctx.formParam("token");
    Optional<Role> role = tokens.roleOf(token);
    if (role.isEmpty()) {
      ctx.status(HttpStatus.UNAUTHORIZED).html(LoginPage.render(next, "That token is not valid."));
      return;
    }
    String session = sessions.open(role.get(), TokenStore.sha256(token));
    ctx.header(
        "Set-Cookie",
        SESSION_COOKIE
            + "="
            + session
            + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
            + Sessions.TTL.toSeconds()
            + secure(ctx));
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    sessions.close(ctx.cookie(SESSION_COOKIE));
    ctx.header(
        "Set-Cookie",
        SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + secure(ctx));
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  /**
   * {@code ; Secure} when the browser reached us over TLS (directly, or through a proxy that says
   * so).
   */
  private static String secure(Context ctx) {
    boolean tls = ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    return tls ? "; Secure" : "";
  }

  /**
   * CSRF defence for every state-changing request: a browser always names the page that sent it
   * (Origin, else Referer), which must be this server. Requests carrying an Authorization header
   * come from scripts, not from a browser that a foreign page can drive, and pass. A login without
   * either header (curl) passes too: it needs a valid token anyway.
   */
  private void checkOrigin(Context ctx) {
    String method = ctx.method().name();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return;
    }
    if (ctx.header("Authorization") != null) {
      return;
    }
    // Browsers say where a request comes from: Sec-Fetch-Site (all current ones), else Origin. Our
    // pages send Referrer-Policy: no-referrer, under which Chrome sends "Origin: null" even for our
    // own forms.
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null) {
      if (site.equals("same-origin") || site.equals("none")) {
        return;
      }
      throw new ForbiddenResponse("cross-site request refused: Sec-Fetch-Site " + site);
    }
    String origin = ctx.header("Origin");
    if (origin == null || origin.equals("null")) {
      origin = ctx.header("Referer");
    }
    if (origin == null) {
      if (ctx.path().equals("/login")) {
        return;
      }
      throw new ForbiddenResponse("cross-site request refused: no Origin or Referer");
    }
    // The authority the browser addressed (Host header, host[:port]); behind a proxy, the proxy
    // must pass it on.
    String host = ctx.header("Host");
    if (host == null) {
      host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
    }
    String authority;
    try {
      authority = java.net.URI.create(origin.trim()).getRawAuthority();
    } catch (IllegalArgumentException e) {
      authority = null;
    }
    if (authority == null || host == null || !authority.equalsIgnoreCase(host)) {
      throw new ForbiddenResponse("cross-site request refused: Origin is not this server");
    }
  }

  /**
   * HEAD is answered from the GET route; without this, it would skip the GET route's role check.
   */
  private void authorizeHead(Context ctx) {
    if (!ctx.method().name().equals("HEAD")
        || ctx.path().equals("/api/health")
        || ctx.path().equals("/login")) {
      return;
    }
    if (authenticate(ctx).isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse("token required");
    }
  }

  /** Only same-site absolute paths; anything else (//host, schemes, backslashes) goes home. */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.length() > 512
        || next.startsWith("/login")
        || next.chars().anyMatch(c -> c < 32)) {
      return "/overview";
    }
    return next;
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", CSP);
    String type = ctx.res().getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("image/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  private static Role role(Context ctx) {
    Role r = ctx.attribute("role");
    if (r == null) {
      throw new UnauthorizedResponse();
    }
    return r;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
