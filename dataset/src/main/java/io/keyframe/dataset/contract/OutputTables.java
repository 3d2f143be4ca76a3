package io.keyframe.dataset.contract;

import static io.keyframe.dataset.contract.Column.nullable;
import static io.keyframe.dataset.contract.Column.of;
import static io.keyframe.dataset.contract.ColumnType.Scalar.BOOLEAN;
import static io.keyframe.dataset.contract.ColumnType.Scalar.DOUBLE;
import static io.keyframe.dataset.contract.ColumnType.Scalar.INT;
import static io.keyframe.dataset.contract.ColumnType.Scalar.LONG;
import static io.keyframe.dataset.contract.ColumnType.Scalar.STRING;
import static io.keyframe.dataset.contract.ColumnType.listOf;

import io.keyframe.dataset.contract.TableDef.Partitioning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table of the Parquet outputs, in README order: the only place a table, a column or its
 * logical type is defined. spark-jobs writes these and report-server reads them.
 */
public final class OutputTables {
  /** Partition column naming the job run (a folder, never a file column). */
  public static final String RUN_ID = "run_id";

  /** Partition column naming the (pseudonymised) video of per-video tables. */
  public static final String VIDEO_ID = "video_id";

  /** Value of {@code video_id} or {@code label} on rows that combine all videos or classes. */
  public static final String ALL = "__all__";

  public static final TableDef RUNS =
      new TableDef(
          "runs",
          Partitioning.RUN,
          List.of(
              of("job", STRING),
              of("started_at", LONG, "epoch ms"),
              of("ended_at", LONG, "epoch ms"),
              of("code_version", STRING),
              of("params_json", STRING),
              of("inputs_json", STRING, "file → sha256"),
              of("models_json", STRING, "model → sha256"),
              of("row_counts_json", STRING),
              nullable(
                  "tracker_path",
                  STRING,
                  "`sam2` or `fallback`; null for jobs that run no tracker")),
          "");

  /**
   * One row per video: what the frames are (size, rate, length) and which files its sources came
   * from, so that no reader guesses a frame size from box extents.
   */
  public static final TableDef VIDEOS =
      new TableDef(
          "videos",
          Partitioning.VIDEO,
          List.of(
              of("width", INT, "pixels"),
              of("height", INT, "pixels"),
              of("fps", DOUBLE, "frames per second"),
              of("frames", INT, "frame count"),
              of(
                  "sources",
                  listOf(
                      of("source", STRING),
                      of("file", STRING, "file name only"),
                      of("sha256", STRING)),
                  "one entry per source file read for this video")),
          "written by the jobs that bring videos in (ingest, generate)");

  public static final TableDef DETECTIONS =
      new TableDef(
          "detections",
          Partitioning.VIDEO,
          List.of(
              of("source", STRING, "model/tracker/annotator name"),
              of("frame", INT),
              of("track_id", INT, "in this source's numbering"),
              of("label", STRING),
              of("x", DOUBLE),
              of("y", DOUBLE),
              of("w", DOUBLE),
              of("h", DOUBLE),
              of("score", DOUBLE),
              nullable("mask_rle", STRING, "COCO compressed string"),
              of("mask_h", INT),
              of("mask_w", INT),
              of("occluded", BOOLEAN),
              of("outside", BOOLEAN),
              of("keyframe", BOOLEAN),
              nullable(
                  "class_probabilities",
                  new ColumnType.MapOf(STRING, DOUBLE),
                  "class → probability; null when the source gave none"),
              of("visibility", DOUBLE, "visible fraction, -1 = unknown")),
          "");

  public static final TableDef OCCLUSION_EVENTS =
      new TableDef(
          "occlusion_events",
          Partitioning.VIDEO,
          List.of(
              of("source", STRING),
              of("track_id", INT),
              of("start_frame", INT),
              of("end_frame", INT),
              of("cause", STRING),
              of("full", BOOLEAN),
              of("recommended_keyframe", INT, "frame")),
          "");

