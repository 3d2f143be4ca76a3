package io.keyframe.report.web;

import io.javalin.http.Context;
import io.keyframe.report.export.QueueExport;
import io.keyframe.report.labelnext.LabelNextPage;
import java.util.Locale;

/** Downloads: the queue as CSV, and the queue or spot check as CVAT / Label Studio tasks. */
record ExportHandlers(ReportViews views) {
  void labelNextCsv(Context ctx) {
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"label-next.csv\"");
    ctx.result(LabelNextPage.csv(views.labelNext(Params.queueFilter(ctx))));
  }

  void cvat(Context ctx) {
    String video = Params.video(ctx.pathParam("video"), views.data());
    QueueExport.What what = Params.exportWhat(ctx);
    String source = Params.exportSource(ctx);
    ctx.contentType("application/xml; charset=utf-8");
    attachment(ctx, video + "-" + name(what) + ".cvat.xml");
    ctx.result(QueueExport.cvat(views.data(), what, video, source));
  }

  void labelStudio(Context ctx) {
    QueueExport.What what = Params.exportWhat(ctx);
    String source = Params.exportSource(ctx);
    ctx.contentType("application/json; charset=utf-8");
    attachment(ctx, "label-studio-" + name(what) + ".json");
    ctx.result(QueueExport.labelStudio(views.data(), what, source));
  }

  private static String name(QueueExport.What what) {
    return what.name().toLowerCase(Locale.ROOT);
  }

  /** {@code file} is built from checked parameters only (video IDs are [A-Za-z0-9._-]). */
  private static void attachment(Context ctx, String file) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }
}
