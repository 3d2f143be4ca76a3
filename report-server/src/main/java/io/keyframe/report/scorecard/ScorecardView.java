package io.keyframe.report.scorecard;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.data.VideoInfo;
import io.keyframe.scoring.qa.Scorecard;
import io.keyframe.scoring.qa.ScorecardOptions;
import io.keyframe.scoring.qa.ScorecardRow;
import io.keyframe.scoring.qa.Scorecards;
import io.keyframe.scoring.qa.SourceRoles;
import io.keyframe.scoring.qa.TimeLog;
import io.keyframe.scoring.qa.VideoLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * Every annotator's scorecard over the batch: scoring's {@link Scorecards} run on the {@code
 * detections} of the sources {@link SourceRoles} names, one all-class row and one row per class
 * each. The outputs hold no time log, so speed and cost are undefined unless one is given.
 *
 * @param roles which source played which part
 * @param referenceKind what quality was measured against
 * @param videos videos scored
 * @param annotators each annotator's all-class row, best rank first (unranked after)
 * @param rows every row, all-class then per class, per annotator
 * @param timeLogged whether a time log gave speed and cost
 * @param note why there is nothing to show, or null
 */
public record ScorecardView(
    SourceRoles roles,
    String referenceKind,
    int videos,
    List<ScorecardRow> annotators,
    List<ScorecardRow> rows,
    boolean timeLogged,
    String note) {
  public ScorecardView {
    annotators = List.copyOf(annotators);
    rows = List.copyOf(rows);
  }

  /** One annotator's rows: the all-class row, then a row per class. */
  public List<ScorecardRow> of(String annotator) {
    return rows.stream().filter(r -> r.annotator().equals(annotator)).toList();
  }

  /** Computes the scorecards of {@code data} with scoring's defaults (CLI's {@code --rate 40}). */
  public static ScorecardView of(ReportData data, TimeLog times, double hourlyRate) {
    Table det = data.table(OutputTables.DETECTIONS.name());
    Map<String, Map<String, List<Detection>>> byVideo = new TreeMap<>();
    Map<String, Map<String, TreeSet<String>>> labels = new TreeMap<>();
    TreeSet<String> sources = new TreeSet<>();
    for (int r = 0; r < det.rowCount(); r++) {
      String v = det.stringColumn(OutputTables.VIDEO_ID).get(r);
      String s = det.stringColumn("source").get(r);
      sources.add(s);
      double w = det.doubleColumn("w").getDouble(r), h = det.doubleColumn("h").getDouble(r);
      if (!(w > 0 && h > 0)) continue;
      String label = det.stringColumn("label").get(r);
      Detection d =
          Detection.of(
                  det.intColumn("frame").getInt(r),
                  det.intColumn("track_id").getInt(r),
                  label,
                  new Box(
                      det.doubleColumn("x").getDouble(r), det.doubleColumn("y").getDouble(r), w, h))
              .withFlags(
                  Boolean.TRUE.equals(det.booleanColumn("occluded").get(r)),
                  Boolean.TRUE.equals(det.booleanColumn("outside").get(r)),
                  Boolean.TRUE.equals(det.booleanColumn("keyframe").get(r)));
      byVideo
          .computeIfAbsent(v, k -> new TreeMap<>())
          .computeIfAbsent(s, k -> new ArrayList<>())
          .add(d);
      labels
          .computeIfAbsent(v, k -> new TreeMap<>())
          .computeIfAbsent(s, k -> new TreeSet<>())
          .add(label);
    }
    SourceRoles roles = SourceRoles.of(runs(data.table("runs")), sources);
    if (roles.annotators().isEmpty())
      return empty(
          roles,
          "No annotator sources: the runs name none (a rank or agreement run) and no other source"
              + " holds detections.");
    List<VideoLabels> videos = new ArrayList<>();
    for (var e : byVideo.entrySet()) {
      String v = e.getKey();
      Video video = video(data, v, e.getValue());
      List<AnnotationSet> annotators = new ArrayList<>();
      for (String a : roles.annotators())
        if (e.getValue().containsKey(a)) annotators.add(set(video, a, e.getValue(), labels.get(v)));
      AnnotationSet ref =
          roles.reference() != null && e.getValue().containsKey(roles.reference())
              ? set(video, roles.reference(), e.getValue(), labels.get(v))
              : null;
      if (annotators.isEmpty() || (ref == null && annotators.size() < 2)) continue;
      AnnotationSet pre =
          roles.prediction() != null && e.getValue().containsKey(roles.prediction())
              ? set(video, roles.prediction(), e.getValue(), labels.get(v))
              : null;
      videos.add(new VideoLabels(ref, pre, annotators));
    }
    if (videos.isEmpty()) return empty(roles, "No video has annotator detections to score.");
    Scorecard s =
        Scorecards.compute(
            videos,
            times,
            ScorecardOptions.defaults().withHourlyRate(hourlyRate),
            ProgressListener.NONE);
    return new ScorecardView(
        roles,
        s.referenceKind(),
        videos.size(),
        s.ranking(),
        s.rows(),
        !times.secondsByAnnotatorAndVideo().isEmpty(),
        null);
  }

  /** The {@code runs} table's rows as {@link SourceRoles} reads them. */
  private static List<SourceRoles.Run> runs(Table runs) {
    List<SourceRoles.Run> out = new ArrayList<>();
    for (int r = 0; r < runs.rowCount(); r++)
      out.add(
          SourceRoles.Run.parse(
              runs.stringColumn("run_id").get(r),
              runs.stringColumn("job").get(r),
              runs.longColumn("ended_at").getLong(r),
              runs.stringColumn("params_json").get(r)));
    return out;
  }

  private static ScorecardView empty(SourceRoles roles, String note) {
    return new ScorecardView(roles, null, 0, List.of(), List.of(), false, note);
  }

  private static AnnotationSet set(
      Video video,
      String source,
      Map<String, List<Detection>> bySource,
      Map<String, TreeSet<String>> labels) {
    return new AnnotationSet(
        video,
        Provenance.annotator(source, null, "detections"),
        List.copyOf(labels.get(source)),
        bySource.get(source));
  }

  private static Video video(ReportData data, String id, Map<String, List<Detection>> bySource) {
    VideoInfo info = data.videos().get(id);
    int[] size = data.detections().frameSize(id);
    int last = 0;
    for (List<Detection> ds : bySource.values())
      for (Detection d : ds) last = Math.max(last, d.frame());
    return new Video(
        id,
        info != null ? info.fps() : Video.UNKNOWN_FPS,
        Math.max(1, info != null ? info.width() : size[0]),
        Math.max(1, info != null ? info.height() : size[1]),
        info != null ? info.frames() : last + 1,
        "");
  }

  /** Rows in a stable order, for callers that list them. */
  static Map<String, List<ScorecardRow>> byAnnotator(List<ScorecardRow> rows) {
    Map<String, List<ScorecardRow>> out = new LinkedHashMap<>();
    for (ScorecardRow r : rows) out.computeIfAbsent(r.annotator(), k -> new ArrayList<>()).add(r);
    return out;
  }
}
