package io.keyframe.spark.rank;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.scoring.queue.Budget;
import io.keyframe.scoring.queue.LabelQueue;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.QueueRow;
import io.keyframe.scoring.queue.RankedQueue;
import io.keyframe.scoring.queue.SignalWeights;
import io.keyframe.scoring.queue.SpotCheck;
import io.keyframe.scoring.queue.SpotCheckOptions;
import io.keyframe.scoring.queue.SpotCheckRow;
import io.keyframe.scoring.signal.FrameScores;
import io.keyframe.scoring.signal.Signal;
import io.keyframe.scoring.signal.VideoEvidence;
import io.keyframe.spark.JobArguments;
import io.keyframe.spark.input.DetectionTables;
import io.keyframe.spark.input.InputFiles;
import io.keyframe.spark.input.OcclusionTables;
import io.keyframe.spark.input.VideoGroups;
import io.keyframe.spark.output.BadRecord;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.JobRun;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.spark.session.SparkSessions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Scores every frame with the scoring module's acquisition signals, one video per task, into the
 * {@code signals} table; then builds the batch-wide budgeted queue and its spot-check sample with
 * {@link LabelQueue} and {@link SpotCheck} on the driver (the queue normalises each signal by its
 * batch maximum, so it needs the whole batch). Writes {@code signals}, {@code queue}, {@code
 * spot_check}, {@code quarantine} and {@code runs}.
 */
public final class RankJob {
  public static final String NAME = "rank";

  /**
   * @param detections detections tables with the sources below
   * @param occlusions occlusion_events tables (may be empty)
   * @param occlusionSource the source of occlusion events to use (e.g. the tracker's), null = all
   * @param predictionSource the customer model's detections (class probabilities), or null
   * @param trackerSource tracker output, or null
   * @param annotatorSources annotators; the first is the label set being delivered
   * @param budget {@code 10%}, {@code 300} (frames) or {@code 90m} (expert minutes), as scoring parses it
   * @param spotCheckRate fraction of frames for the random spot check, in (0,1]
   * @param seed spot-check seed
   */
  public record Options(
      JobOptions common, List<String> detections, List<String> occlusions, String occlusionSource, String predictionSource,
      String trackerSource, List<String> annotatorSources, String budget, double spotCheckRate, long seed) implements java.io.Serializable {
    public Options {
      Objects.requireNonNull(common, "common");
      detections = List.copyOf(detections);
      occlusions = List.copyOf(occlusions);
      annotatorSources = List.copyOf(annotatorSources);
      Objects.requireNonNull(budget, "budget");
      Budget.parse(budget);
      if (!(spotCheckRate > 0 && spotCheckRate <= 1)) throw new IllegalArgumentException("spotCheckRate not in (0,1]: " + spotCheckRate);
    }
  }

  private RankJob() {}

  /**
   * {@code --out DIR --detections PATH [--occlusions PATH] [--occlusion-source S] [--predictions SRC] [--tracker SRC]
   * --annotators A,B [--budget 10%] [--spot-check 0.1] [--seed 1]}
   */
  public static void main(String[] args) {
    JobArguments a = JobArguments.parse(args);
    JobOptions common =
        JobOptions.from(a);
    Options o =
        new Options(common, a.list("detections"), a.list("occlusions"), a.optional("occlusion-source", null),
            a.optional("predictions", null), a.optional("tracker", null), a.list("annotators"), a.optional("budget", "10%"),
            a.optional("spot-check", 0.1), Long.parseLong(a.optional("seed", "1")));
    SparkSession spark = SparkSessions.forMain("keyframe " + NAME);
    try {
      RunRecord r = run(spark, o);
      System.out.println(NAME + " run " + r.runId() + " wrote " + r.rowCounts());
    } finally {
      spark.stop();
    }
  }

  record Scored(String video, List<Row> signals, List<BadRecord> bad, long rows) implements Serializable {}

