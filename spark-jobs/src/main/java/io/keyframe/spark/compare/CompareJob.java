package io.keyframe.spark.compare;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.metrics.clear.Convention;
import io.keyframe.metrics.tracking.TrackingCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import io.keyframe.metrics.tracking.TrackingMetric;
import io.keyframe.scoring.signal.FrameScores;
import io.keyframe.scoring.signal.ModelTrackerDisagreement;
import io.keyframe.scoring.signal.VideoEvidence;
import io.keyframe.spark.JobArguments;
import io.keyframe.spark.input.DetectionTables;
import io.keyframe.spark.input.InputFiles;
import io.keyframe.spark.output.BadRecord;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.JobRun;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.spark.rows.VideoFrames;
import io.keyframe.spark.session.SparkSessions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Model iteration A vs B on the same videos against one reference. Executors compute per (video,
 * class) the summable tracking counts of A and of B (metrics' {@link TrackingEvaluation},
 * TrackEval's conventions) and the per-frame disagreement between A and B (scoring's {@link
 * ModelTrackerDisagreement}, A in the model role, B in the tracker role). The driver writes, per
 * video and class, the metric of A, of B and the delta B − A; rows over all videos carry a
 * percentile bootstrap interval of the delta ({@link PercentileBootstrap}, resampling videos and
 * summing their counts). Per-video rows have no interval (one sequence has nothing to resample):
 * ci_lo/ci_hi are NaN there.
 */
public final class CompareJob {
  public static final String NAME = "compare";

  /** Metrics compared; the {@code compare} table names them by {@link TrackingMetric#key()}. */
  public static final List<TrackingMetric> METRICS =
      List.of(
          TrackingMetric.MOTA,
          TrackingMetric.IDF1,
          TrackingMetric.HOTA,
          TrackingMetric.DETA,
          TrackingMetric.ASSA,
          TrackingMetric.MOTP);

  /**
   * @param reference the source both are scored against
   * @param modelA the baseline iteration's source
   * @param modelB the new iteration's source
   * @param threshold IoU for CLEAR-MOT and identity matches
   * @param bootstrap resampling settings for the intervals
   */
  public record Options(
      JobOptions common,
      List<String> detections,
      String reference,
      String modelA,
      String modelB,
      double threshold,
      int replicates,
      long seed)
      implements java.io.Serializable {
    public Options {
      Objects.requireNonNull(common, "common");
      detections = List.copyOf(detections);
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(modelA, "modelA");
      Objects.requireNonNull(modelB, "modelB");
      if (modelA.equals(modelB))
        throw new IllegalArgumentException("compare needs two different sources");
      new PercentileBootstrap(replicates, 0.95, seed);
    }

    public static Options of(
        JobOptions common, List<String> detections, String reference, String a, String b) {
      return new Options(common, detections, reference, a, b, 0.5, 1000, 42);
    }

    /**
     * The options of {@code main}: {@code --out DIR --detections PATH --reference SRC --model-a SRC
     * --model-b SRC [--threshold 0.5] [--replicates 1000] [--seed 42]}
     */
    public static Options from(JobArguments a) {
      return new Options(
          JobOptions.from(a),
          a.list("detections"),
          a.required("reference"),
          a.required("model-a"),
          a.required("model-b"),
          a.optional("threshold", 0.5),
          Integer.parseInt(a.optional("replicates", "1000")),
          Long.parseLong(a.optional("seed", "42")));
    }
  }

  private CompareJob() {}

  /** Runs the job on the arguments {@link Options#from} takes. */
  public static void main(String[] args) {
    SparkSessions.runMain(NAME, args, Options::from, CompareJob::run);
  }

  record VideoCompare(
      String video,
      Map<String, TrackingCounts> a,
      Map<String, TrackingCounts> b,
      List<Row> frames,
      List<BadRecord> bad,
      long rows)
      implements Serializable {}

