package io.keyframe.spark.agreement;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.clear.TrackEvalClear;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.identity.IdentityCounts;
import io.keyframe.metrics.identity.IdentityMatching;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.spark.JobArguments;
import io.keyframe.spark.input.InputFiles;
import io.keyframe.spark.output.BadRecord;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.JobRun;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.spark.session.SparkSessions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Tracking metrics of prediction sources against a reference source, per video and class, from
 * {@code detections} tables. Each executor builds one {@link TrackingSequence} per (video, prediction,
 * class) and computes TrackEval's CLEAR-MOT, identity and HOTA counts with {@code io.keyframe.metrics};
 * the driver adds the counts of sequences into the {@code video_id = __all__} and {@code label =
 * __all__} roll-ups (TrackEval's combined sequence; classes combined detection-weighted) and derives
 * the ratios from the sums. Writes {@code tracking_metrics}, {@code quarantine} and {@code runs}.
 */
public final class AgreementJob {
  /** Job name in {@code runs} and the run id. */
  public static final String NAME = "agreement";

  /**
   * @param detections paths of {@code detections} tables (a run folder or several), any Hadoop URI
   * @param reference the source the others are scored against (ground truth or a consensus)
   * @param predictions sources to score; empty = every source other than the reference
   * @param threshold IoU a match needs for CLEAR-MOT and identity (TrackEval: 0.5)
   */
  public record Options(JobOptions common, List<String> detections, String reference, List<String> predictions, double threshold) {
    public Options {
      Objects.requireNonNull(common, "common");
      detections = List.copyOf(detections);
      if (detections.isEmpty()) throw new IllegalArgumentException("no detections table given");
      Objects.requireNonNull(reference, "reference");
      predictions = List.copyOf(predictions);
      if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold not in (0,1]: " + threshold);
    }

    /** TrackEval's default threshold 0.5, every non-reference source scored. */
    public static Options of(JobOptions common, List<String> detections, String reference) {
      return new Options(common, detections, reference, List.of(), 0.5);
    }
  }

  private AgreementJob() {}

  /** {@code --out DIR --detections PATH[,PATH] --reference SRC [--predictions A,B] [--threshold 0.5] [--run-id ID] [--max-bad-fraction F]} */
  public static void main(String[] args) {
    JobArguments a = JobArguments.parse(args);
    JobOptions common =
        new JobOptions(a.required("out"), a.optional("run-id", null), a.optional("max-bad-fraction", JobOptions.DEFAULT_MAX_BAD_FRACTION));
    Options options = new Options(common, a.list("detections"), a.required("reference"), a.list("predictions"), a.optional("threshold", 0.5));
    SparkSession spark = SparkSessions.forMain("keyframe " + NAME);
    try {
      RunRecord record = run(spark, options);
      System.out.println(NAME + " run " + record.runId() + " wrote " + record.rowCounts());
    } finally {
      spark.stop();
    }
  }

  /** Runs the job; returns the provenance written to {@code runs}. */
  public static RunRecord run(SparkSession spark, Options options) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("detections_tables", options.detections().size());
    params.put("reference", options.reference());
    params.put("predictions", options.predictions());
    params.put("threshold", options.threshold());
    params.put("similarity", "box_iou");
    params.put("conventions", "trackeval");
    JobRun run = JobRun.start(spark, NAME, options.common(), params, InputFiles.hashes(spark, options.detections()));
    try {
      spark.sparkContext().setJobDescription(NAME + ": metrics per video");
      List<VideoOutcome> outcomes = perVideo(spark, options).collect();
      spark.sparkContext().setJobDescription(NAME + ": write");

      List<BadRecord> bad = new ArrayList<>();
      long rows = 0;
      Map<Key, SequenceCounts> combined = new TreeMap<>();
      for (VideoOutcome o : outcomes) {
        bad.addAll(o.bad());
        rows += o.rows();
        for (Keyed k : o.counts())
          for (Key key : k.key().rollUps()) combined.merge(key, k.counts(), SequenceCounts::plus);
      }
      run.quarantine(bad, rows);
      List<Row> out = new ArrayList<>(combined.size());
      combined.forEach((k, c) -> out.add(metricsRow(k, options.reference(), c)));
      run.stage(
          Table.TRACKING_METRICS,
          spark.createDataFrame(out, Table.TRACKING_METRICS.frameSchema()),
          "pred_source", "label");
      return run.commit();
    } catch (RuntimeException e) {
      run.abort();
      throw e;
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  private static JavaRDD<VideoOutcome> perVideo(SparkSession spark, Options options) {
    String reference = options.reference();
    List<String> predictions = options.predictions();
    double threshold = options.threshold();
    List<String> wanted = new ArrayList<>(predictions);
    wanted.add(reference);
    var rows =
        spark.read().parquet(options.detections().toArray(String[]::new))
            .select(
                "video_id", "source", "frame", "track_id", "label", "x", "y", "w", "h", "score", "mask_rle", "mask_h",
                "mask_w", "occluded", "outside", "keyframe");
    if (!predictions.isEmpty()) rows = rows.where(functions.col("source").isin(wanted.toArray()));
    JavaRDD<Row> sorted =
        rows.repartition(functions.col("video_id"))
            .sortWithinPartitions("video_id", "source", "frame", "track_id")
            .toJavaRDD();
    return sorted.mapPartitions(it -> new ByVideo(it, reference, threshold));
  }

  /** Streams a partition sorted by video as one outcome per video, holding one video in memory. */
  private static final class ByVideo implements Iterator<VideoOutcome> {
    private final Iterator<Row> rows;
    private final String reference;
    private final double threshold;
    private Row pending;

    ByVideo(Iterator<Row> rows, String reference, double threshold) {
      this.rows = rows;
      this.reference = reference;
      this.threshold = threshold;
      this.pending = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      return pending != null;
    }

    @Override
    public VideoOutcome next() {
      String video = pending.getAs("video_id");
      List<Row> batch = new ArrayList<>();
      while (pending != null && video.equals(pending.getAs("video_id"))) {
        batch.add(pending);
        pending = rows.hasNext() ? rows.next() : null;
      }
      return evaluate(video, batch, reference, threshold);
    }
  }

  static VideoOutcome evaluate(String video, List<Row> rows, String reference, double threshold) {
    DetectionRows.VideoSets sets = DetectionRows.group(video, NAME, rows);
    List<BadRecord> bad = new ArrayList<>(sets.bad());
    List<Keyed> counts = new ArrayList<>();
    AnnotationSet ref = sets.bySource().get(reference);
    for (var entry : sets.bySource().entrySet()) {
      String source = entry.getKey();
      if (source.equals(reference)) continue;
      AnnotationSet pred = entry.getValue();
      if (ref == null) {
        bad.add(new BadRecord(video, NAME, source, "detections", -1, -1, "source",
            "no '" + reference + "' detections in this video to score against", pred.detections().size()));
        continue;
      }
      TreeSet<String> labels = new TreeSet<>(ref.labels());
      labels.addAll(pred.labels());
      try {
        List<Keyed> perLabel = new ArrayList<>();
        for (String label : labels) {
          TrackingSequence seq = TrackingSequence.of(ref, pred, TrackingSequence.Similarity.BOX_IOU, d -> d.label().equals(label));
          ClearCounts clear = TrackEvalClear.of(seq, threshold);
          IdentityCounts identity = IdentityMatching.of(seq, threshold);
          HotaCounts hota = Hota.of(seq);
          perLabel.add(new Keyed(new Key(video, source, label), new SequenceCounts(clear, identity, hota)));
        }
        counts.addAll(perLabel);
      } catch (BadAnnotationException e) {
        // One broken sequence (e.g. a track id twice in a frame) spoils that source's video, not the batch.
        bad.add(new BadRecord(video, NAME, source, "detections", -1, e.frame(), e.field(), e.getMessage(), pred.detections().size()));
      }
    }
    return new VideoOutcome(video, counts, bad, sets.rows());
  }

  private static Row metricsRow(Key k, String reference, SequenceCounts c) {
    ClearCounts m = c.clear();
    IdentityCounts id = c.identity();
    HotaCounts h = c.hota();
    return RowFactory.create(
        k.pred(), reference, k.label(),
        m.mota(), m.motp(), id.idf1(), id.idp(), id.idr(),
        h.hota(), h.detA(), h.assA(), h.locA(), h.detRe(), h.detPr(), h.assRe(), h.assPr(),
        Math.toIntExact(m.switches()), Math.toIntExact(m.fragmentations()), Math.toIntExact(m.falsePositives()),
        Math.toIntExact(m.misses()), Math.toIntExact(m.mostlyTracked()), Math.toIntExact(m.partiallyTracked()),
        Math.toIntExact(m.mostlyLost()), Math.toIntExact(m.objects()),
        // Switch events with their frames are not exposed by metrics.clear yet; unknown, not zero.
        null, null,
        k.video());
  }

  /** A sequence's coordinates: video, prediction source, class. */
  record Key(String video, String pred, String label) implements Serializable, Comparable<Key> {
    /** The four rows this sequence adds to: itself, all classes, all videos, both. */
    List<Key> rollUps() {
      return List.of(
          this, new Key(video, pred, Table.ALL), new Key(Table.ALL, pred, label), new Key(Table.ALL, pred, Table.ALL));
    }

    @Override
    public int compareTo(Key o) {
      int c = video.compareTo(o.video);
      if (c == 0) c = pred.compareTo(o.pred);
      return c != 0 ? c : label.compareTo(o.label);
    }
  }

  record Keyed(Key key, SequenceCounts counts) implements Serializable {}

  record VideoOutcome(String video, List<Keyed> counts, List<BadRecord> bad, long rows) implements Serializable {}
}
