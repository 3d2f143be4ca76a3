package io.keyframe.report.agreement;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.countUnique;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;

import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.report.data.Grid;
import io.keyframe.report.data.Num;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.data.SourcePairs;
import io.keyframe.report.data.TableRecords;
import io.keyframe.report.data.VideoOrder;
import io.keyframe.report.drilldown.FrameLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The QA reviewer's page: agreement per annotator pair, class and video with CIs, a confusion
 * matrix between two annotators, ID-switch timelines, the spot-check sample and the audit trail.
 *
 * @param run the agreement run
 * @param rows agreement rows, all-videos rows first
 * @param kappaByPairAndLabel kappa over all videos, pair x class
 * @param classes per pair and class over all videos: class kappa of matched objects beside
 *     detection agreement (matched and unmatched counts, F1)
 * @param pairs annotator pairs with a confusion matrix, as {@code a|b}
 * @param confusion confusion matrix of the selected pair (rows: rater A's label, columns: B's),
 *     with a last column for objects B did not draw and a last row for objects only B drew
 * @param timelines one entry per video with ID switches or occlusion events
 * @param spotCheck the spot-check sample; {@code null} when the caller's role may not see it
 * @param audit runs and who labelled what; {@code null} when the caller's role may not see it
 */
public record AgreementView(
    String run,
    List<AgreementRow> rows,
    Grid kappaByPairAndLabel,
    List<ClassAgreement> classes,
    List<String> pairs,
    Confusion confusion,
    List<Timeline> timelines,
    List<SpotCheck> spotCheck,
    Audit audit) {

  /** One agreement row (README table {@code agreement}). */
  public record AgreementRow(
      String videoId,
      String raterA,
      String raterB,
      String label,
      int nMatched,
      int nUnmatchedA,
      int nUnmatchedB,
      double meanIou,
      double iouLo,
      double iouHi,
      double kappa,
      double kappaLo,
      double kappaHi,
      double alpha) {}

  /** Row key of objects only rater B drew, and column key of objects rater B did not draw. */
  public static final String ONLY_B = "(only B drew it)", MISSED_BY_B = "(B did not draw it)";

  /**
   * Confusion counts between two annotators on every object either drew, summed over videos:
   * matched objects by class, then {@link #MISSED_BY_B} (A drew it, B did not) and {@link #ONLY_B}.
   *
   * @param rowShares each row's counts divided by the row's total (NaN for an empty row), the heat
   *     map's shading: where each class of A's ends up
   */
  public record Confusion(String raterA, String raterB, Grid counts, Grid rowShares) {}

  /**
   * Agreement of one pair on one class over all videos.
   *
   * @param kappa one-vs-rest Cohen's kappa over matched objects (NaN when undefined)
   * @param band its Landis and Koch band, or null
   * @param f1 detection agreement: 2 matched / (2 matched + only A + only B), NaN without objects
   */
  public record ClassAgreement(
      String raterA,
      String raterB,
      String label,
      double kappa,
      double kappaLo,
      double kappaHi,
      KappaBand band,
      int nMatched,
      int onlyA,
      int onlyB,
      double f1) {}

  /** ID-switch and occlusion counts of one video, with its timeline chart. */
  public record Timeline(
      String videoId, int idSwitches, int afterOcclusion, int occlusionEvents, String chartUrl) {}

  /** One spot-check frame. */
  public record SpotCheck(String videoId, int frame, String label, String stratum) {}

  /** Which run produced what, and who labelled what. */
  public record Audit(
      List<RunEntry> runs,
      List<LabelledBy> labelledBy,
      io.keyframe.report.data.CommandLog commands) {
    public Audit {
      runs = List.copyOf(runs);
      labelledBy = List.copyOf(labelledBy);
    }
  }

  /** One row of {@code runs}. */
  public record RunEntry(
      String runId,
      String job,
      long startedAt,
      long endedAt,
      String codeVersion,
      String trackerPath,
      String inputsJson,
      String modelsJson,
      String rowCountsJson) {}

  /** Boxes, keyframes and tracks one source contributed to one video. */
  public record LabelledBy(
      String videoId, String source, long boxes, long keyframes, long tracks) {}

  /**
   * Builds the view.
   *
   * @param pair selected confusion pair as {@code a|b}, or {@code null} for the first
   * @param privileged whether to include the spot-check sample and audit trail
   */
  public static AgreementView of(ReportData data, String pair, boolean privileged) {
    Table a = data.table("agreement");
    List<AgreementRow> rows =
        TableRecords.read(a, AgreementRow.class).stream()
            .sorted(
                VideoOrder.allVideosFirst(AgreementRow::videoId)
                    .thenComparing(AgreementRow::raterA)
                    .thenComparing(AgreementRow::raterB)
                    .thenComparing(AgreementRow::label))
            .toList();

    Table all = a.where(a.stringColumn("video_id").isEqualTo(OutputTables.ALL));
    Table withPair = all.copy();
    withPair.addColumns(pairColumn(all, "rater_a", "rater_b"));
    Grid kappa =
        Grid.pivot(withPair.selectColumns("pair", "label", "kappa"), "pair", "label", "kappa");
    List<ClassAgreement> classes = new ArrayList<>();
    for (AgreementRow r : rows) {
      if (r.videoId().equals(OutputTables.ALL) && !r.label().equals(OutputTables.ALL)) {
        int denominator = 2 * r.nMatched() + r.nUnmatchedA() + r.nUnmatchedB();
        classes.add(
            new ClassAgreement(
                r.raterA(),
                r.raterB(),
                r.label(),
                r.kappa(),
                r.kappaLo(),
                r.kappaHi(),
                KappaBand.of(r.kappa()),
                r.nMatched(),
                r.nUnmatchedA(),
                r.nUnmatchedB(),
                denominator == 0 ? Double.NaN : 2.0 * r.nMatched() / denominator));
      }
    }

    Table c = data.table("confusion");
    // Per-video rows are summed; an __all__ row would count them twice, so use it only when alone.
    Table perVideo = c.where(c.stringColumn("video_id").isNotEqualTo(OutputTables.ALL));
    Table conf = perVideo.isEmpty() ? c : perVideo;
    SourcePairs pairs = SourcePairs.of(conf, "rater_a", "rater_b", pair, "unknown annotator pair");
    Confusion confusion = null;
    if (pairs.chosen() != null) {
      String raterA = pairs.a(), raterB = pairs.b();
      Table sel =
          conf.where(
              conf.stringColumn("rater_a")
                  .isEqualTo(raterA)
                  .and(conf.stringColumn("rater_b").isEqualTo(raterB)));
      Table summed = sel.summarize("count", sum).by("label_a", "label_b");
      TreeSet<String> labels = new TreeSet<>(summed.stringColumn(0).asList());
      labels.addAll(summed.stringColumn(1).asList());
      // Unmatched objects per class come from the agreement rows of the same pair (all videos).
      for (ClassAgreement x : classes) {
        if (x.raterA().equals(raterA) && x.raterB().equals(raterB)) {
          labels.add(x.label());
        }
      }
      List<String> keys = List.copyOf(labels);
      int n = keys.size();
      double[][] m = new double[n + 1][n + 1];
      for (int r = 0; r < summed.rowCount(); r++) {
        m[keys.indexOf(summed.stringColumn(0).get(r))][
                keys.indexOf(summed.stringColumn(1).get(r))] =
            Num.at(summed, 2, r);
      }
      for (ClassAgreement x : classes) {
        if (x.raterA().equals(raterA) && x.raterB().equals(raterB)) {
          m[keys.indexOf(x.label())][n] = x.onlyA();
          m[n][keys.indexOf(x.label())] = x.onlyB();
        }
      }
      double[][] shares = new double[n + 1][n + 1];
      for (int r = 0; r <= n; r++) {
        double total = 0;
        for (double v : m[r]) {
          total += v;
        }
        for (int col = 0; col <= n; col++) {
          shares[r][col] = total == 0 ? Double.NaN : m[r][col] / total;
        }
      }
      List<String> rowKeys = new ArrayList<>(keys);
      rowKeys.add(ONLY_B);
      List<String> colKeys = new ArrayList<>(keys);
      colKeys.add(MISSED_BY_B);
      confusion =
          new Confusion(
              raterA, raterB, new Grid(rowKeys, colKeys, m), new Grid(rowKeys, colKeys, shares));
    }

    List<Timeline> timelines = timelines(data);
    List<SpotCheck> spot = null;
    Audit audit = null;
    if (privileged) {
      Table s = data.table("spot_check").sortAscendingOn("video_id", "frame");
      spot = TableRecords.read(s, SpotCheck.class);
      audit = audit(data);
    }
    return new AgreementView(
        data.runOf("agreement").orElse(null),
        rows,
        kappa,
        classes,
        pairs.pairs(),
        confusion,
        timelines,
        spot,
        audit);
  }

  private static StringColumn pairColumn(Table t, String a, String b) {
    StringColumn p = StringColumn.create("pair");
    for (int r = 0; r < t.rowCount(); r++) {
      p.append(t.stringColumn(a).get(r) + " vs " + t.stringColumn(b).get(r));
    }
    return p;
  }

  private static List<Timeline> timelines(ReportData data) {
    Table sw = data.table("id_switches");
    Table occ = data.table("occlusion_events");
    TreeSet<String> videos = new TreeSet<>(sw.stringColumn("video_id").asList());
    videos.addAll(occ.stringColumn("video_id").asList());
    videos.remove(OutputTables.ALL);
    List<Timeline> out = new ArrayList<>();
    for (String v : videos) {
      Table s = sw.where(sw.stringColumn("video_id").isEqualTo(v));
      int after = s.booleanColumn("after_occlusion").isTrue().size();
      int events = occ.where(occ.stringColumn("video_id").isEqualTo(v)).rowCount();
      out.add(
          new Timeline(
              v, s.rowCount(), after, events, "/charts/timeline/" + FrameLinks.encode(v) + ".png"));
    }
    return out;
  }

  private static Audit audit(ReportData data) {
    Table runs = data.table("runs");
    List<RunEntry> entries = TableRecords.read(runs, RunEntry.class);
    Table det = data.table("detections");
    List<LabelledBy> by = new ArrayList<>();
    if (!det.isEmpty()) {
      Table boxes =
          det.summarize("frame", count)
              .by("video_id", "source")
              .sortAscendingOn("video_id", "source");
      Table keyframes = det.where(det.booleanColumn("keyframe").isTrue());
      Table kf =
          keyframes.isEmpty() ? null : keyframes.summarize("frame", count).by("video_id", "source");
      Table tracked = det.where(det.intColumn("track_id").isGreaterThanOrEqualTo(0));
      Table tr =
          tracked.isEmpty()
              ? null
              : tracked.summarize("track_id", countUnique).by("video_id", "source");
      for (int r = 0; r < boxes.rowCount(); r++) {
        String v = boxes.stringColumn(0).get(r);
        String s = boxes.stringColumn(1).get(r);
        by.add(
            new LabelledBy(
                v, s, Math.round(Num.at(boxes, 2, r)), lookup(kf, v, s), lookup(tr, v, s)));
      }
    }
    return new Audit(entries, by, data.commandLog());
  }

  private static long lookup(Table t, String video, String source) {
    if (t == null) {
      return 0;
    }
    Table hit =
        t.where(t.stringColumn(0).isEqualTo(video).and(t.stringColumn(1).isEqualTo(source)));
    return hit.isEmpty() ? 0 : Math.round(Num.at(hit, 2, 0));
  }
}
