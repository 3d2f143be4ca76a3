package io.keyframe.report.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.keyframe.report.chart.Charts;
import io.keyframe.report.chart.FrameThumbnail;
import io.keyframe.report.chart.FrameView;
import io.keyframe.report.chart.ObjectRef;
import io.keyframe.report.web.CacheKey.ChartKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/** Charts and frame thumbnails: PNGs drawn once per snapshot and key, cacheable for a minute. */
record ImageHandlers(ReportViews views) {
  private static final int THUMB_WIDTH = 320;
  private static final int LARGE_WIDTH = 960;

  void throughput(Context ctx) {
    chart(ctx, ChartKind.THROUGHPUT, null, () -> Charts.throughput(views.overview()));
  }

  void effort(Context ctx) {
    chart(ctx, ChartKind.EFFORT, null, () -> Charts.effort(views.overview()));
  }

  void kappa(Context ctx) {
    chart(ctx, ChartKind.KAPPA, null, () -> Charts.kappa(views.agreement(null, false)));
  }

  void confusion(Context ctx) {
    String pair = Params.pair(ctx);
    chart(
        ctx,
        ChartKind.CONFUSION,
        pair,
        () -> Charts.confusion(views.agreement(pair, false).confusion()));
  }

  void timeline(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".png")) {
      throw new NotFoundResponse();
    }
    String video = Params.video(file.substring(0, file.length() - 4), views.data());
    chart(ctx, ChartKind.TIMELINE, video, () -> Charts.timeline(views.data(), video));
  }

  void compareDeltas(Context ctx) {
    String pair = Params.pair(ctx);
    chart(ctx, ChartKind.COMPARE_DELTAS, pair, () -> Charts.compareDeltas(views.compare(pair)));
  }

  void thumbnail(Context ctx) {
    String video = Params.video(ctx.pathParam("video"), views.data());
    int frame = Params.pngFrame(ctx.pathParam("file"));
    if (frame > views.data().detections().lastFrame(video)) {
      // Never draw (or cache) a frame the video does not have: unbounded frame numbers would fill
      // the cache.
      throw new NotFoundResponse("no such frame");
    }
    List<ObjectRef> objects = Params.objects(ctx.queryParam("objects"));
    List<String> sources = Params.sources(ctx.queryParam("sources"));
    int width = "large".equals(ctx.queryParam("size")) ? LARGE_WIDTH : THUMB_WIDTH;
    png(
        ctx,
        new CacheKey.Thumbnail(video, frame, objects, sources, width),
        () ->
            FrameThumbnail.render(
                FrameView.of(
                    views.data().detections(), video, frame, objects, new LinkedHashSet<>(sources)),
                width));
  }

  private void chart(Context ctx, ChartKind kind, String argument, Supplier<byte[]> draw) {
    png(ctx, new CacheKey.Chart(kind, argument), draw);
  }

  private void png(Context ctx, CacheKey<byte[]> key, Supplier<byte[]> draw) {
    byte[] bytes = views.png(key, draw);
    ctx.contentType("image/png");
    ctx.header("Cache-Control", "private, max-age=60");
    ctx.result(bytes);
  }
}
