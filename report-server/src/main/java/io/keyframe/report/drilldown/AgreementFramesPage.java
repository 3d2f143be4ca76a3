package io.keyframe.report.drilldown;

import static io.keyframe.report.html.Html.esc;
import static io.keyframe.report.html.Html.f3;

import io.javalin.http.Context;
import io.keyframe.report.auth.Role;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.html.Html;
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
  private static final Map<ReportData, Map<String, AgreementFramesView>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The view a request asks for ({@code pair}, {@code label}, {@code video}, {@code page}). */
  public static AgreementFramesView view(Context ctx, ReportData data) {
    return view(
        data,
        blankToNull(ctx.queryParam("pair")),
        blankToNull(ctx.queryParam("label")),
        blankToNull(ctx.queryParam("b")),
        blankToNull(ctx.queryParam("outcome")),
        blankToNull(ctx.queryParam("video")),
        ctx.queryParamAsClass("page", Integer.class).getOrDefault(1));
  }

  /** {@link AgreementFramesView#of}, built once per data snapshot and arguments. */
  public static AgreementFramesView view(
      ReportData data, String pair, String label, String video, int page) {
    return view(data, pair, label, null, null, video, page);
  }

  /** {@link AgreementFramesView#of}, built once per data snapshot and arguments. */
  public static AgreementFramesView view(
      ReportData data,
      String pair,
      String label,
      String labelB,
      String outcome,
      String video,
      int page) {
    Map<String, AgreementFramesView> views =
        CACHE.computeIfAbsent(data, d -> new ConcurrentHashMap<>());
    String key = String.join("\u0000", pair, label, labelB, outcome, video, Integer.toString(page));
    AgreementFramesView hit = views.get(key);
    if (hit != null) return hit;
    AgreementFramesView v = AgreementFramesView.of(data, pair, label, labelB, outcome, video, page);
    if (views.size() >= CAP) views.clear();
    views.put(key, v);
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
    StringBuilder b = new StringBuilder();
    if (v.raterA() == null) {
      b.append(
          "<p class=\"note\">No agreement_objects rows yet: run the agreement job with --raters.</p>");
      return Html.page("Frames behind the agreement", "agreement", role, b.toString());
    }
    String pair = v.raterA() + "|" + v.raterB();
    b.append("<p class=\"muted\"><a href=\"/agreement\">← Agreement</a> · ")
        .append(
            "Every object the two annotators drew on a frame, as the matching behind the agreement numbers paired it")
        .append(
            " (per frame, IoU ≥ the job's threshold, one-to-one; table agreement_objects). Frames with the most")
        .append(" disagreement first.</p>");
    b.append("<form class=\"filters\" method=\"get\" action=\"/agreement/frames\">")
        .append("<label>Annotator pair<select name=\"pair\">");
    v.pairs().forEach(p -> b.append(Html.option(p, p.replace("|", " vs "), pair)));
    b.append("</select></label><label>Class<select name=\"label\"><option value=\"\">any</option>");
    v.labels().forEach(l -> b.append(Html.option(l, v.label())));
    b.append("</select></label><label>Video<select name=\"video\"><option value=\"\">any</option>");
    v.videos().forEach(x -> b.append(Html.option(x, v.video())));
    b.append("</select></label><button class=\"btn\" type=\"submit\">Show</button></form>");

    AgreementFramesView.Totals t = v.totals();
    String cls =
        (v.label() == null ? "any class" : v.label())
            + (v.labelB() == null ? "" : ", B says " + v.labelB())
            + (v.outcome() == null ? "" : ", " + v.outcome().replace('_', ' '));
    b.append("<div class=\"cards\" id=\"totals\">");
    card(b, "matched (A: " + cls + ")", "matched", t.matched());
    card(b, "of those, B says another class", "mislabelled", t.mislabelledAsOther());
    if (v.label() != null)
      card(b, "B says " + cls + ", A another", "other-called-this", t.otherCalledThis());
    card(b, "only " + v.raterA() + " drew", "only-a", t.onlyA());
    card(b, "only " + v.raterB() + " drew", "only-b", t.onlyB());
    card(b, "frames", "frames", v.frameCount());
    b.append("</div>");
    b.append("<p class=\"muted\">")
        .append(esc(v.raterA()))
        .append(" is A, ")
        .append(esc(v.raterB()))
        .append(
            " is B. On the agreement page, matched, only A and only B of this pair and class are these counts.</p>");

    boolean links = role.atLeast(Role.REVIEWER);
    pager(b, v);
    b.append(
            "<div class=\"wide\"><table id=\"drill-frames\" class=\"sortable\"><thead><tr><th>frame</th>")
        .append("<th>video</th><th class=n>frame #</th><th class=n>disagreements</th>")
        .append("<th class=n>matched</th><th class=n>mislabelled</th><th class=n>only A</th>")
        .append("<th class=n>only B</th><th class=n>mean IoU</th><th class=n>min IoU</th>")
        .append("<th>objects (A ↔ B)</th></tr></thead><tbody>");
    for (AgreementFramesView.FrameRow f : v.frames()) {
      b.append("<tr data-video=\"")
          .append(esc(f.videoId()))
          .append("\" data-frame=\"")
          .append(f.frame())
          .append("\"><td>")
          .append(links ? "<a class=\"frame-link\" href=\"" + esc(f.frameUrl()) + "\">" : "")
          .append("<img class=\"thumb\" loading=\"lazy\" alt=\"frame ")
          .append(f.frame())
          .append("\" src=\"")
          .append(esc(f.thumbnailUrl()))
          .append("\">")
          .append(links ? "</a>" : "")
          .append("</td><td>")
          .append(esc(f.videoId()))
          .append("</td><td class=n>")
          .append(f.frame())
          .append("</td><td class=n data-k=\"disagreements\">")
          .append(f.disagreements())
          .append("</td><td class=n data-k=\"matched\">")
          .append(f.matched())
          .append("</td><td class=n data-k=\"mislabelled\">")
          .append(f.mislabelled())
          .append("</td><td class=n data-k=\"only-a\">")
          .append(f.onlyA())
          .append("</td><td class=n data-k=\"only-b\">")
          .append(f.onlyB())
          .append("</td><td class=n data-k=\"mean-iou\">")
          .append(f3(f.meanIou()))
          .append("</td><td class=n data-k=\"min-iou\">")
          .append(f3(f.minIou()))
          .append("</td><td>");
      for (AgreementFramesView.FrameObject o : f.objects()) {
        b.append("<span class=\"tag obj ")
            .append(o.outcome())
            .append("\" data-outcome=\"")
            .append(o.outcome())
            .append("\">")
            .append(side(o.idA(), o.labelA()))
            .append(" ↔ ")
            .append(side(o.idB(), o.labelB()))
            .append(Double.isNaN(o.iou()) ? "" : " · IoU " + f3(o.iou()))
            .append(" <small>")
            .append(o.outcome().replace('_', ' '))
            .append("</small></span>");
      }
      b.append("</td></tr>");
    }
    if (v.frames().isEmpty()) {
      b.append("<tr><td colspan=11 class=muted>No objects of this selection.</td></tr>");
    }
    b.append("</tbody></table></div>");
    pager(b, v);
    return Html.page(
        "Frames behind " + v.raterA() + " vs " + v.raterB() + " · " + cls,
        "agreement",
        role,
        b.toString());
  }

  private static String side(Integer id, String label) {
    return id == null ? "<i>none</i>" : "#" + id + " " + esc(label);
  }

  private static void card(StringBuilder b, String k, String id, int value) {
    b.append("<div class=\"card\"><div class=\"k\">")
        .append(esc(k))
        .append("</div><div class=\"v\" data-k=\"")
        .append(id)
        .append("\">")
        .append(value)
        .append("</div></div>");
  }

  private static void pager(StringBuilder b, AgreementFramesView v) {
    if (v.pages() <= 1) return;
    b.append("<p class=\"pager\">Page ").append(v.page()).append(" of ").append(v.pages());
    if (v.page() > 1)
      b.append(" · <a rel=\"prev\" href=\"")
          .append(esc(url(v, v.page() - 1)))
          .append("\">previous</a>");
    if (v.page() < v.pages())
      b.append(" · <a rel=\"next\" href=\"")
          .append(esc(url(v, v.page() + 1)))
          .append("\">next</a>");
    b.append("</p>");
  }

  /** The drill-down page of a pair, class (or null) and video (or null). */
  public static String url(String raterA, String raterB, String label, String video) {
    return url(raterA, raterB, label, null, null, video);
  }

  /** The drill-down of one confusion cell ({@code labelB}) or outcome, each null for none. */
  public static String url(
      String raterA, String raterB, String label, String labelB, String outcome, String video) {
    return "/agreement/frames?pair="
        + AgreementFramesView.enc(raterA + "|" + raterB)
        + (label == null ? "" : "&label=" + AgreementFramesView.enc(label))
        + (labelB == null ? "" : "&b=" + AgreementFramesView.enc(labelB))
        + (outcome == null ? "" : "&outcome=" + AgreementFramesView.enc(outcome))
        + (video == null ? "" : "&video=" + AgreementFramesView.enc(video));
  }

  private static String url(AgreementFramesView v, int page) {
    return url(v.raterA(), v.raterB(), v.label(), v.labelB(), v.outcome(), v.video())
        + "&page="
        + page;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
