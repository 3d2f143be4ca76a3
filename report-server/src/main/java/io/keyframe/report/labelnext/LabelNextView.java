package io.keyframe.report.labelnext;

import io.keyframe.report.data.NestedCells;
import io.keyframe.report.data.Num;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.drilldown.FrameLinks;
import io.keyframe.report.export.CvatLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The budgeted expert-labelling queue ("Label next"), filtered.
 *
 * @param run the queue run ({@code null} when none)
 * @param filter the filter applied
 * @param videos filter choices: videos in the queue
 * @param labels filter choices: classes in the queue
 * @param signals filter choices: signals named in reasons
 * @param rows queue rows passing the filter, by rank
 * @param totalMinutes expert minutes of the rows shown
 * @param exportSources per queued video, the sources with boxes there (pre-annotation choices)
 */
public record LabelNextView(
    String run,
    QueueFilter filter,
    List<String> videos,
    List<String> labels,
    List<String> signals,
    List<QueueRow> rows,
    double totalMinutes,
    Map<String, List<String>> exportSources) {

  public LabelNextView {
    videos = List.copyOf(videos);
    labels = List.copyOf(labels);
    signals = List.copyOf(signals);
    rows = List.copyOf(rows);
    exportSources = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(exportSources));
  }

  /** One signal's contribution to a row's score. */
  public record Reason(String signal, double value) {}

  /**
   * One object of a queue row, exactly as the {@code queue} table's {@code objects} entry names it:
   * track {@code id} in {@code source}'s numbering, shown there as {@code label}.
   */
  public record QueueObject(int id, String label, String source) {
    /** {@code id@source}, the form the thumbnail and frame URLs take. */
    public String ref() {
      return id + "@" + source;
    }
  }

  /**
   * One queue row, with where to see it.
   *
   * @param frame the frame drawn on the thumbnail ({@code frameStart})
   * @param thumbnailUrl PNG of that frame with every source drawn and the row's objects highlighted
   * @param cvatUrl page naming the frame in CVAT terms: video, 0-based frame number, track IDs
   * @param cvatJobUrl the frame in the configured CVAT server's annotation page, or null (no server
   *     configured, or no job of it holds the frame)
   */
  public record QueueRow(
      int rank,
      String videoId,
      int frameStart,
      int frameEnd,
      double score,
      double costMinutes,
      double cumulativeMinutes,
      String reasonsText,
      List<Reason> reasons,
      List<QueueObject> objects,
      int frame,
      String thumbnailUrl,
      String cvatUrl,
      String cvatJobUrl) {
    public QueueRow {
      reasons = List.copyOf(reasons);
      objects = List.copyOf(objects);
    }

    /** Classes of the row's objects, sorted and distinct (the class filter's choices). */
    public List<String> labels() {
      return objects.stream().map(QueueObject::label).distinct().sorted().toList();
    }
  }

  /** Builds the view; throws {@link IllegalArgumentException} on a filter value not in the data. */
  public static LabelNextView of(ReportData data, QueueFilter filter) {
    return of(data, filter, CvatLinks.NONE);
  }

  /**
   * Builds the view with deep links into the CVAT server {@code cvat} names; throws {@link
   * IllegalArgumentException} on a filter value not in the data.
   */
  public static LabelNextView of(ReportData data, QueueFilter filter, CvatLinks cvat) {
    Table q = data.table("queue").sortAscendingOn("rank");
    List<QueueRow> all = new ArrayList<>();
    for (int r = 0; r < q.rowCount(); r++) {
      String video = q.stringColumn("video_id").get(r);
      int start = q.intColumn("frame_start").getInt(r);
      List<Reason> reasons = new ArrayList<>();
      for (Map<String, Object> x : NestedCells.structs(q.stringColumn("reasons").get(r)))
        reasons.add(new Reason((String) x.get("signal"), ((Number) x.get("value")).doubleValue()));
      List<QueueObject> objects = new ArrayList<>();
      for (Map<String, Object> x : NestedCells.structs(q.stringColumn("objects").get(r)))
        objects.add(
            new QueueObject(
                ((Number) x.get("id")).intValue(),
                (String) x.get("label"),
                (String) x.get("source")));
      String refs = objects.stream().map(QueueObject::ref).collect(Collectors.joining(","));
      FrameLinks links = FrameLinks.of(video, start, "objects=" + FrameLinks.encode(refs));
      all.add(
          new QueueRow(
              q.intColumn("rank").getInt(r),
              video,
              start,
              q.intColumn("frame_end").getInt(r),
              Num.at(q, "score", r),
              Num.at(q, "cost_minutes", r),
              Num.at(q, "cumulative_minutes", r),
              reasons.stream()
                  .map(x -> String.format(java.util.Locale.ROOT, "%s=%.2f", x.signal(), x.value()))
                  .collect(Collectors.joining("; ")),
              reasons,
              objects,
              start,
              links.thumbnailUrl(),
              links.frameUrl(),
              cvat.frameUrl(video, start).orElse(null)));
    }
    TreeSet<String> videos = new TreeSet<>();
    TreeSet<String> labels = new TreeSet<>();
    TreeSet<String> signals = new TreeSet<>();
    for (QueueRow row : all) {
      videos.add(row.videoId());
      labels.addAll(row.labels());
      row.reasons().forEach(x -> signals.add(x.signal()));
    }
    check("video", filter.video(), videos);
    check("label", filter.label(), labels);
    check("signal", filter.signal(), signals);
    List<QueueRow> shown =
        all.stream()
            .filter(x -> filter.video() == null || x.videoId().equals(filter.video()))
            .filter(x -> filter.label() == null || x.labels().contains(filter.label()))
            .filter(
                x ->
                    filter.signal() == null
                        || x.reasons().stream().anyMatch(y -> y.signal().equals(filter.signal())))
            .toList();
    return new LabelNextView(
        data.runOf("queue").orElse(null),
        filter,
        List.copyOf(videos),
        List.copyOf(labels),
        List.copyOf(signals),
        shown,
        shown.stream().mapToDouble(QueueRow::costMinutes).sum(),
        videos.stream().collect(Collectors.toMap(x -> x, x -> data.detections().sources(x))));
  }

  private static void check(String what, String value, TreeSet<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new IllegalArgumentException("unknown " + what);
    }
  }
}
