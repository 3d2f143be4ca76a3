package io.keyframe.report.overview;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.countUnique;
import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;

import io.keyframe.report.data.BatchEffort;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.data.Num;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The batch overview: videos, frames, objects, throughput per job and effort saved per batch.
 *
 * @param run the detections run these numbers come from ({@code null} when none)
 * @param videoCount distinct videos with detections
 * @param frames frames with at least one detection, summed over videos
 * @param detections detection rows
 * @param objects distinct objects, summed over videos (per video: the source with most track IDs)
 * @param videos one row per video
 * @param throughput one row per job
 * @param effort one row per batch, oldest first
 */
public record OverviewView(
    String run,
    int videoCount,
    long frames,
    long detections,
    long objects,
    List<VideoRow> videos,
    List<JobThroughput> throughput,
    List<BatchEffort> effort) {

  public OverviewView {
    videos = List.copyOf(videos);
    throughput = List.copyOf(throughput);
    effort = List.copyOf(effort);
  }

  /** Per-video counts. */
  public record VideoRow(String videoId, long frames, long detections, long objects) {}

  /** Frames processed per second of one job, from summed frames and seconds over videos. */
  public record JobThroughput(String job, long frames, double seconds, double framesPerSecond) {}

  /** Builds the view from the newest complete runs. */
  public static OverviewView of(ReportData data) {
    Table det = data.table("detections");
    List<VideoRow> videos = new ArrayList<>();
    if (!det.isEmpty()) {
      Table perVideo = det.summarize("frame", countUnique, count).by(OutputTables.VIDEO_ID);
      Map<String, Long> objects = new HashMap<>();
      Table tracked = det.where(det.intColumn("track_id").isGreaterThanOrEqualTo(0));
      if (!tracked.isEmpty()) {
        Table perSource = tracked.summarize("track_id", countUnique).by(OutputTables.VIDEO_ID, "source");
        Table perVideoMax = perSource.summarize(perSource.column(2).name(), max).by(OutputTables.VIDEO_ID);
        for (int r = 0; r < perVideoMax.rowCount(); r++) {
          objects.put(perVideoMax.stringColumn(0).get(r), Math.round(Num.at(perVideoMax, 1, r)));
        }
      }
      for (int r = 0; r < perVideo.rowCount(); r++) {
        String video = perVideo.stringColumn(0).get(r);
        videos.add(new VideoRow(video, Math.round(Num.at(perVideo, "Count Unique [frame]", r)),
            Math.round(Num.at(perVideo, "Count [frame]", r)),
            objects.getOrDefault(video, 0L)));
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
        jobs.add(new JobThroughput(byJob.stringColumn(0).get(r), frames, seconds, seconds > 0 ? frames / seconds : 0));
      }
    }
    return new OverviewView(
        data.runOf("detections").orElse(null),
        videos.size(),
        videos.stream().mapToLong(VideoRow::frames).sum(),
        videos.stream().mapToLong(VideoRow::detections).sum(),
        videos.stream().mapToLong(VideoRow::objects).sum(),
        videos,
        jobs,
        data.effortByBatch());
  }
}
