package io.keyframe.spark.track;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.spark.JobArguments;
import io.keyframe.spark.input.DetectionTables;
import io.keyframe.spark.input.InputFiles;
import io.keyframe.spark.input.VideoGroups;
import io.keyframe.spark.output.BadRecord;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.JobRun;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.spark.session.SparkSessions;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.RecommendedKeyframe;
import io.keyframe.tracker.TrackingResult;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTracker;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Tracks a detector's detections per video inside the executors with the tracker module's fallback
 * {@link ByteTracker} (the SAM2 path needs model weights and frames, which this job does not take
 * yet; {@code runs.tracker_path} says {@code fallback}). Optionally re-initialises identities from a
 * human source's boxes every {@code keyframeInterval} frames. Writes {@code detections} (source =
 * {@code outputSource}), {@code occlusion_events} and {@code throughput}.
 */
public final class TrackJob {
  public static final String NAME = "track";

  /**
   * @param detections detections tables holding the detector's (and keyframe source's) rows
   * @param detectorSource source whose per-frame detections are tracked (track IDs ignored)
   * @param keyframeSource human source whose boxes anchor identities, or null for none
   * @param keyframeInterval use the keyframe source's boxes on frames {@code 0, k, 2k, ...}; 0 = never
   * @param outputSource source name of the tracks written
   */
  public record Options(
      JobOptions common, List<String> detections, String detectorSource, String keyframeSource, int keyframeInterval,
      String outputSource) implements java.io.Serializable {
    public Options {
      Objects.requireNonNull(common, "common");
      detections = List.copyOf(detections);
      Objects.requireNonNull(detectorSource, "detectorSource");
      Objects.requireNonNull(outputSource, "outputSource");
      if (keyframeInterval < 0) throw new IllegalArgumentException("keyframeInterval is negative: " + keyframeInterval);
      if (keyframeInterval > 0 && keyframeSource == null)
        throw new IllegalArgumentException("a keyframe interval needs a keyframe source");
      if (outputSource.equals(detectorSource)) throw new IllegalArgumentException("output source must differ from the detector's");
    }
  }

  private TrackJob() {}

  /** {@code --out DIR --detections PATH --detector SRC --output-source NAME [--keyframes SRC --keyframe-interval K]} */
  public static void main(String[] args) {
    JobArguments a = JobArguments.parse(args);
    JobOptions common =
        new JobOptions(a.required("out"), a.optional("run-id", null), a.optional("max-bad-fraction", JobOptions.DEFAULT_MAX_BAD_FRACTION));
    Options o =
        new Options(common, a.list("detections"), a.required("detector"), a.optional("keyframes", null),
            Integer.parseInt(a.optional("keyframe-interval", "0")), a.required("output-source"));
    SparkSession spark = SparkSessions.forMain("keyframe " + NAME);
    try {
      RunRecord r = run(spark, o);
      System.out.println(NAME + " run " + r.runId() + " (tracker: fallback) wrote " + r.rowCounts());
    } finally {
      spark.stop();
    }
  }

  record Outcome(List<Row> detections, List<Row> occlusions, List<Row> throughput, List<BadRecord> bad, long rows)
      implements Serializable {}