  public static RunRecord run(SparkSession spark, Options o) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("prediction_source", String.valueOf(o.predictionSource()));
    params.put("tracker_source", String.valueOf(o.trackerSource()));
    params.put("annotator_sources", o.annotatorSources());
    params.put("occlusion_source", String.valueOf(o.occlusionSource()));
    params.put("budget", o.budget());
    params.put("spot_check_rate", o.spotCheckRate());
    params.put("seed", o.seed());
    params.put("weights", SignalWeights.defaults().weights());
    List<String> inputs = new ArrayList<>(o.detections());
    inputs.addAll(InputFiles.existing(spark, o.occlusions()));
    JobRun run = JobRun.start(spark, NAME, o.common(), params, InputFiles.hashes(spark, inputs));
    JavaRDD<Scored> scored = null;
    try {
      spark.sparkContext().setJobDescription(NAME + ": signals per frame");
      Map<String, List<OcclusionEvent>> occlusions = OcclusionTables.byVideo(spark, o.occlusions(), o.occlusionSource());
      Broadcast<Map<String, List<Row>>> occlusionRows =
          org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(OcclusionWire.encode(occlusions));
      List<String> sources = sources(o);
      var rows = DetectionTables.read(spark, o.detections(), sources);
      scored =
          VideoGroups.map(rows, (video, batch) -> score(video, batch, o, OcclusionWire.decode(occlusionRows.value().get(video))), "source", "frame", "track_id")
              .persist(StorageLevel.MEMORY_AND_DISK());
      List<BadRecord> bad = new ArrayList<>();
      long total = 0;
      for (Scored s : scored.collect()) {
        bad.addAll(s.bad());
        total += s.rows();
      }
      run.quarantine(bad, total);
      run.stage(Table.SIGNALS, spark.createDataFrame(scored.flatMap(s -> s.signals().iterator()), Table.SIGNALS.frameSchema()), "frame", "signal");

      spark.sparkContext().setJobDescription(NAME + ": queue");
      // The queue ranks frames across the whole batch, so its input is gathered on the driver.
      Map<String, List<Row>> byVideo = new TreeMap<>();
      for (Row r : rows.collectAsList()) byVideo.computeIfAbsent(r.<String>getAs("video_id"), k -> new ArrayList<>()).add(r);
      List<VideoEvidence> batch = new ArrayList<>();
      byVideo.forEach((video, rs) -> batch.add(evidence(video, rs, o, occlusions.getOrDefault(video, List.of()))));
      RankedQueue queue = LabelQueue.rank(batch, QueueOptions.defaults().withBudget(Budget.parse(o.budget())));
      List<Row> queueRows = new ArrayList<>();
      for (QueueRow q : queue.rows())
        queueRows.add(RowFactory.create(q.rank(), q.videoId(), q.frameStart(), q.frameEnd(), q.score(), q.costMinutes(),
            q.cumulativeMinutes(), q.reasons(), q.objectIds(), q.labels()));
      run.stage(Table.QUEUE, spark.createDataFrame(queueRows, Table.QUEUE.frameSchema()), "rank");
      List<SpotCheckRow> spot = SpotCheck.sample(batch, new SpotCheckOptions(o.spotCheckRate(), o.seed(), false), queue.frames());
      List<Row> spotRows = new ArrayList<>();
      for (SpotCheckRow s : spot) spotRows.add(RowFactory.create(s.videoId(), s.frame(), s.label(), s.stratum()));
      run.stage(Table.SPOT_CHECK, spark.createDataFrame(spotRows, Table.SPOT_CHECK.frameSchema()), "video_id", "frame", "label");
      return run.commit();
    } catch (RuntimeException e) {
      run.abort();
      throw e;
    } finally {
      if (scored != null) scored.unpersist(false);
      spark.sparkContext().setJobDescription(null);
    }
  }

  private static List<String> sources(Options o) {
    List<String> s = new ArrayList<>(o.annotatorSources());
    if (o.predictionSource() != null) s.add(o.predictionSource());
    if (o.trackerSource() != null) s.add(o.trackerSource());
    return s;
  }

  static Scored score(String video, List<Row> rows, Options o, List<OcclusionEvent> occlusions) {
    DetectionRows.VideoSets sets = DetectionRows.group(video, NAME, rows);
    VideoEvidence e = evidence(sets, o, occlusions);
    List<Row> out = new ArrayList<>();
    SignalWeights weights = SignalWeights.defaults();
    for (Signal s : SignalWeights.SIGNALS) {
      if (weights.of(s.name()) <= 0 || s.inapplicable(e).isPresent()) continue;
      FrameScores fs = s.score(e);
      double[] v = fs.values();
      for (int f = 0; f < v.length; f++) out.add(RowFactory.create(f, s.name(), v[f], video));
    }
    return new Scored(video, out, sets.bad(), sets.rows());
  }

  private static VideoEvidence evidence(String video, List<Row> rows, Options o, List<OcclusionEvent> occlusions) {
    return evidence(DetectionRows.group(video, NAME, rows), o, occlusions);
  }

  private static VideoEvidence evidence(DetectionRows.VideoSets sets, Options o, List<OcclusionEvent> occlusions) {
    Map<String, AnnotationSet> by = sets.bySource();
    List<AnnotationSet> annotators = new ArrayList<>();
    for (String a : o.annotatorSources()) if (by.containsKey(a)) annotators.add(by.get(a));
    AnnotationSet any = by.values().stream().findFirst().orElseThrow();
    return new VideoEvidence(
        any.video(), o.predictionSource() == null ? null : by.get(o.predictionSource()),
        o.trackerSource() == null ? null : by.get(o.trackerSource()), annotators, occlusions);
  }

  /** Occlusion events as rows, to broadcast (the domain records are not serializable). */
  static final class OcclusionWire {
    private OcclusionWire() {}

    static Map<String, List<Row>> encode(Map<String, List<OcclusionEvent>> events) {
      Map<String, List<Row>> out = new java.util.HashMap<>();
      events.forEach((v, es) -> out.put(v, es.stream().map(e -> RowFactory.create(e.trackId(), e.startFrame(), e.endFrame(), e.cause(), e.full())).toList()));
      return out;
    }

    static List<OcclusionEvent> decode(List<Row> rows) {
      if (rows == null) return List.of();
      return rows.stream().map(r -> new OcclusionEvent(r.getInt(0), r.getInt(1), r.getInt(2), r.getString(3), r.getBoolean(4))).toList();
    }
  }
}
