package io.keyframe.report.compare;

import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.report.data.Grid;
import io.keyframe.report.data.Num;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.data.SourcePairs;
import io.keyframe.report.data.TableRecords;
import io.keyframe.report.data.VideoOrder;
import io.keyframe.report.drilldown.FrameLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The ML engineer's page: model (iteration) A vs B per class and video, with deltas and CIs, and
 * the frames where the two disagree most.
 *
 * @param run the compare run
 * @param pairs model pairs as {@code a|b}
 * @param modelA selected model A ({@code null} when no data)
 * @param modelB selected model B
 * @param rows per video, class and metric, all-videos rows first
 * @param deltaByMetricAndLabel delta (B - A) over all videos, metric x class
 * @param worstFrames the frames with the largest disagreement, most first
 * @param tracking each prediction source's all-class, all-video tracking metrics
 */
public record CompareView(
    String run,
    List<String> pairs,
    String modelA,
    String modelB,
    List<CompareRow> rows,
    Grid deltaByMetricAndLabel,
    List<FrameDisagreement> worstFrames,
    List<SourceMetrics> tracking) {

  /** How many disagreeing frames the page lists. */
  public static final int WORST_FRAMES = 20;

  /** One metric of A and B with the bootstrap CI of the delta. */
  public record CompareRow(
      String videoId,
      String label,
      String metric,
      double valueA,
      double valueB,
      double delta,
      double ciLo,
      double ciHi) {
    /** Whether the CI of the delta excludes zero. */
    public boolean significant() {
      return ciLo > 0 || ciHi < 0;
    }
  }

  /**
   * A frame where A and B disagree.
   *
   * @param thumbnailUrl the frame with A's, B's and the reference's boxes
   * @param frameUrl the frame page with the same sources side by side
   * @param keyframeOf the compared models whose boxes on this frame are keyframes (a tracker
   *     re-initialised there from a person's boxes), empty when none
   */
  public record FrameDisagreement(
      String videoId,
      int frame,
      double disagreement,
      String detail,
      String thumbnailUrl,
      String frameUrl,
      List<String> keyframeOf) {
    public FrameDisagreement {
      keyframeOf = List.copyOf(keyframeOf);
    }
  }

  /**
   * Why the worst frames cluster, as far as the outputs tell: how many of them are keyframe
   * (re-initialisation) frames of A or B.
   */
  public String clustering() {
    if (worstFrames.isEmpty()) {
      return "";
    }
    long kf = worstFrames.stream().filter(f -> !f.keyframeOf().isEmpty()).count();
    return kf == 0
        ? "None of these frames is a keyframe (re-initialisation) frame of either model."
        : kf
            + " of these "
            + worstFrames.size()
            + " frames are keyframe frames, where a tracker was re-initialised from a"
            + " person's boxes: the models differ most where one of them jumps back to the keyframe boxes.";
  }

  /** Headline tracking metrics of one prediction source over all classes and videos. */
  public record SourceMetrics(
      String predSource,
      String refSource,
      double mota,
      double idf1,
      double hota,
      double deta,
      double assa,
      int numSwitches) {}

  /**
   * Builds the view.
   *
   * @param pair {@code a|b}, or {@code null} for the first pair
   */
  public static CompareView of(ReportData data, String pair) {
    Table c = data.table("compare");
    SourcePairs pairs = SourcePairs.of(c, "model_a", "model_b", pair, "unknown model pair");
    String a = pairs.a(), b = pairs.b();
    Table sel =
        c.isEmpty()
            ? c
            : c.where(
                c.stringColumn("model_a").isEqualTo(a).and(c.stringColumn("model_b").isEqualTo(b)));
    List<CompareRow> rows =
        TableRecords.read(sel, CompareRow.class).stream()
            .sorted(
                VideoOrder.allVideosFirst(CompareRow::videoId)
                    .thenComparing(CompareRow::label)
                    .thenComparing(CompareRow::metric))
            .toList();
    Table all =
        sel.isEmpty() ? sel : sel.where(sel.stringColumn("video_id").isEqualTo(OutputTables.ALL));
    Grid grid =
        Grid.pivot(all.selectColumns("metric", "label", "delta"), "metric", "label", "delta");

    String sources = io.keyframe.report.overview.OverviewView.pairSources(data, a, b);
    Table f = data.table("compare_frames");
    List<FrameDisagreement> worst = new ArrayList<>();
    if (!f.isEmpty() && pairs.chosen() != null) {
      Table fs =
          f.where(
                  f.stringColumn("model_a")
                      .isEqualTo(a)
                      .and(f.stringColumn("model_b").isEqualTo(b)))
              .sortDescendingOn("disagreement");
      for (int r = 0; r < Math.min(WORST_FRAMES, fs.rowCount()); r++) {
        String v = fs.stringColumn("video_id").get(r);
        int frame = fs.intColumn("frame").getInt(r);
        String query = "sources=" + URLEncoder.encode(sources, StandardCharsets.UTF_8);
        List<String> keyframeOf = new ArrayList<>();
        for (String m : List.of(a, b)) {
          if (data.detections().boxes(v, frame).stream()
              .anyMatch(x -> x.source().equals(m) && x.keyframe())) {
            keyframeOf.add(m);
          }
        }
        FrameLinks links = FrameLinks.of(v, frame, query);
        worst.add(
            new FrameDisagreement(
                v,
                frame,
                Num.at(fs, "disagreement", r),
                fs.stringColumn("detail").get(r),
                links.thumbnailUrl(),
                links.frameUrl(),
                keyframeOf));
      }
    }
    Table tm = data.table("tracking_metrics");
    Table headline =
        tm.isEmpty()
            ? tm
            : tm.where(
                    tm.stringColumn("video_id")
                        .isEqualTo(OutputTables.ALL)
                        .and(tm.stringColumn("label").isEqualTo(OutputTables.ALL)))
                .sortAscendingOn("pred_source");
    List<SourceMetrics> tracking = TableRecords.read(headline, SourceMetrics.class);
    return new CompareView(
        data.runOf("compare").orElse(null), pairs.pairs(), a, b, rows, grid, worst, tracking);
  }
}
