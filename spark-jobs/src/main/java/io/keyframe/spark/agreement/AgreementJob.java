package io.keyframe.spark.agreement;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.metrics.tracking.TrackingCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import io.keyframe.metrics.tracking.TrackingMetric;
import io.keyframe.scoring.qa.ObjectMatching;
import io.keyframe.spark.JobArguments;
import io.keyframe.spark.input.DetectionTables;
import io.keyframe.spark.input.InputFiles;
import io.keyframe.spark.input.OcclusionTables;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Tracking metrics of prediction sources against a reference source, per video and class, from
 * {@code detections} tables. Each executor builds one {@code TrackingSequence} per (video,
 * prediction, class) and computes TrackEval's CLEAR-MOT, identity and HOTA counts with {@code
 * io.keyframe.metrics}; the driver adds the counts of sequences into the {@code video_id = __all__}
 * and {@code label = __all__} roll-ups (TrackEval's combined sequence; classes combined
 * detection-weighted) and derives the ratios from the sums. With raters, also writes pairwise
 * {@code agreement} and {@code confusion} ({@link RaterPair}: scoring's object matching, metrics'
 * kappa, alpha and bootstrap) and {@code agreement_objects}, the matched and unmatched objects
 * behind them, from the same matching. With occlusion events, also runs metrics' {@code
 * OcclusionAwareErrors} (py-motmetrics' CLEAR rules) per video and prediction over all classes
 * together: one {@code id_switches} row per switch, and {@code idsw_after_occlusion} / {@code
 * frag_after_occlusion} on the {@code label = __all__} rows. Writes {@code tracking_metrics},
 * {@code quarantine} and {@code runs} always.
 */
public final class AgreementJob {
  /** Job name in {@code runs} and the run id. */
  public static final String NAME = "agreement";

  /**
   * @param detections paths of {@code detections} tables (a run folder or several), any Hadoop URI
   * @param reference the source the others are scored against (ground truth or a consensus)
   * @param predictions sources to score; empty = every source other than the reference
   * @param threshold IoU a match needs for CLEAR-MOT and identity (TrackEval: 0.5), and for two
   *     raters' objects to match
   * @param raters sources compared pairwise with each other (annotators) for the agreement and
   *     confusion tables; may be empty
   * @param occlusions paths of {@code occlusion_events} tables whose {@code reference}-source
   *     events classify identity errors; empty = no {@code id_switches} and null occlusion columns
   * @param occlusionWindow frames after an occlusion's end that still count as after it
   */
  public record Options(
      JobOptions common,
      List<String> detections,
      String reference,
      List<String> predictions,
      double threshold,
      List<String> raters,
      List<String> occlusions,
      int occlusionWindow)
      implements java.io.Serializable {
    /** Frames after an occlusion that still count, when not given. */
    public static final int DEFAULT_OCCLUSION_WINDOW = 15;

    public Options {
      raters = List.copyOf(raters);
      occlusions = List.copyOf(occlusions);
      if (occlusionWindow < 0)
        throw new IllegalArgumentException("occlusion window is negative: " + occlusionWindow);
      Objects.requireNonNull(common, "common");
      detections = List.copyOf(detections);
      if (detections.isEmpty()) throw new IllegalArgumentException("no detections table given");
      Objects.requireNonNull(reference, "reference");
      predictions = List.copyOf(predictions);
      if (!(threshold > 0 && threshold <= 1))
        throw new IllegalArgumentException("threshold not in (0,1]: " + threshold);
    }

    /** Without occlusion events. */
    public Options(
        JobOptions common,
        List<String> detections,
        String reference,
        List<String> predictions,
        double threshold,
        List<String> raters) {
      this(
          common,
          detections,
          reference,
          predictions,
          threshold,
          raters,
          List.of(),
          DEFAULT_OCCLUSION_WINDOW);
    }

    /** Tracking metrics only (no rater-vs-rater agreement). */
    public Options(
        JobOptions common,
        List<String> detections,
        String reference,
        List<String> predictions,
        double threshold) {
      this(common, detections, reference, predictions, threshold, List.of());
    }

    /**
     * The options of {@code main}: {@code --out DIR --detections PATH[,PATH] --reference SRC
     * [--predictions A,B] [--raters A,B,C] [--threshold 0.5] [--occlusions PATH[,PATH]]
     * [--occlusion-window 15] [--run-id ID] [--max-bad-fraction F]}
     */
    public static Options from(JobArguments a) {
      return new Options(
          JobOptions.from(a),
          a.list("detections"),
          a.required("reference"),
          a.list("predictions"),
          a.optional("threshold", 0.5),
          a.list("raters"),
          a.list("occlusions"),
          Integer.parseInt(
              a.optional("occlusion-window", Integer.toString(DEFAULT_OCCLUSION_WINDOW))));
    }

    /** TrackEval's default threshold 0.5, every non-reference source scored. */
    public static Options of(JobOptions common, List<String> detections, String reference) {
      return new Options(common, detections, reference, List.of(), 0.5);
    }
  }

  private AgreementJob() {}

  /** Runs the job on the arguments {@link Options#from} takes. */
  public static void main(String[] args) {
    SparkSessions.runMain(NAME, args, Options::from, AgreementJob::run);
  }

  /** Runs the job; returns the provenance written to {@code runs}. */
  public static RunRecord run(SparkSession spark, Options options) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("detections_tables", options.detections().size());
    params.put("reference", options.reference());
    params.put("predictions", options.predictions());
    params.put("threshold", options.threshold());
    params.put("raters", options.raters());
    params.put("similarity", "box_iou");
    params.put("conventions", "trackeval");
    params.put("occlusion_tables", options.occlusions().size());
    params.put("occlusion_window", options.occlusionWindow());
    List<String> inputs = DetectionTables.withVideos(spark, options.detections());
    // A run with no occlusions writes no occlusion_events folder: nothing to hash, not an error.
    inputs.addAll(InputFiles.existing(spark, options.occlusions()));
    JobRun run =
        JobRun.start(spark, NAME, options.common(), params, InputFiles.hashes(spark, inputs));
    try {
      spark.sparkContext().setJobDescription(NAME + ": metrics per video");
      List<VideoOutcome> outcomes = perVideo(spark, options).collect();
      spark.sparkContext().setJobDescription(NAME + ": write");

      Map<Key, TrackingCounts> combined = new TreeMap<>();
      Map<Key, long[]> afterOcclusion = new TreeMap<>();
      List<Row> switchRows = new ArrayList<>();
      Map<String, RaterPair> pairsAll = new TreeMap<>();
      List<Row> agreementRows = new ArrayList<>(), confusionRows = new ArrayList<>();
      List<Row> objectRows = new ArrayList<>();
      PercentileBootstrap bootstrap = PercentileBootstrap.standard();
      for (VideoOutcome o : outcomes) {
        objectRows.addAll(o.objectRows());
        for (RaterPair p : o.pairs()) {
          addRaterRows(p, o.video(), bootstrap, agreementRows, confusionRows);
          pairsAll.merge(p.raterA() + "\u0000" + p.raterB(), p, RaterPair::plus);
        }
        for (Keyed k : o.counts())
          for (Key key : k.key().rollUps()) combined.merge(key, k.counts(), TrackingCounts::plus);
        for (IdentityErrors e : o.identityErrors()) {
          switchRows.addAll(e.switchRows());
          for (Key key :
              List.of(
                  new Key(o.video(), e.pred(), Table.ALL), new Key(Table.ALL, e.pred(), Table.ALL)))
            afterOcclusion.merge(
                key,
                new long[] {e.switchesAfterOcclusion(), e.fragmentationsAfterOcclusion()},
                (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
        }
      }
      run.quarantine(outcomes, VideoOutcome::bad, VideoOutcome::rows);
      List<Row> out = new ArrayList<>(combined.size());
      StructField[] metricsColumns = Table.TRACKING_METRICS.frameSchema().fields();
      combined.forEach(
          (k, c) ->
              out.add(
                  metricsRow(metricsColumns, k, options.reference(), c, afterOcclusion.get(k))));
      for (RaterPair p : pairsAll.values())
        addRaterRows(p, Table.ALL, bootstrap, agreementRows, confusionRows);
      if (!options.raters().isEmpty()) {
        run.stage(Table.AGREEMENT, agreementRows, "rater_a", "rater_b", "label");
        run.stage(Table.CONFUSION, confusionRows, "rater_a", "rater_b", "label_a", "label_b");
        run.stage(Table.AGREEMENT_OBJECTS, objectRows, "rater_a", "rater_b", "frame", "outcome");
      }
      run.stage(Table.TRACKING_METRICS, out, "pred_source", "label");
      if (!options.occlusions().isEmpty())
        run.stage(Table.ID_SWITCHES, switchRows, "pred_source", "frame", "gt_id");
      return run.commit();
    } catch (RuntimeException e) {
      run.abort();
      throw e;
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  private static void addRaterRows(
      RaterPair p,
      String video,
      PercentileBootstrap bootstrap,
      List<Row> agreement,
      List<Row> confusion) {
    java.util.TreeSet<String> labels = new java.util.TreeSet<>(p.labelA());
    labels.addAll(p.labelB());
    labels.addAll(p.onlyA().keySet());
    labels.addAll(p.onlyB().keySet());
    for (String label : labels)
      agreement.add(RaterAgreementRows.agreement(p, p.ofLabel(label), label, video, bootstrap));
    agreement.add(RaterAgreementRows.agreement(p, p, Table.ALL, video, bootstrap));
    confusion.addAll(RaterAgreementRows.confusion(p, video));
  }

  private static JavaRDD<VideoOutcome> perVideo(SparkSession spark, Options options) {
    String reference = options.reference();
    List<String> predictions = options.predictions();
    double threshold = options.threshold();
    List<String> raters = options.raters();
    List<String> wanted = new ArrayList<>(predictions);
    wanted.add(reference);
    wanted.addAll(raters);
    // Small (one row per occlusion): shipped inside the closure as plain ints, null = not computed.
    Map<String, List<int[]>> occlusions = null;
    if (!options.occlusions().isEmpty()) {
      occlusions = new HashMap<>();
      for (var e : OcclusionTables.byVideo(spark, options.occlusions(), reference).entrySet())
        occlusions.put(
            e.getKey(),
            e.getValue().stream()
                .map(o -> new int[] {o.trackId(), o.startFrame(), o.endFrame()})
                .toList());
    }
    Map<String, List<int[]>> events = occlusions;
    int window = options.occlusionWindow();
    return DetectionTables.perVideo(
        spark,
        options.detections(),
        predictions.isEmpty() ? List.of() : wanted,
        false,
        (video, frames, rows) ->
            evaluate(
                video,
                frames,
                rows,
                reference,
                predictions,
                raters,
                threshold,
                events == null ? null : decode(events.get(video)),
                window),
        "source",
        "frame",
        "track_id");
  }

  private static List<OcclusionEvent> decode(List<int[]> events) {
    if (events == null) return List.of();
    // Cause and fullness do not affect the classification (OcclusionAwareErrors uses the span
    // only).
    return events.stream()
        .map(e -> new OcclusionEvent(e[0], e[1], e[2], "unknown", false))
        .toList();
  }

  /** One video; {@code occlusions} null = no occlusion-aware identity errors. */
  static VideoOutcome evaluate(
      String video,
      VideoFrames frames,
      Iterable<Row> rows,
      String reference,
      List<String> predictions,
      List<String> raters,
      double threshold,
      List<OcclusionEvent> occlusions,
      int window) {
    DetectionRows.VideoSets sets = DetectionRows.group(video, NAME, frames, rows);
    List<BadRecord> bad = new ArrayList<>(sets.bad());
    List<Keyed> counts = new ArrayList<>();
    List<IdentityErrors> identityErrors = new ArrayList<>();
    AnnotationSet ref = sets.bySource().get(reference);
    for (var entry : sets.bySource().entrySet()) {
      String source = entry.getKey();
      if (source.equals(reference) || (!predictions.isEmpty() && !predictions.contains(source)))
        continue;
      AnnotationSet pred = entry.getValue();
      if (ref == null) {
        bad.add(
            BadRecord.inDetections(
                video,
                NAME,
                source,
                -1,
                "source",
                "no '" + reference + "' detections in this video to score against",
                pred.detections().size()));
        continue;
      }
      try {
        Map<String, TrackingCounts> perLabel =
            TrackingEvaluation.trackEval(threshold).perLabel(ref, pred);
        if (occlusions != null)
          identityErrors.add(
              IdentityErrors.of(video, source, ref, pred, threshold, occlusions, window));
        perLabel.forEach((label, c) -> counts.add(new Keyed(new Key(video, source, label), c)));
      } catch (BadAnnotationException e) {
        // One broken sequence (e.g. a track id twice in a frame) spoils that source's video, not
        // the batch.
        bad.add(
            BadRecord.inDetections(
                video,
                NAME,
                source,
                e.frame(),
                e.field(),
                e.getMessage(),
                pred.detections().size()));
      }
    }
    List<RaterPair> pairs = new ArrayList<>();
    List<Row> objectRows = new ArrayList<>();
    for (int i = 0; i < raters.size(); i++)
      for (int j = i + 1; j < raters.size(); j++) {
        AnnotationSet a = sets.bySource().get(raters.get(i)),
            b = sets.bySource().get(raters.get(j));
        if (a != null && b != null) {
          // One matching feeds both the summed evidence and the per-object rows, so the frames a
          // report lists behind a number are exactly those the number counted.
          ObjectMatching m = ObjectMatching.of(a, b, threshold);
          pairs.add(RaterPair.of(raters.get(i), raters.get(j), m));
          objectRows.addAll(AgreementObjectRows.of(video, raters.get(i), raters.get(j), m));
        }
      }
    return new VideoOutcome(video, counts, identityErrors, pairs, objectRows, bad, sets.rows());
  }

  /**
   * One {@code tracking_metrics} row, column by column: every metric column is the {@link
   * TrackingMetric} of that name over the summed counts, so the table and the CLI share formulas.
   */
  private static Row metricsRow(
      StructField[] columns, Key k, String reference, TrackingCounts c, long[] afterOcclusion) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      String name = columns[i].name();
      values[i] =
          switch (name) {
            case "pred_source" -> k.pred();
            case "ref_source" -> reference;
            case "label" -> k.label();
            case Table.VIDEO_ID -> k.video();
            // Only all-class rows have them (py-motmetrics over all classes together); null = not
            // computed.
            case "idsw_after_occlusion" ->
                afterOcclusion == null ? null : Math.toIntExact(afterOcclusion[0]);
            case "frag_after_occlusion" ->
                afterOcclusion == null ? null : Math.toIntExact(afterOcclusion[1]);
            default -> metricValue(columns[i], c);
          };
    }
    return RowFactory.create(values);
  }

  private static Object metricValue(StructField column, TrackingCounts c) {
    TrackingMetric metric =
        TrackingMetric.byKey(column.name())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "tracking_metrics column '" + column.name() + "' is no tracking metric"));
    double v = metric.of(c);
    return column.dataType().equals(DataTypes.IntegerType)
        ? (Object) Math.toIntExact((long) v)
        : (Object) v;
  }

  /** A sequence's coordinates: video, prediction source, class. */
  record Key(String video, String pred, String label) implements Serializable, Comparable<Key> {
    /** The four rows this sequence adds to: itself, all classes, all videos, both. */
    List<Key> rollUps() {
      return List.of(
          this,
          new Key(video, pred, Table.ALL),
          new Key(Table.ALL, pred, label),
          new Key(Table.ALL, pred, Table.ALL));
    }

    @Override
    public int compareTo(Key o) {
      int c = video.compareTo(o.video);
      if (c == 0) c = pred.compareTo(o.pred);
      return c != 0 ? c : label.compareTo(o.label);
    }
  }

  record Keyed(Key key, TrackingCounts counts) implements Serializable {}

  record VideoOutcome(
      String video,
      List<Keyed> counts,
      List<IdentityErrors> identityErrors,
      List<RaterPair> pairs,
      List<Row> objectRows,
      List<BadRecord> bad,
      long rows)
      implements Serializable {}
}