  public static final TableDef TRACKING_METRICS =
      new TableDef(
          "tracking_metrics",
          Partitioning.VIDEO,
          List.of(
              of("pred_source", STRING),
              of("ref_source", STRING),
              of("label", STRING),
              of("mota", DOUBLE),
              of("motp", DOUBLE),
              of("idf1", DOUBLE),
              of("idp", DOUBLE),
              of("idr", DOUBLE),
              of("hota", DOUBLE),
              of("deta", DOUBLE),
              of("assa", DOUBLE),
              of("loca", DOUBLE),
              of("detre", DOUBLE),
              of("detpr", DOUBLE),
              of("assre", DOUBLE),
              of("asspr", DOUBLE),
              of("num_switches", INT, "TrackEval's CLEAR rule, per class"),
              of("num_fragmentations", INT, "TrackEval's CLEAR rule"),
              of("num_false_positives", INT),
              of("num_misses", INT),
              of("mostly_tracked", INT),
              of("partially_tracked", INT),
              of("mostly_lost", INT),
              of("num_objects", INT),
              nullable(
                  "idsw_after_occlusion",
                  INT,
                  "null = not computed; switches within a reference occlusion of their object or `window`"
                      + " frames after it, only on `label = __all__` rows of a run given occlusion events; py-motmetrics' CLEAR rule over all"
                      + " classes together (metrics' `OcclusionAwareErrors`), so not a subset of num_switches"),
              nullable("frag_after_occlusion", INT, "the same for fragmentations")),
          "Empty denominators: idf1/idp/idr are NaN (undefined, as py-motmetrics writes them; TrackEval writes 0), the other ratios"
              + " follow TrackEval");

  public static final TableDef ID_SWITCHES =
      new TableDef(
          "id_switches",
          Partitioning.VIDEO,
          List.of(
              of("pred_source", STRING),
              of("frame", INT, "switch frame"),
              of("gt_id", INT),
              of("old_pred_id", INT, "original track ID"),
              of("new_pred_id", INT, "original track ID"),
              of("after_occlusion", BOOLEAN, "within an occlusion of gt_id or its window")),
          "one row per ID switch, py-motmetrics' CLEAR rule over all classes together; written only by an agreement run given"
              + " occlusion events");

  public static final TableDef AGREEMENT =
      new TableDef(
          "agreement",
          Partitioning.VIDEO,
          List.of(
              of("rater_a", STRING),
              of("rater_b", STRING),
              of("label", STRING),
              of("n_matched", INT),
              of("n_unmatched_a", INT),
              of("n_unmatched_b", INT),
              of("mean_iou", DOUBLE),
              of("iou_lo", DOUBLE),
              of("iou_hi", DOUBLE),
              of(
                  "kappa",
                  DOUBLE,
                  "Cohen's kappa of the classes of matched objects; on a class's row one-vs-rest over every matched"
                      + " object; objects only one rater drew are not in it (see n_unmatched_a/b)"),
              of("kappa_lo", DOUBLE),
              of("kappa_hi", DOUBLE),
              of("alpha", DOUBLE)),
          "");

  public static final TableDef CONFUSION =
      new TableDef(
          "confusion",
          Partitioning.VIDEO,
          List.of(
              of("rater_a", STRING),
              of("rater_b", STRING),
              of("label_a", STRING),
              of("label_b", STRING),
              of("count", INT)),
          "");

  /**
   * The evidence behind {@code agreement} and {@code confusion}: one row per object either rater
   * drew on a frame, as the matching paired them, so a report can list the frames behind any of
   * those numbers.
   */
  public static final TableDef AGREEMENT_OBJECTS =
      new TableDef(
          "agreement_objects",
          Partitioning.VIDEO,
          List.of(
              of("rater_a", STRING),
              of("rater_b", STRING),
              of("frame", INT),
              of(
                  "outcome",
                  STRING,
                  "`matched` (same class), `mislabelled` (matched, classes differ), `only_a`, `only_b`"),
              nullable("id_a", INT, "rater A's track ID; null on `only_b` rows"),
              nullable("label_a", STRING, "null on `only_b` rows"),
              nullable("id_b", INT, "rater B's track ID; null on `only_a` rows"),
              nullable("label_b", STRING, "null on `only_a` rows"),
              nullable("iou", DOUBLE, "of the matched pair; null when unmatched")),
          "the per-class rows of `agreement` count, for class c, `matched`/`mislabelled` rows with label_a = c,"
              + " `only_a` rows with label_a = c and `only_b` rows with label_b = c");

