package io.keyframe.report.overview;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.countUnique;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;

import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.report.data.BatchEffort;
import io.keyframe.report.data.Num;
import io.keyframe.report.data.ReportData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The batch overview, what a data lead plans with: videos and frames, labelled vs remaining, the
 * expert queue against its budget, the agreement and model headlines with their intervals,
 * throughput per job, and the pre-annotation share of each detections run (runs side by side, not a
 * trend: they are different jobs on different sources).
 *
 * @param run the detections run these numbers come from ({@code null} when none)
 * @param videoCount distinct videos with detections
 * @param frames frames of the videos (the {@code videos} table's frame counts; frames with boxes
 *     for videos it does not list), summed
 * @param detections detection rows
 * @param objects distinct objects, summed over videos: track IDs of the reference source (a
 *     tracker's fragmented IDs would count one object several times)
 * @param referenceSource the source objects are counted in (the agreement run's reference, else
 *     {@code gt}), or null when there is none
 * @param framesLabelled frames with at least one box of the reference source, summed over videos
 * @param queue the expert queue against its budget, or null without a queue
 * @param headlines agreement and model-comparison headlines over all videos and classes
 * @param videos one row per video
 * @param throughput one row per job
 * @param effort one row per detections run, oldest first
 */
public record OverviewView(
    String run,
    int videoCount,
    long frames,
    long detections,
    long objects,
    String referenceSource,
    long framesLabelled,
    Queue queue,
    List<Headline> headlines,
    List<VideoRow> videos,
    List<JobThroughput> throughput,
    List<BatchEffort> effort) {

  /**
   * The expert queue: rows, frames and minutes queued, and the budget the rank run was given.
   *
   * @param budget as the rank job took it ({@code 10%}, {@code 300} frames or {@code 90m}), or "?"
   */
  public record Queue(int rows, long frames, double minutes, String budget) {}

  /** One headline number with its 95 % interval (NaN bounds when none). */
  public record Headline(String what, double value, double lo, double hi) {}

  public OverviewView {
    videos = List.copyOf(videos);
    throughput = List.copyOf(throughput);
    effort = List.copyOf(effort);
  }

  /**
   * Per-video counts: frames of the video, boxes of every source, objects and labelled frames of
   * the reference.
   */
  public record VideoRow(
      String videoId, long frames, long detections, long objects, long framesLabelled) {}

  /** Frames processed per second of one job, from summed frames and seconds over videos. */
  public record JobThroughput(String job, long frames, double seconds, double framesPerSecond) {}

  /** Builds the view from the newest complete runs. */
  public static OverviewView of(ReportData data) {
    Table det = data.table("detections");
    String reference = referenceSource(data);
    List<VideoRow> videos = new ArrayList<>();
    long labelled = 0;
    if (!det.isEmpty()) {
      Table perVideo = det.summarize("frame", countUnique, count).by(OutputTables.VIDEO_ID);
      Map<String, Long> objects = new HashMap<>();
      Map<String, Long> refFrames = new HashMap<>();
      Table ref =
          reference == null ? null : det.where(det.stringColumn("source").isEqualTo(reference));
      Table tracked =
          ref == null ? null : ref.where(ref.intColumn("track_id").isGreaterThanOrEqualTo(0));
      if (tracked != null && !tracked.isEmpty()) {
        Table perRef = tracked.summarize("track_id", countUnique).by(OutputTables.VIDEO_ID);
        for (int r = 0; r < perRef.rowCount(); r++) {
          objects.put(perRef.stringColumn(0).get(r), Math.round(Num.at(perRef, 1, r)));
        }
      }
      if (ref != null && !ref.isEmpty()) {
        Table f = ref.summarize("frame", countUnique).by(OutputTables.VIDEO_ID);
        for (int r = 0; r < f.rowCount(); r++) {
          refFrames.put(f.stringColumn(0).get(r), Math.round(Num.at(f, 1, r)));
        }
      }
      for (int r = 0; r < perVideo.rowCount(); r++) {
        String video = perVideo.stringColumn(0).get(r);
        var info = data.videos().get(video);
        long frames =
            info != null ? info.frames() : Math.round(Num.at(perVideo, "Count Unique [frame]", r));
        videos.add(
            new VideoRow(
                video,
                frames,
                Math.round(Num.at(perVideo, "Count [frame]", r)),
                objects.getOrDefault(video, 0L),
                refFrames.getOrDefault(video, 0L)));
        labelled += refFrames.getOrDefault(video, 0L);
      }
      videos.sort(Comparator.comparing(VideoRow::videoId));
    }
    List<JobThroughput> jobs = new ArrayList<>();
    Table tp = data.table("throughput");
    if (!tp.isEmpty()) {
      Table byJob = tp.summarize("frames", "seconds", sum).by("job").sortAscendingOn("job");
      for (int r = 0; r < byJob.rowCount(); r++) {
        long frames = Math.round(Num.at(byJob, "Sum [frames]", r));
        double seconds = Num.at(byJob, "Sum [seconds]", r);
        jobs.add(
            new JobThroughput(
                byJob.stringColumn(0).get(r), frames, seconds, seconds > 0 ? frames / seconds : 0));
      }
    }
    return new OverviewView(
        data.runOf("detections").orElse(null),
        videos.size(),
        videos.stream().mapToLong(VideoRow::frames).sum(),
        videos.stream().mapToLong(VideoRow::detections).sum(),
        videos.stream().mapToLong(VideoRow::objects).sum(),
        reference,
        labelled,
        queue(data),
        headlines(data),
        videos,
        jobs,
        data.effortByBatch());
  }

  /**
   * The sources a model pair's frames are drawn with: {@code a,b}, then the {@link #referenceSource
   * reference} when it is neither.
   */
  public static String pairSources(ReportData data, String a, String b) {
    String reference = referenceSource(data);
    return a
        + ","
        + b
        + (reference == null || reference.equals(a) || reference.equals(b) ? "" : "," + reference);
  }

  /** The agreement run's reference source, else {@code gt} when some detections carry it. */
  public static String referenceSource(ReportData data) {
    Table tm = data.table("tracking_metrics");
    if (!tm.isEmpty()) {
      return tm.stringColumn("ref_source").get(0);
    }
    Table det = data.table("detections");
    return det.stringColumn("source").contains("gt") ? "gt" : null;
  }

  private static Queue queue(ReportData data) {
    Table q = data.table("queue");
    if (q.isEmpty()) {
      return null;
    }
    long frames = 0;
    double minutes = 0;
    for (int r = 0; r < q.rowCount(); r++) {
      frames += q.intColumn("frame_end").getInt(r) - q.intColumn("frame_start").getInt(r) + 1;
      minutes += Num.at(q, "cost_minutes", r);
    }
    String budget = "?";
    String run = data.runOf("queue").orElse(null);
    Table runs = data.table("runs");
    for (int r = 0; r < runs.rowCount(); r++) {
      if (runs.stringColumn(OutputTables.RUN_ID).get(r).equals(run)) {
        try {
          var node =
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .readTree(runs.stringColumn("params_json").get(r))
                  .path("budget");
          if (node.isTextual()) {
            budget = node.asText();
          }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          // an unreadable parameter record leaves the budget unknown ("?"); the queue itself is
          // still shown
        }
      }
    }
    return new Queue(q.rowCount(), frames, minutes, budget);
  }

  private static List<Headline> headlines(ReportData data) {
    List<Headline> out = new ArrayList<>();
    Table a = data.table("agreement");
    for (int r = 0; r < a.rowCount(); r++) {
      if (overall(a, r)) {
        String name =
            "class kappa "
                + a.stringColumn("rater_a").get(r)
                + " vs "
                + a.stringColumn("rater_b").get(r);
        out.add(headline(name, a, r, "kappa", "kappa_lo", "kappa_hi"));
      }
    }
    Table c = data.table("compare");
    for (int r = 0; r < c.rowCount(); r++) {
      if (overall(c, r)) {
        String name =
            c.stringColumn("metric").get(r).toUpperCase(java.util.Locale.ROOT)
                + " "
                + c.stringColumn("model_b").get(r)
                + " − "
                + c.stringColumn("model_a").get(r);
        out.add(headline(name, c, r, "delta", "ci_lo", "ci_hi"));
      }
    }
    return out;
  }

  /** Row {@code r}'s value and its interval, from the columns named. */
  private static Headline headline(
      String name, Table t, int r, String value, String lo, String hi) {
    return new Headline(name, Num.at(t, value, r), Num.at(t, lo, r), Num.at(t, hi, r));
  }

  /** Whether row {@code r} is the all-videos, all-classes row. */
  private static boolean overall(Table t, int r) {
    return t.stringColumn(OutputTables.VIDEO_ID).get(r).equals(OutputTables.ALL)
        && t.stringColumn("label").get(r).equals(OutputTables.ALL);
  }
}
