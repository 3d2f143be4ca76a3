package io.keyframe.report.drilldown;

import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.report.chart.ObjectRef;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.data.SourcePairs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * The frames behind one agreement number: for an annotator pair (and optionally a class and a
 * video), every frame where the two raters' objects were compared, with each object as the matching
 * paired it (table {@code agreement_objects}, written by the same matching that counted the {@code
 * agreement} row). Frames with the most disagreement come first.
 *
 * @param raterA rater A of the pair
 * @param raterB rater B
 * @param label the class, or {@code null} for every class
 * @param labelB with {@code label}, only matched pairs where A chose {@code label} and B this class
 *     (one cell of the confusion matrix), or {@code null}
 * @param outcome only objects of this outcome ({@code only_a}, {@code only_b}, ...), or {@code
 *     null}
 * @param video the video, or {@code null} for every video
 * @param totals object counts over every frame (not only the page shown)
 * @param frames the frames of the page shown
 * @param page 1-based page number
 * @param pages number of pages (at least 1)
 * @param frameCount frames over all pages
 * @param pairs every pair the table holds, as {@code a|b}
 * @param labels every class the pair's objects carry
 * @param videos every video of the pair
 */
public record AgreementFramesView(
    String raterA,
    String raterB,
    String label,
    String labelB,
    String outcome,
    String video,
    Totals totals,
    List<FrameRow> frames,
    int page,
    int pages,
    int frameCount,
    List<String> pairs,
    List<String> labels,
    List<String> videos) {

  /** Frames per page. */
  public static final int PAGE_SIZE = 50;

  /** Outcome values of {@code agreement_objects}. */
  public static final String MATCHED = "matched",
      MISLABELLED = "mislabelled",
      ONLY_A = "only_a",
      ONLY_B = "only_b";

  public AgreementFramesView {
    frames = List.copyOf(frames);
    pairs = List.copyOf(pairs);
    labels = List.copyOf(labels);
    videos = List.copyOf(videos);
  }

  /**
   * Object counts as the {@code agreement} row of the same pair, class and video counts them.
   *
   * @param matched matched pairs where A chose the class (the row's {@code n_matched}; all matched
   *     pairs without a class)
   * @param mislabelledAsOther of those, pairs where B chose another class
   * @param otherCalledThis matched pairs where B chose the class and A another one (in the class's
   *     one-vs-rest kappa, not in its {@code n_matched}); 0 without a class
   * @param onlyA objects of the class only A drew ({@code n_unmatched_a})
   * @param onlyB objects of the class only B drew ({@code n_unmatched_b})
   */
  public record Totals(
      int matched, int mislabelledAsOther, int otherCalledThis, int onlyA, int onlyB) {}

  /** One object on a frame as the matching paired it; ids and labels null on the missing side. */
  public record FrameObject(
      String outcome, Integer idA, String labelA, Integer idB, String labelB, double iou) {}

  /**
   * One frame.
   *
   * @param disagreements objects not matched with the same class
   * @param meanIou mean IoU of the frame's matched pairs (NaN when none)
   * @param frameUrl the frame page with both raters' boxes, the disagreeing objects highlighted
   */
  public record FrameRow(
      String videoId,
      int frame,
      int matched,
      int mislabelled,
      int onlyA,
      int onlyB,
      int disagreements,
      double meanIou,
      double minIou,
      List<FrameObject> objects,
      String frameUrl,
      String thumbnailUrl) {
    public FrameRow {
      objects = List.copyOf(objects);
    }
  }

  /**
   * What a drill-down page shows: a pair, optionally one class, one confusion cell or one outcome,
   * optionally one video, and a page.
   *
   * @param pair {@code a|b}; {@code null} for the first pair
   * @param label a class, {@code null} or {@code __all__} for every class
   * @param labelB with {@code label}, only matched pairs where A chose {@code label} and B this
   *     class; {@code null} for none
   * @param outcome only objects of this outcome; {@code null} for every outcome
   * @param video a video, {@code null} or {@code __all__} for every video
   * @param page 1-based; clamped to the last page
   */
  public record Selection(
      String pair, String label, String labelB, String outcome, String video, int page) {
    /** The first page of the first pair, every class and video. */
    public static final Selection FIRST = new Selection(null, null, null, null, null, 1);
  }

  /**
   * Builds the view.
   *
   * @throws IllegalArgumentException for a pair, class, outcome or video the table does not hold,
   *     or a class of B without a class of A
   */
  public static AgreementFramesView of(ReportData data, Selection selection) {
    String label = selection.label(), labelB = selection.labelB(), outcome = selection.outcome();
    String video = selection.video();
    int page = selection.page();
    if (outcome != null && !List.of(MATCHED, MISLABELLED, ONLY_A, ONLY_B).contains(outcome))
      throw new IllegalArgumentException("unknown outcome");
    if (labelB != null && label == null)
      throw new IllegalArgumentException("a class of B needs the class of A");
    String only = outcome;
    if (OutputTables.ALL.equals(label)) label = null;
    if (OutputTables.ALL.equals(video)) video = null;
    Table t = data.table(OutputTables.AGREEMENT_OBJECTS.name());
    SourcePairs pairs =
        SourcePairs.of(t, "rater_a", "rater_b", selection.pair(), "unknown annotator pair");
    if (pairs.chosen() == null)
      return new AgreementFramesView(
          null,
          null,
          label,
          labelB,
          outcome,
          video,
          new Totals(0, 0, 0, 0, 0),
          List.of(),
          1,
          1,
          0,
          List.of(),
          List.of(),
          List.of());
    String a = pairs.a(), b = pairs.b();
    TreeSet<String> labels = new TreeSet<>(), videos = new TreeSet<>();
    // (video, frame) -> objects of the selection on that frame
    Map<String, List<FrameObject>> byFrame = new LinkedHashMap<>();
    int matched = 0, mislabelled = 0, otherCalledThis = 0, onlyA = 0, onlyB = 0;
    var ra = t.stringColumn("rater_a");
    var rb = t.stringColumn("rater_b");
    for (int r = 0; r < t.rowCount(); r++) {
      if (!ra.get(r).equals(a) || !rb.get(r).equals(b)) continue;
      String v = t.stringColumn(OutputTables.VIDEO_ID).get(r);
      String kind = t.stringColumn("outcome").get(r);
      String la = str(t, "label_a", r), lb = str(t, "label_b", r);
      videos.add(v);
      if (la != null) labels.add(la);
      if (lb != null) labels.add(lb);
      if (video != null && !video.equals(v)) continue;
      if (only != null && !only.equals(kind)) continue;
      if (labelB != null && !(labelB.equals(lb) && label.equals(la))) continue;
      boolean aSays = label == null || label.equals(la);
      boolean bSays = label == null || label.equals(lb);
      boolean counted =
          switch (kind) {
            case MATCHED, MISLABELLED -> aSays || bSays;
            case ONLY_A -> aSays;
            case ONLY_B -> bSays;
            default -> throw new IllegalArgumentException("unknown outcome " + kind);
          };
      if (!counted) continue;
      switch (kind) {
        case MATCHED, MISLABELLED -> {
          if (aSays) {
            matched++;
            if (kind.equals(MISLABELLED)) mislabelled++;
          } else otherCalledThis++;
        }
        case ONLY_A -> onlyA++;
        default -> onlyB++;
      }
      byFrame
          .computeIfAbsent(v + "\u0000" + t.intColumn("frame").getInt(r), k -> new ArrayList<>())
          .add(
              new FrameObject(
                  kind,
                  integer(t, "id_a", r),
                  la,
                  integer(t, "id_b", r),
                  lb,
                  t.doubleColumn("iou").isMissing(r)
                      ? Double.NaN
                      : t.doubleColumn("iou").getDouble(r)));
    }
    if (labelB != null && !labels.contains(labelB))
      throw new IllegalArgumentException("unknown class");
    if (label != null && !labels.contains(label))
      throw new IllegalArgumentException("unknown class");
    if (video != null && !videos.contains(video))
      throw new IllegalArgumentException("unknown video");
    List<FrameRow> rows = new ArrayList<>();
    for (var e : byFrame.entrySet()) {
      String[] key = e.getKey().split("\u0000", 2);
      rows.add(frameRow(key[0], Integer.parseInt(key[1]), e.getValue(), a, b));
    }
    rows.sort(
        Comparator.comparingInt(FrameRow::disagreements)
            .reversed()
            .thenComparingDouble(f -> Double.isNaN(f.minIou()) ? 2 : f.minIou())
            .thenComparing(FrameRow::videoId)
            .thenComparingInt(FrameRow::frame));
    int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int p = Math.min(Math.max(1, page), pages);
    return new AgreementFramesView(
        a,
        b,
        label,
        labelB,
        outcome,
        video,
        new Totals(matched, mislabelled, otherCalledThis, onlyA, onlyB),
        rows.subList((p - 1) * PAGE_SIZE, Math.min(rows.size(), p * PAGE_SIZE)),
        p,
        pages,
        rows.size(),
        pairs.pairs(),
        List.copyOf(labels),
        List.copyOf(videos));
  }

  private static FrameRow frameRow(
      String video, int frame, List<FrameObject> objects, String a, String b) {
    int matched = 0, mislabelled = 0, onlyA = 0, onlyB = 0, n = 0;
    double sum = 0, min = Double.NaN;
    List<String> refs = new ArrayList<>();
    for (FrameObject o : objects) {
      switch (o.outcome()) {
        case MATCHED -> matched++;
        case MISLABELLED -> mislabelled++;
        case ONLY_A -> onlyA++;
        default -> onlyB++;
      }
      if (!Double.isNaN(o.iou())) {
        sum += o.iou();
        n++;
        min = Double.isNaN(min) ? o.iou() : Math.min(min, o.iou());
      }
      if (!o.outcome().equals(MATCHED)) {
        if (o.idA() != null) refs.add(new ObjectRef(o.idA(), a).toString());
        if (o.idB() != null) refs.add(new ObjectRef(o.idB(), b).toString());
      }
    }
    String query =
        "sources="
            + FrameLinks.encode(a + "," + b)
            + (refs.isEmpty()
                ? ""
                : "&objects="
                    + FrameLinks.encode(
                        String.join(",", refs.subList(0, Math.min(64, refs.size())))));
    FrameLinks links = FrameLinks.of(video, frame, query);
    List<FrameObject> sorted = new ArrayList<>(objects);
    // Disagreements first, then the matched pairs by IoU, lowest first.
    sorted.sort(
        Comparator.comparingInt((FrameObject o) -> o.outcome().equals(MATCHED) ? 1 : 0)
            .thenComparingDouble(o -> Double.isNaN(o.iou()) ? -1 : o.iou()));
    return new FrameRow(
        video,
        frame,
        matched,
        mislabelled,
        onlyA,
        onlyB,
        mislabelled + onlyA + onlyB,
        n == 0 ? Double.NaN : sum / n,
        min,
        sorted,
        links.frameUrl(),
        links.thumbnailUrl());
  }

  private static String str(Table t, String col, int r) {
    var c = t.stringColumn(col);
    return c.isMissing(r) ? null : c.get(r);
  }

  private static Integer integer(Table t, String col, int r) {
    var c = t.intColumn(col);
    return c.isMissing(r) ? null : c.getInt(r);
  }
}