  public static final TableDef SIGNALS =
      new TableDef(
          "signals",
          Partitioning.VIDEO,
          List.of(of("frame", INT), of("signal", STRING), of("value", DOUBLE)),
          "");

  public static final TableDef QUEUE =
      new TableDef(
          "queue",
          Partitioning.RUN,
          List.of(
              of("rank", INT),
              of("video_id", STRING),
              of("frame_start", INT),
              of("frame_end", INT),
              of("score", DOUBLE),
              of("cost_minutes", DOUBLE),
              of("cumulative_minutes", DOUBLE),
              of(
                  "reasons",
                  listOf(of("signal", STRING), of("value", DOUBLE, "normalised to [0,1]")),
                  "top signals, largest weighted contribution first"),
              of(
                  "objects",
                  listOf(
                      of("id", INT, "track ID in that source's numbering"),
                      of("label", STRING),
                      of("source", STRING)),
                  "every object the signals point at, with its class in that source on the row's frames")),
          "");

  public static final TableDef SPOT_CHECK =
      new TableDef(
          "spot_check",
          Partitioning.RUN,
          List.of(
              of("video_id", STRING), of("frame", INT), of("label", STRING), of("stratum", STRING)),
          "");

  public static final TableDef COMPARE =
      new TableDef(
          "compare",
          Partitioning.VIDEO,
          List.of(
              of("model_a", STRING),
              of("model_b", STRING),
              of("label", STRING),
              of("metric", STRING),
              of("value_a", DOUBLE),
              of("value_b", DOUBLE),
              of("delta", DOUBLE),
              of("ci_lo", DOUBLE),
              of("ci_hi", DOUBLE)),
          "values are NaN on a video's row of a class neither model nor the reference has in that video");

  public static final TableDef COMPARE_FRAMES =
      new TableDef(
          "compare_frames",
          Partitioning.VIDEO,
          List.of(
              of("model_a", STRING),
              of("model_b", STRING),
              of("frame", INT),
              of("disagreement", DOUBLE),
              of("detail", STRING)),
          "");

  public static final TableDef THROUGHPUT =
      new TableDef(
          "throughput",
          Partitioning.VIDEO,
          List.of(
              of("job", STRING),
              of("frames", INT),
              of("seconds", DOUBLE),
              of("frames_per_s", DOUBLE)),
          "");

  public static final TableDef QUARANTINE =
      new TableDef(
          "quarantine",
          Partitioning.VIDEO,
          List.of(
              of("job", STRING),
              of("source", STRING),
              of("file", STRING, "file name only"),
              of("line", LONG, "-1 = unknown"),
              of("frame", LONG, "-1 = unknown"),
              nullable("field", STRING, ""),
              of("reason", STRING)),
          "input a job refused; see `spark-jobs/README.md`");

  /** Every table, keyed by folder name, in README order. */
  public static final Map<String, TableDef> ALL_TABLES =
      index(
          RUNS,
          VIDEOS,
          DETECTIONS,
          OCCLUSION_EVENTS,
          TRACKING_METRICS,
          ID_SWITCHES,
          AGREEMENT,
          CONFUSION,
          AGREEMENT_OBJECTS,
          SIGNALS,
          QUEUE,
          SPOT_CHECK,
          COMPARE,
          COMPARE_FRAMES,
          THROUGHPUT,
          QUARANTINE);

  private OutputTables() {}

  /** The table named {@code name}; throws naming it when the contract has none. */
  public static TableDef table(String name) {
    TableDef t = ALL_TABLES.get(name);
    if (t == null)
      throw new IllegalArgumentException("no such table in the Parquet contract: " + name);
    return t;
  }

  /** The README's "Parquet outputs" table, generated from the definitions above. */
  public static String readmeTable() {
    StringBuilder b = new StringBuilder("| table | columns |\n|---|---|\n");
    for (TableDef t : ALL_TABLES.values()) b.append(t.readmeRow()).append('\n');
    return b.toString();
  }

  private static Map<String, TableDef> index(TableDef... tables) {
    Map<String, TableDef> m = new LinkedHashMap<>();
    for (TableDef t : tables) m.put(t.name(), t);
    return java.util.Collections.unmodifiableMap(m);
  }
}