  public static RunRecord run(SparkSession spark, Options o) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("detector_source", o.detectorSource());
    params.put("keyframe_source", o.keyframeSource() == null ? "" : o.keyframeSource());
    params.put("keyframe_interval", o.keyframeInterval());
    params.put("output_source", o.outputSource());
    params.put("tracker", "bytetrack-fallback");
    params.put("tracker_config", ByteTrackConfig.defaults().toString());
    JobRun run = JobRun.start(spark, NAME, o.common(), params, InputFiles.hashes(spark, o.detections())).trackerPath("fallback");
    JavaRDD<Outcome> outcomes = null;
    try {
      spark.sparkContext().setJobDescription(NAME + ": tracking");
      List<String> sources = new ArrayList<>(List.of(o.detectorSource()));
      if (o.keyframeSource() != null) sources.add(o.keyframeSource());
      outcomes =
          VideoGroups.map(DetectionTables.read(spark, o.detections(), sources), (video, rows) -> track(video, rows, o), "source", "frame")
              .persist(StorageLevel.MEMORY_AND_DISK());
      List<BadRecord> bad = new ArrayList<>();
      long total = 0;
      for (Outcome out : outcomes.collect()) {
        bad.addAll(out.bad());
        total += out.rows();
      }
      spark.sparkContext().setJobDescription(NAME + ": write");
      run.quarantine(bad, total);
      run.stage(Table.DETECTIONS, spark.createDataFrame(outcomes.flatMap(x -> x.detections().iterator()), Table.DETECTIONS.frameSchema()),
          "source", "frame", "track_id");
      run.stage(Table.OCCLUSION_EVENTS,
          spark.createDataFrame(outcomes.flatMap(x -> x.occlusions().iterator()), Table.OCCLUSION_EVENTS.frameSchema()),
          "source", "track_id", "start_frame");
      run.stage(Table.THROUGHPUT, spark.createDataFrame(outcomes.flatMap(x -> x.throughput().iterator()), Table.THROUGHPUT.frameSchema()));
      return run.commit();
    } catch (RuntimeException e) {
      run.abort();
      throw e;
    } finally {
      if (outcomes != null) outcomes.unpersist(false);
      spark.sparkContext().setJobDescription(null);
    }
  }

  static Outcome track(String video, List<Row> rows, Options o) {
    DetectionRows.VideoSets sets = DetectionRows.group(video, NAME, rows);
    List<BadRecord> bad = new ArrayList<>(sets.bad());
    AnnotationSet detections = sets.bySource().get(o.detectorSource());
    if (detections == null) return new Outcome(List.of(), List.of(), List.of(), bad, sets.rows());
    List<Detection> keyframes = new ArrayList<>();
    AnnotationSet human = o.keyframeSource() == null ? null : sets.bySource().get(o.keyframeSource());
    if (human != null && o.keyframeInterval() > 0)
      for (Detection d : human.detections())
        if (d.frame() % o.keyframeInterval() == 0 && !d.outside() && d.trackId() != Detection.UNTRACKED) keyframes.add(d);
    long start = System.nanoTime();
    TrackingResult result;
    try {
      result = new ByteTracker(ByteTrackConfig.defaults()).track(detections, FrameImages.NONE, keyframes, null);
    } catch (BadAnnotationException | IllegalArgumentException e) {
      bad.add(new BadRecord(video, NAME, o.detectorSource(), "detections", -1, -1, null, e.getMessage(), detections.detections().size()));
      return new Outcome(List.of(), List.of(), List.of(), bad, sets.rows());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Row> det = new ArrayList<>(result.tracks().detections().size());
    for (Detection d : result.tracks().detections()) det.add(DetectionRows.toRow(video, o.outputSource(), d));
    int last = result.tracks().video().frameCount() - 1;
    List<Row> occ = new ArrayList<>();
    for (OcclusionEvent e : result.occlusions())
      occ.add(RowFactory.create(o.outputSource(), e.trackId(), e.startFrame(), e.endFrame(), e.cause(), e.full(),
          recommended(e, result.recommendedKeyframes(), last), video));
    int frames = detections.video().frameCount();
    Row throughput = RowFactory.create(NAME, frames, seconds, seconds > 0 ? frames / seconds : Double.NaN, video);
    return new Outcome(det, occ, List.of(throughput), bad, sets.rows());
  }

  /** The tracker's recommended keyframe for this event's track after the event, else the re-emergence frame. */
  private static int recommended(OcclusionEvent e, List<RecommendedKeyframe> keyframes, int lastFrame) {
    int best = Integer.MAX_VALUE;
    for (RecommendedKeyframe k : keyframes)
      if (k.trackId() == e.trackId() && k.frame() > e.startFrame()) best = Math.min(best, k.frame());
    return best != Integer.MAX_VALUE ? best : Math.min(e.reemergenceFrame(), Math.max(0, lastFrame));
  }
}
