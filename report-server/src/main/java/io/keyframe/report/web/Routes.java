package io.keyframe.report.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.keyframe.report.auth.Role;
import io.keyframe.report.html.StaticAssets;

/**
 * Every route of the report in one place: the filters each request passes, then each path with its
 * handler and the least role it needs (none: open). A new page is one line here plus its handler.
 */
final class Routes {
  private Routes() {}

  static void register(RoutesConfig r, Handlers h) {
    r.before(ctx -> RequestChecks.sizesAndPaths(ctx));
    r.before(ctx -> RequestChecks.sameOrigin(ctx));
    r.before(h.access()::authorizeHead);
    r.beforeMatched(h.access()::authorize);
    r.after(ctx -> SecurityHeaders.apply(ctx));

    // open
    r.get("/api/health", h.admin()::health);
    r.get("/login", h.login()::form);
    r.post("/login", h.login()::login);
    r.post("/logout", h.login()::logout);
    r.get("/static/{file}", StaticAssets::serve);

    // pages and their JSON twins
    r.get("/", ctx -> ctx.redirect("/overview"), Role.VIEWER);
    r.get("/overview", h.pages()::overview, Role.VIEWER);
    r.get("/api/overview", h.pages()::overviewJson, Role.VIEWER);
    r.get("/label-next", h.pages()::labelNext, Role.VIEWER);
    r.get("/api/label-next", h.pages()::labelNextJson, Role.VIEWER);
    r.get("/agreement", h.pages()::agreement, Role.VIEWER);
    r.get("/api/agreement", h.pages()::agreementJson, Role.VIEWER);
    r.get("/agreement/frames", h.pages()::agreementFrames, Role.VIEWER);
    r.get("/api/agreement/frames", h.pages()::agreementFramesJson, Role.VIEWER);
    r.get("/compare", h.pages()::compare, Role.VIEWER);
    r.get("/api/compare", h.pages()::compareJson, Role.VIEWER);
    r.get("/compare/frames", h.pages()::compareFrames, Role.VIEWER);
    r.get("/api/compare/frames", h.pages()::compareFramesJson, Role.VIEWER);
    r.get("/scorecards", h.pages()::scorecards, Role.REVIEWER);
    r.get("/api/scorecards", h.pages()::scorecardsJson, Role.REVIEWER);
    r.get("/scorecards/{annotator}", h.pages()::scorecard, Role.REVIEWER);
    r.get("/api/scorecards/{annotator}", h.pages()::scorecardJson, Role.REVIEWER);
    r.get("/frame/{video}/{frame}", h.pages()::frame, Role.REVIEWER);
    r.get("/api/frame/{video}/{frame}", h.pages()::frameJson, Role.REVIEWER);

    // charts and thumbnails
    r.get("/charts/throughput.png", h.images()::throughput, Role.VIEWER);
    r.get("/charts/effort.png", h.images()::effort, Role.VIEWER);
    r.get("/charts/kappa.png", h.images()::kappa, Role.VIEWER);
    r.get("/charts/confusion.png", h.images()::confusion, Role.VIEWER);
    r.get("/charts/timeline/{file}", h.images()::timeline, Role.VIEWER);
    r.get("/charts/compare-deltas.png", h.images()::compareDeltas, Role.VIEWER);
    r.get("/thumbs/{video}/{file}", h.images()::thumbnail, Role.VIEWER);

    // downloads
    r.get("/label-next.csv", h.exports()::labelNextCsv, Role.VIEWER);
    r.get("/export/cvat/{video}", h.exports()::cvat, Role.REVIEWER);
    r.get("/export/label-studio.json", h.exports()::labelStudio, Role.REVIEWER);

    // admin
    r.post("/api/admin/reload", h.admin()::reload, Role.ADMIN);

    r.exception(HttpResponseException.class, ErrorPage::handle);
    r.exception(
        IllegalArgumentException.class,
        (e, ctx) ->
            ctx.status(HttpStatus.BAD_REQUEST)
                .contentType(ContentType.TEXT_PLAIN)
                .result("bad request: " + e.getMessage()));
  }

  /** The handler objects the routes point at. */
  record Handlers(
      Access access,
      LoginHandlers login,
      PageHandlers pages,
      ImageHandlers images,
      ExportHandlers exports,
      AdminHandlers admin) {}
}
