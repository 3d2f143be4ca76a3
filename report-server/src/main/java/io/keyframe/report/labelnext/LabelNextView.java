package io.keyframe.report.labelnext;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.keyframe.report.chart.ObjectRef;
import io.keyframe.report.data.NestedCells;
import io.keyframe.report.data.Num;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.drilldown.FrameLinks;
import io.keyframe.report.export.CvatLinks;
import io.keyframe.scoring.queue.QueueRow;
import io.keyframe.scoring.queue.QueueRow.QueueObject;
import io.keyframe.scoring.queue.QueueRow.Reason;
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
    List<Row> rows,
    double totalMinutes,
    Map<String, List<String>> exportSources) {

  public LabelNextView {
    videos = List.copyOf(videos);
    labels = List.copyOf(labels);
    signals = List.copyOf(signals);
    rows = List.copyOf(rows);
    exportSources = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(exportSources));
  }

  /**
   * One queue row, with where to see it. In the JSON the queue row's fields sit beside the links,
   * as one object per row.
   *
   * @param queue the row as the {@code queue} table holds it
   * @param frame the frame drawn on the thumbnail ({@code frameStart})
   * @param thumbnailUrl PNG of that frame with every source drawn and the row's objects highlighted
   * @param cvatUrl page naming the frame in CVAT terms: video, 0-based frame number, track IDs
   * @param cvatJobUrl the frame in the configured CVAT server's annotation page, or null (no server
   *     configured, or no job of it holds the frame)
   */
  public record Row(
      @JsonUnwrapped QueueRow queue,
      int frame,
      String thumbnailUrl,
      String cvatUrl,
      String cvatJobUrl) {
    /** The reasons as one line, {@code entropy=0.91; occlusion=1.00}. */
    @JsonProperty
    public String reasonsText() {
      return queue.reasonsText();
    }

    /** Classes of the row's objects, sorted and distinct (the class filter's choices). */
    public List<String> labels() {
      return queue.objects().stream().map(QueueObject::label).distinct().sorted().toList();
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
    List<Row> all = new ArrayList<>();
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
      String refs =
          objects.stream()
              .map(o -> new ObjectRef(o.id(), o.source()).toString())
              .collect(Collectors.joining(","));
      FrameLinks links = FrameLinks.of(video, start, "objects=" + FrameLinks.encode(refs));
      all.add(
          new Row(
              new QueueRow(
                  q.intColumn("rank").getInt(r),
                  video,
                  start,
                  q.intColumn("frame_end").getInt(r),
                  Num.at(q, "score", r),
                  Num.at(q, "cost_minutes", r),
                  Num.at(q, "cumulative_minutes", r),
                  reasons,
                  objects),
              start,
              links.thumbnailUrl(),
              links.frameUrl(),
              cvat.frameUrl(video, start).orElse(null)));
    }
    TreeSet<String> videos = new TreeSet<>();
    TreeSet<String> labels = new TreeSet<>();
    TreeSet<String> signals = new TreeSet<>();
    for (Row row : all) {
      videos.add(row.queue().videoId());
      labels.addAll(row.labels());
      row.queue().reasons().forEach(x -> signals.add(x.signal()));
    }
    check("video", filter.video(), videos);
    check("label", filter.label(), labels);
    check("signal", filter.signal(), signals);
    List<Row> shown =
        all.stream()
            .filter(x -> filter.video() == null || x.queue().videoId().equals(filter.video()))
            .filter(x -> filter.label() == null || x.labels().contains(filter.label()))
            .filter(
                x ->
                    filter.signal() == null
                        || x.queue().reasons().stream()
                            .anyMatch(y -> y.signal().equals(filter.signal())))
            .toList();
    return new LabelNextView(
        data.runOf("queue").orElse(null),
        filter,
        List.copyOf(videos),
        List.copyOf(labels),
        List.copyOf(signals),
        shown,
        shown.stream().mapToDouble(x -> x.queue().costMinutes()).sum(),
        videos.stream().collect(Collectors.toMap(x -> x, x -> data.detections().sources(x))));
  }

  private static void check(String what, String value, TreeSet<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new IllegalArgumentException("unknown " + what);
    }
  }
}
