package io.keyframe.report.web;

import io.javalin.http.Context;
import java.util.Map;

/** Health (open) and reload (admin). */
record AdminHandlers(ReportViews views) {
  void health(Context ctx) {
    ctx.json(Map.of("status", "ok", "hasRuns", views.data().hasRuns()));
  }

  void reload(Context ctx) {
    views.reload();
    ctx.json(Map.of("reloaded", true, "hasRuns", views.data().hasRuns()));
  }
}