  public static RunRecord run(SparkSession spark, Options o) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("reference", o.reference());
    params.put("model_a", o.modelA());
    params.put("model_b", o.modelB());
    params.put("threshold", o.threshold());
    params.put(
        "bootstrap",
        Map.of("replicates", o.replicates(), "level", 0.95, "seed", o.seed(), "unit", "video"));
    JobRun run =
        JobRun.start(
            spark,
            NAME,
            o.common(),
            params,
            InputFiles.hashes(spark, DetectionTables.withVideos(spark, o.detections())));
    return run.writeFrom(
        "metrics per video",
        () ->
            DetectionTables.perVideo(
                spark,
                o.detections(),
                List.of(o.reference(), o.modelA(), o.modelB()),
                false,
                (video, frames, rows) -> compare(video, frames, rows, o),
                "source",
                "frame",
                "track_id"),
        per -> {
          List<VideoCompare> videos = new ArrayList<>(per.collect());
          videos.sort(java.util.Comparator.comparing(VideoCompare::video));
          run.quarantine(videos, VideoCompare::bad, VideoCompare::rows);
          spark.sparkContext().setJobDescription(NAME + ": deltas and intervals");
          run.stage(Table.COMPARE, deltaRows(videos, o), "label", "metric");
          run.stage(Table.COMPARE_FRAMES, per.flatMap(v -> v.frames().iterator()), "frame");
          return run.commit();
        });
  }

  static VideoCompare compare(
      String video, VideoFrames videoFrames, Iterable<Row> rows, Options o) {
    DetectionRows.VideoSets sets = DetectionRows.group(video, NAME, videoFrames, rows);
    List<BadRecord> bad = new ArrayList<>(sets.bad());
    AnnotationSet ref = sets.bySource().get(o.reference());
    AnnotationSet a = sets.bySource().get(o.modelA()), b = sets.bySource().get(o.modelB());
    if (ref == null || a == null || b == null) {
      // A video missing one side cannot be compared; say so rather than skip it.
      String missing = ref == null ? o.reference() : a == null ? o.modelA() : o.modelB();
      bad.add(
          BadRecord.inDetections(
              video,
              NAME,
              missing,
              -1,
              "source",
              "no '" + missing + "' detections in this video",
              Math.max(1, sets.rows())));
      return new VideoCompare(video, Map.of(), Map.of(), List.of(), bad, sets.rows());
    }
    try {
      TrackingEvaluation evaluation = TrackingEvaluation.trackEval(o.threshold());
      Map<String, TrackingCounts> ca = new TreeMap<>(evaluation.perLabel(ref, a));
      Map<String, TrackingCounts> cb = new TreeMap<>(evaluation.perLabel(ref, b));
      VideoEvidence pair = new VideoEvidence(a.video(), a, b, List.of(), List.of());
      FrameScores disagreement = new ModelTrackerDisagreement().score(pair);
      List<Row> frames = new ArrayList<>();
      double[] v = disagreement.values().toArray();
      for (int f = 0; f < v.length; f++)
        if (v[f] > 0)
          frames.add(
              RowFactory.create(
                  o.modelA(),
                  o.modelB(),
                  f,
                  v[f],
                  "objects " + new TreeSet<>(disagreement.objectsAt(f)),
                  video));
      return new VideoCompare(video, ca, cb, frames, bad, sets.rows());
    } catch (BadAnnotationException e) {
      bad.add(
          BadRecord.inDetections(
              video, NAME, "", e.frame(), e.field(), e.getMessage(), sets.rows()));
      return new VideoCompare(video, Map.of(), Map.of(), List.of(), bad, sets.rows());
    }
  }

  private static List<Row> deltaRows(List<VideoCompare> videos, Options o) {
    TreeSet<String> labels = new TreeSet<>();
    for (VideoCompare v : videos) {
      labels.addAll(v.a().keySet());
      labels.addAll(v.b().keySet());
    }
    List<String> withAll = new ArrayList<>(labels);
    withAll.add(Table.ALL);
    List<Row> out = new ArrayList<>();
    PercentileBootstrap bootstrap = new PercentileBootstrap(o.replicates(), 0.95, o.seed());
    List<VideoCompare> usable =
        videos.stream().filter(v -> !v.a().isEmpty() || !v.b().isEmpty()).toList();
    for (String label : withAll) {
      for (VideoCompare v : usable) {
        TrackingCounts a = sum(v.a(), label), b = sum(v.b(), label);
        // A class neither model nor the reference has in this video has no metrics there: NaN
        // (a report shows "—"), not TrackEval's 0 of empty counts, which reads as a total failure.
        boolean absent =
            !label.equals(Table.ALL) && !v.a().containsKey(label) && !v.b().containsKey(label);
        for (TrackingMetric m : METRICS)
          out.add(
              compareRow(
                  o,
                  label,
                  m,
                  absent ? Double.NaN : m.of(a),
                  absent ? Double.NaN : m.of(b),
                  null,
                  v.video()));
      }
      TrackingCounts[] as =
          usable.stream().map(v -> sum(v.a(), label)).toArray(TrackingCounts[]::new);
      TrackingCounts[] bs =
          usable.stream().map(v -> sum(v.b(), label)).toArray(TrackingCounts[]::new);
      TrackingCounts totalA = sum(as, null), totalB = sum(bs, null);
      for (TrackingMetric m : METRICS) {
        ToDoubleFunction<int[]> delta = idx -> m.of(sum(bs, idx)) - m.of(sum(as, idx));
        PercentileBootstrap.Interval ci = bootstrap.interval(as.length, delta);
        out.add(compareRow(o, label, m, m.of(totalA), m.of(totalB), ci, Table.ALL));
      }
    }
    return out;
  }

  /**
   * One {@code compare} row: metric {@code m} of A and of B, the delta B − A, and its interval (NaN
   * bounds when {@code ci} is null: one video has nothing to resample).
   */
  private static Row compareRow(
      Options o,
      String label,
      TrackingMetric m,
      double a,
      double b,
      PercentileBootstrap.Interval ci,
      String video) {
    return RowFactory.create(
        o.modelA(),
        o.modelB(),
        label,
        m.key(),
        a,
        b,
        b - a,
        ci == null ? Double.NaN : ci.low(),
        ci == null ? Double.NaN : ci.high(),
        video);
  }

  private static TrackingCounts sum(Map<String, TrackingCounts> perLabel, String label) {
    if (!label.equals(Table.ALL))
      return perLabel.getOrDefault(label, TrackingCounts.zero(Convention.TRACKEVAL));
    TrackingCounts s = TrackingCounts.zero(Convention.TRACKEVAL);
    for (TrackingCounts c : perLabel.values()) s = s.plus(c);
    return s;
  }

  /** Sum of the units at {@code idx} (a bootstrap resample), or of all units when null. */
  private static TrackingCounts sum(TrackingCounts[] units, int[] idx) {
    TrackingCounts s = TrackingCounts.zero(Convention.TRACKEVAL);
    if (idx == null) for (TrackingCounts c : units) s = s.plus(c);
    else for (int i : idx) s = s.plus(units[i]);
    return s;
  }
}
