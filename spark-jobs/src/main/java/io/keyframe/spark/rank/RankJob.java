package io.keyframe.spark.rank;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.scoring.queue.Budget;
import io.keyframe.scoring.queue.FrameClasses;
import io.keyframe.scoring.queue.LabelQueue;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.QueueRow;
import io.keyframe.scoring.queue.RankedQueue;
import io.keyframe.scoring.queue.SpotCheck;
import io.keyframe.scoring.queue.SpotCheckOptions;
import io.keyframe.scoring.queue.SpotCheckRow;
import io.keyframe.scoring.queue.VideoScores;
import io.keyframe.scoring.signal.VideoEvidence;
import io.keyframe.spark.JobArguments;
import io.keyframe.spark.input.DetectionTables;
import io.keyframe.spark.input.InputFiles;
import io.keyframe.spark.input.OcclusionTables;
import io.keyframe.spark.input.VideoGroups;
import io.keyframe.spark.output.BadRecord;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.JobRun;
import io.keyframe.spark.output.NestedValues;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.spark.rows.VideoFrames;
import io.keyframe.spark.session.SparkSessions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Scores every frame with the scoring module's acquisition signals and builds the batch-wide
 * budgeted expert queue and its spot-check sample. Writes {@code signals}, {@code queue}, {@code
 * spot_check}, {@code quarantine} and {@code runs}.
 *
 * <p>What runs where. The executors take one video at a time ({@link VideoGroups}), rebuild its
 * evidence from its detection rows, and score every weighted signal once ({@link
 * LabelQueue#scoreVideo}); the video's {@code signals} rows are written from the executors, and the
 * video is reduced to a small {@code Summary}. Only the summaries reach the driver, never a
 * detection: bad-row counts; a {@link VideoScores} (per frame: each applied signal's value and the
 * track IDs behind it, the object count for the cost model, the de-duplication embedding; per track
 * a few runs of frames per class for the rows' labels); and a {@link FrameClasses} (runs of frames
 * per class, for the spot check's strata). Measured on a seeded 1,800-frame video with 50 objects
 * and 4 sources (195 detections per frame): about 0.6 KB per frame serialized, where the detection
 * rows the driver used to collect come to about 40 KB per frame in Spark's binary row format alone
 * (estimate: 195 rows of about 200 bytes). The driver then does the only batch-wide step ({@link
 * LabelQueue#combine}: each signal is normalised by its batch maximum), takes frames within the
 * budget ({@link LabelQueue#select}) and draws the spot check ({@link SpotCheck#sampleClasses}).
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
   * @param budget {@code 10%}, {@code 300} (frames) or {@code 90m} (expert minutes), as scoring
   *     parses it
   * @param spotCheckRate fraction of frames for the random spot check, in (0,1]
   * @param seed spot-check seed
   */
  public record Options(
      JobOptions common,
      List<String> detections,
      List<String> occlusions,
      String occlusionSource,
      String predictionSource,
      String trackerSource,
      List<String> annotatorSources,
      String budget,
      double spotCheckRate,
      long seed)
      implements java.io.Serializable {
    public Options {
      Objects.requireNonNull(common, "common");
      detections = List.copyOf(detections);
      occlusions = List.copyOf(occlusions);
      annotatorSources = List.copyOf(annotatorSources);
      Objects.requireNonNull(budget, "budget");
      Budget.parse(budget);
      if (!(spotCheckRate > 0 && spotCheckRate <= 1))
        throw new IllegalArgumentException("spotCheckRate not in (0,1]: " + spotCheckRate);
    }

    /**
     * The options of {@code main}: {@code --out DIR --detections PATH [--occlusions PATH]
     * [--occlusion-source S] [--predictions SRC] [--tracker SRC] --annotators A,B [--budget 10%]
     * [--spot-check 0.1] [--seed 1]}
     */
    public static Options from(JobArguments a) {
      return new Options(
          JobOptions.from(a),
          a.list("detections"),
          a.list("occlusions"),
          a.optional("occlusion-source", null),
          a.optional("predictions", null),
          a.optional("tracker", null),
          a.list("annotators"),
          a.optional("budget", "10%"),
          a.optional("spot-check", 0.1),
          Long.parseLong(a.optional("seed", "1")));
    }
  }

  private RankJob() {}

  /** Runs the job on the arguments {@link Options#from} takes. */
  public static void main(String[] args) {
    SparkSessions.runMain(NAME, args, Options::from, RankJob::run);
  }

  /**
   * What reaches the driver for one video: its row counts for the quarantine, and the summaries the
   * queue and the spot check are built from (no detections).
   */
  record Summary(
      String video, List<BadRecord> bad, long rows, VideoScores scores, FrameClasses classes)
      implements Serializable {}

  /**
   * One video's result in the executors: its {@code signals} rows (written from the executors) and
   * its summary.
   */
  record Scored(List<Row> signals, Summary summary) implements Serializable {}

  public static RunRecord run(SparkSession spark, Options o) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("prediction_source", String.valueOf(o.predictionSource()));
    params.put("tracker_source", String.valueOf(o.trackerSource()));
    params.put("annotator_sources", o.annotatorSources());
    params.put("occlusion_source", String.valueOf(o.occlusionSource()));
    params.put("budget", o.budget());
    params.put("spot_check_rate", o.spotCheckRate());
    params.put("seed", o.seed());
    params.put("weights", queueOptions(o).weights().weights());
    List<String> inputs = DetectionTables.withVideos(spark, o.detections());
    inputs.addAll(InputFiles.existing(spark, o.occlusions()));
    JobRun run = JobRun.start(spark, NAME, o.common(), params, InputFiles.hashes(spark, inputs));
    return run.writeFrom(
        "signals per frame",
        () -> {
          Map<String, List<OcclusionEvent>> occlusions =
              OcclusionTables.byVideo(spark, o.occlusions(), o.occlusionSource());
          Broadcast<Map<String, List<Row>>> occlusionRows =
              org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                  .broadcast(OcclusionWire.encode(occlusions));
          return DetectionTables.perVideo(
              spark,
              o.detections(),
              sources(o),
              true,
              (video, frames, rows) ->
                  score(
                      video,
                      frames,
                      rows,
                      o,
                      OcclusionWire.decode(occlusionRows.value().get(video))),
              "source",
              "frame",
              "track_id");
        },
        scored -> {
          // Only the summaries travel to the driver; the signals rows stay in the executors until
          // written.
          List<Summary> summaries = new ArrayList<>(scored.map(Scored::summary).collect());
          // the batch in video order, so that ties in the queue break the same way on every run
          summaries.sort(Comparator.comparing(Summary::video));
          run.quarantine(summaries, Summary::bad, Summary::rows);
          run.stage(Table.SIGNALS, scored.flatMap(s -> s.signals().iterator()), "frame", "signal");

          spark.sparkContext().setJobDescription(NAME + ": queue");
          // The queue normalises each signal by its batch maximum, so it is combined here, from the
          // summaries.
          QueueOptions queueOptions = queueOptions(o);
          RankedQueue queue =
              LabelQueue.select(
                  LabelQueue.combine(
                      summaries.stream().map(Summary::scores).toList(), queueOptions.weights()),
                  queueOptions);
          List<Row> queueRows = new ArrayList<>();
          for (QueueRow q : queue.rows())
            queueRows.add(
                RowFactory.create(
                    q.rank(),
                    q.videoId(),
                    q.frameStart(),
                    q.frameEnd(),
                    q.score(),
                    q.costMinutes(),
                    q.cumulativeMinutes(),
                    NestedValues.list(
                        q.reasons().stream()
                            .map(x -> RowFactory.create(x.signal(), x.value()))
                            .toList()),
                    NestedValues.list(
                        q.objects().stream()
                            .map(x -> RowFactory.create(x.id(), x.label(), x.source()))
                            .toList())));
          run.stage(Table.QUEUE, queueRows, "rank");
          List<SpotCheckRow> spot =
              SpotCheck.sampleClasses(
                  summaries.stream().map(Summary::classes).toList(),
                  new SpotCheckOptions(o.spotCheckRate(), o.seed(), false),
                  queue.frames());
          List<Row> spotRows = new ArrayList<>();
          for (SpotCheckRow s : spot)
            spotRows.add(RowFactory.create(s.videoId(), s.frame(), s.label(), s.stratum()));
          run.stage(Table.SPOT_CHECK, spotRows, "video_id", "frame", "label");
          return run.commit();
        });
  }

  private static List<String> sources(Options o) {
    List<String> s = new ArrayList<>(o.annotatorSources());
    if (o.predictionSource() != null) s.add(o.predictionSource());
    if (o.trackerSource() != null) s.add(o.trackerSource());
    return s;
  }

  /** The queue's options: default weights, cost and de-duplication, the job's budget. */
  private static QueueOptions queueOptions(Options o) {
    return QueueOptions.defaults().withBudget(Budget.parse(o.budget()));
  }

  /**
   * One video, in an executor: every weighted signal once, written as {@code signals} rows (every
   * frame of every signal that applies) and kept in the video's summary for the queue.
   */
  static Scored score(
      String video,
      VideoFrames frames,
      Iterable<Row> rows,
      Options o,
      List<OcclusionEvent> occlusions) {
    DetectionRows.VideoSets sets = DetectionRows.group(video, NAME, frames, rows);
    VideoEvidence e = evidence(sets, o, occlusions);
    VideoScores scores = LabelQueue.scoreVideo(e, queueOptions(o).weights());
    List<Row> out = new ArrayList<>();
    scores
        .signals()
        .forEach(
            (name, fs) -> {
              double[] v = fs.values().toArray();
              for (int f = 0; f < v.length; f++) out.add(RowFactory.create(f, name, v[f], video));
            });
    return new Scored(out, new Summary(video, sets.bad(), sets.rows(), scores, FrameClasses.of(e)));
  }

  private static VideoEvidence evidence(
      DetectionRows.VideoSets sets, Options o, List<OcclusionEvent> occlusions) {
    Map<String, AnnotationSet> by = sets.bySource();
    List<AnnotationSet> annotators = new ArrayList<>();
    for (String a : o.annotatorSources()) if (by.containsKey(a)) annotators.add(by.get(a));
    AnnotationSet any = by.values().stream().findFirst().orElseThrow();
    return new VideoEvidence(
        any.video(),
        o.predictionSource() == null ? null : by.get(o.predictionSource()),
        o.trackerSource() == null ? null : by.get(o.trackerSource()),
        annotators,
        occlusions);
  }

  /** Occlusion events as rows, to broadcast (the domain records are not serializable). */
  static final class OcclusionWire {
    private OcclusionWire() {}

    static Map<String, List<Row>> encode(Map<String, List<OcclusionEvent>> events) {
      Map<String, List<Row>> out = new java.util.HashMap<>();
      events.forEach(
          (v, es) ->
              out.put(
                  v,
                  es.stream()
                      .map(
                          e ->
                              RowFactory.create(
                                  e.trackId(), e.startFrame(), e.endFrame(), e.cause(), e.full()))
                      .toList()));
      return out;
    }

    static List<OcclusionEvent> decode(List<Row> rows) {
      if (rows == null) return List.of();
      return rows.stream()
          .map(
              r ->
                  new OcclusionEvent(
                      r.getInt(0), r.getInt(1), r.getInt(2), r.getString(3), r.getBoolean(4)))
          .toList();
    }
  }
}
