package io.keyframe.report.drilldown;

import io.javalin.http.Context;
import io.keyframe.report.auth.Role;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.html.Templates;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Renders {@link AgreementFramesView} as HTML; the handlers of the page and its JSON twin. */
public final class AgreementFramesPage {
  private AgreementFramesPage() {}

  // Views per data snapshot and query: a reload makes a new ReportData and its entries go. Each
  // snapshot keeps at most CAP views (a full reset keeps memory bounded without bookkeeping).
  private static final int CAP = 500;
  private static final Map<ReportData, Map<AgreementFramesView.Selection, AgreementFramesView>>
      CACHE = Collections.synchronizedMap(new WeakHashMap<>());

  /** The view a request asks for ({@code pair}, {@code label}, {@code video}, {@code page}). */
  public static AgreementFramesView view(Context ctx, ReportData data) {
    return view(
        data,
        new AgreementFramesView.Selection(
            blankToNull(ctx.queryParam("pair")),
            blankToNull(ctx.queryParam("label")),
            blankToNull(ctx.queryParam("b")),
            blankToNull(ctx.queryParam("outcome")),
            blankToNull(ctx.queryParam("video")),
            ctx.queryParamAsClass("page", Integer.class).getOrDefault(1)));
  }

  /** {@link AgreementFramesView#of}, built once per data snapshot and selection. */
  public static AgreementFramesView view(ReportData data, AgreementFramesView.Selection selection) {
    Map<AgreementFramesView.Selection, AgreementFramesView> views =
        CACHE.computeIfAbsent(data, d -> new ConcurrentHashMap<>());
    AgreementFramesView hit = views.get(selection);
    if (hit != null) return hit;
    AgreementFramesView v = AgreementFramesView.of(data, selection);
    if (views.size() >= CAP) views.clear();
    views.put(selection, v);
    return v;
  }

  /** {@code GET /agreement/frames}. */
  public static void html(Context ctx, Supplier<ReportData> data) {
    ctx.html(render(view(ctx, data.get()), ctx.attribute("role")));
  }

  /** {@code GET /api/agreement/frames}. */
  public static void json(Context ctx, Supplier<ReportData> data) {
    ctx.json(view(ctx, data.get()));
  }

  /** The page. */
  public static String render(AgreementFramesView v, Role role) {
    return Templates.render("agreement-frames.jte", "v", v, "role", role);
  }

  /** The drill-down page of a pair, class (or null) and video (or null). */
  public static String url(String raterA, String raterB, String label, String video) {
    return url(raterA, raterB, label, null, null, video);
  }

  /** The drill-down of one confusion cell ({@code labelB}) or outcome, each null for none. */
  public static String url(
      String raterA, String raterB, String label, String labelB, String outcome, String video) {
    return "/agreement/frames?pair="
        + FrameLinks.encode(raterA + "|" + raterB)
        + (label == null ? "" : "&label=" + FrameLinks.encode(label))
        + (labelB == null ? "" : "&b=" + FrameLinks.encode(labelB))
        + (outcome == null ? "" : "&outcome=" + FrameLinks.encode(outcome))
        + (video == null ? "" : "&video=" + FrameLinks.encode(video));
  }

  /** Page {@code page} of the selection of {@code v}. */
  public static String pageUrl(AgreementFramesView v, int page) {
    return url(v.raterA(), v.raterB(), v.label(), v.labelB(), v.outcome(), v.video())
        + "&page="
        + page;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
