package io.keyframe.report.drilldown;

import io.keyframe.report.data.Num;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.data.SourcePairs;
import io.keyframe.report.overview.OverviewView;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * Every frame the compare job scored for one model pair (table {@code compare_frames}), most
 * disagreement first, paged: the frames behind the compare page's "disagree most" list.
 *
 * @param frames the page shown
 * @param frameCount frames over all pages
 */
public record CompareFramesView(
    String modelA,
    String modelB,
    String video,
    List<Frame> frames,
    int page,
    int pages,
    int frameCount,
    List<String> pairs,
    List<String> videos) {
  public CompareFramesView {
    frames = List.copyOf(frames);
    pairs = List.copyOf(pairs);
    videos = List.copyOf(videos);
  }

  /** One scored frame, with the frame page drawing A, B and the reference. */
  public record Frame(
      String videoId,
      int frame,
      double disagreement,
      String detail,
      boolean keyframe,
      String frameUrl,
      String thumbnailUrl) {}

  /**
   * @param pair {@code a|b}, {@code null} for the first
   * @param video a video or {@code null} for all
   * @throws IllegalArgumentException for a pair or video the table does not hold
   */
  public static CompareFramesView of(ReportData data, String pair, String video, int page) {
    Table f = data.table("compare_frames");
    SourcePairs pairs = SourcePairs.of(f, "model_a", "model_b", pair, "unknown model pair");
    if (pairs.chosen() == null)
      return new CompareFramesView(null, null, video, List.of(), 1, 1, 0, List.of(), List.of());
    String a = pairs.a(), b = pairs.b();
    Table sel =
        f.where(f.stringColumn("model_a").isEqualTo(a).and(f.stringColumn("model_b").isEqualTo(b)));
    TreeSet<String> videos = new TreeSet<>(sel.stringColumn("video_id").asList());
    if (video != null && !videos.contains(video))
      throw new IllegalArgumentException("unknown video");
    if (video != null) sel = sel.where(sel.stringColumn("video_id").isEqualTo(video));
    sel = sel.sortOn("-disagreement", "video_id", "frame");
    String sources = OverviewView.pairSources(data, a, b);
    int size = AgreementFramesView.PAGE_SIZE;
    int pages = Math.max(1, (sel.rowCount() + size - 1) / size);
    int p = Math.min(Math.max(1, page), pages);
    List<Frame> out = new ArrayList<>();
    for (int r = (p - 1) * size; r < Math.min(sel.rowCount(), p * size); r++) {
      String v = sel.stringColumn("video_id").get(r);
      int frame = sel.intColumn("frame").getInt(r);
      boolean kf =
          data.detections().boxes(v, frame).stream()
              .anyMatch(x -> (x.source().equals(a) || x.source().equals(b)) && x.keyframe());
      FrameLinks links = FrameLinks.of(v, frame, "sources=" + FrameLinks.encode(sources));
      out.add(
          new Frame(
              v,
              frame,
              Num.at(sel, "disagreement", r),
              sel.stringColumn("detail").get(r),
              kf,
              links.frameUrl(),
              links.thumbnailUrl()));
    }
    return new CompareFramesView(
        a, b, video, out, p, pages, sel.rowCount(), pairs.pairs(), List.copyOf(videos));
  }
}
