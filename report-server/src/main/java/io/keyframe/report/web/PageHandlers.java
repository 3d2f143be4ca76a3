package io.keyframe.report.web;

import io.javalin.http.Context;
import io.keyframe.report.ReportConfig;
import io.keyframe.report.agreement.AgreementPage;
import io.keyframe.report.auth.Role;
import io.keyframe.report.chart.FrameView;
import io.keyframe.report.compare.ComparePage;
import io.keyframe.report.drilldown.AgreementFramesPage;
import io.keyframe.report.drilldown.CompareFramesPage;
import io.keyframe.report.labelnext.LabelNextPage;
import io.keyframe.report.overview.OverviewPage;
import io.keyframe.report.scorecard.ScorecardPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.function.BiFunction;

/**
 * The HTML pages and their JSON twins: each reads its parameters, gets its view (cached) and hands
 * it to its page.
 */
record PageHandlers(ReportViews views, ReportConfig config) {
  // Drill-down and scorecards: the pages read the snapshot themselves (their own caches).

  void agreementFrames(Context ctx) {
    AgreementFramesPage.html(ctx, views::data);
  }

  void agreementFramesJson(Context ctx) {
    AgreementFramesPage.json(ctx, views::data);
  }

  void compareFrames(Context ctx) {
    CompareFramesPage.html(ctx, views::data);
  }

  void compareFramesJson(Context ctx) {
    CompareFramesPage.json(ctx, views::data);
  }

  void scorecards(Context ctx) {
    ScorecardPage.index(ctx, views::data, config);
  }

  void scorecardsJson(Context ctx) {
    ScorecardPage.indexJson(ctx, views::data, config);
  }

  void scorecard(Context ctx) {
    ScorecardPage.annotator(ctx, views::data, config);
  }

  void scorecardJson(Context ctx) {
    ScorecardPage.annotatorJson(ctx, views::data, config);
  }

  void overview(Context ctx) {
    page(ctx, new CacheKey.Overview(), OverviewPage::render);
  }

  void overviewJson(Context ctx) {
    ctx.json(views.overview());
  }

  void labelNext(Context ctx) {
    page(ctx, new CacheKey.LabelNext(Params.queueFilter(ctx)), LabelNextPage::render);
  }

  void labelNextJson(Context ctx) {
    ctx.json(views.labelNext(Params.queueFilter(ctx)));
  }

  void agreement(Context ctx) {
    page(ctx, agreementKey(ctx), AgreementPage::render);
  }

  void agreementJson(Context ctx) {
    ctx.json(views.view(agreementKey(ctx)));
  }

  /** Reviewers and above get the view with the audit trail and spot check. */
  private static CacheKey.Agreement agreementKey(Context ctx) {
    return new CacheKey.Agreement(Params.pair(ctx), Access.role(ctx).atLeast(Role.REVIEWER));
  }

  void compare(Context ctx) {
    page(ctx, new CacheKey.Compare(Params.pair(ctx)), ComparePage::render);
  }

  void compareJson(Context ctx) {
    ctx.json(views.compare(Params.pair(ctx)));
  }

  /**
   * The page for the caller's role, from the cache when this view was rendered for that role
   * before.
   */
  private <V> void page(Context ctx, CacheKey.View<V> view, BiFunction<V, Role, String> render) {
    ctx.html(views.page(view, Access.role(ctx), render));
  }

  void frame(Context ctx) {
    FrameView v = frameView(ctx);
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    String image =
        "/thumbs/"
            + URLEncoder.encode(v.video(), StandardCharsets.UTF_8)
            + "/"
            + v.frame()
            + ".png?"
            + query
            + (query.isEmpty() ? "" : "&")
            + "size=large";
    ctx.html(
        FramePage.render(v, Params.objects(ctx.queryParam("objects")), image, Access.role(ctx)));
  }

  void frameJson(Context ctx) {
    ctx.json(frameView(ctx));
  }

  private FrameView frameView(Context ctx) {
    return FrameView.of(
        views.data().detections(),
        Params.video(ctx.pathParam("video"), views.data()),
        Params.frame(ctx),
        Params.objects(ctx.queryParam("objects")),
        new LinkedHashSet<>(Params.sources(ctx.queryParam("sources"))));
  }
}
