package io.keyframe.report.data;

import static io.keyframe.report.data.ColumnType.BOOLEAN;
import static io.keyframe.report.data.ColumnType.DOUBLE;
import static io.keyframe.report.data.ColumnType.INT;
import static io.keyframe.report.data.ColumnType.LONG;
import static io.keyframe.report.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables spark-jobs writes and this server reads, exactly as the README's "Parquet outputs"
 * section lists them. Partition columns {@code run_id} and {@code video_id} live in folder names.
 */
public final class ParquetContract {
  /** Partition column naming the job run. */
  public static final String RUN_ID = "run_id";

  /** Partition column naming the (pseudonymised) video. */
  public static final String VIDEO_ID = "video_id";

  /** Value of {@code video_id} or {@code label} on rows that combine all videos or classes. */
  public static final String ALL = "__all__";

  /** Every table, keyed by folder name, in README order. */
  public static final Map<String, TableSpec> TABLES = build();

  private ParquetContract() {}

  /** The spec of {@code table}; throws if the contract has no such table. */
  public static TableSpec spec(String table) {
    TableSpec spec = TABLES.get(table);
    if (spec == null) {
      throw new IllegalArgumentException("no such table in the Parquet contract: " + table);
    }
    return spec;
  }

  private static Map<String, TableSpec> build() {
    Map<String, TableSpec> m = new LinkedHashMap<>();
    add(m, "runs", false,
        "job", STRING, "started_at", LONG, "ended_at", LONG, "code_version", STRING,
        "params_json", STRING, "inputs_json", STRING, "models_json", STRING,
        "row_counts_json", STRING, "tracker_path", STRING);
    add(m, "detections", true,
        "source", STRING, "frame", INT, "track_id", INT, "label", STRING, "x", DOUBLE,
        "y", DOUBLE, "w", DOUBLE, "h", DOUBLE, "score", DOUBLE, "mask_rle", STRING,
        "mask_h", INT, "mask_w", INT, "occluded", BOOLEAN, "outside", BOOLEAN,
        "keyframe", BOOLEAN);
    add(m, "occlusion_events", true,
        "source", STRING, "track_id", INT, "start_frame", INT, "end_frame", INT,
        "cause", STRING, "full", BOOLEAN, "recommended_keyframe", INT);
    add(m, "tracking_metrics", true,
        "pred_source", STRING, "ref_source", STRING, "label", STRING, "mota", DOUBLE,
        "motp", DOUBLE, "idf1", DOUBLE, "idp", DOUBLE, "idr", DOUBLE, "hota", DOUBLE,
        "deta", DOUBLE, "assa", DOUBLE, "loca", DOUBLE, "detre", DOUBLE, "detpr", DOUBLE,
        "assre", DOUBLE, "asspr", DOUBLE, "num_switches", INT, "num_fragmentations", INT,
        "num_false_positives", INT, "num_misses", INT, "mostly_tracked", INT,
        "partially_tracked", INT, "mostly_lost", INT, "num_objects", INT,
        "idsw_after_occlusion", INT, "frag_after_occlusion", INT);
    add(m, "id_switches", true,
        "pred_source", STRING, "frame", INT, "gt_id", INT, "old_pred_id", INT,
        "new_pred_id", INT, "after_occlusion", BOOLEAN);
    add(m, "agreement", true,
        "rater_a", STRING, "rater_b", STRING, "label", STRING, "n_matched", INT,
        "n_unmatched_a", INT, "n_unmatched_b", INT, "mean_iou", DOUBLE, "iou_lo", DOUBLE,
        "iou_hi", DOUBLE, "kappa", DOUBLE, "kappa_lo", DOUBLE, "kappa_hi", DOUBLE,
        "alpha", DOUBLE);
    add(m, "confusion", true,
        "rater_a", STRING, "rater_b", STRING, "label_a", STRING, "label_b", STRING,
        "count", INT);
    add(m, "signals", true, "frame", INT, "signal", STRING, "value", DOUBLE);
    add(m, "queue", false,
        "rank", INT, "video_id", STRING, "frame_start", INT, "frame_end", INT,
        "score", DOUBLE, "cost_minutes", DOUBLE, "cumulative_minutes", DOUBLE,
        "reasons", STRING, "object_ids", STRING, "labels", STRING);
    add(m, "spot_check", false,
        "video_id", STRING, "frame", INT, "label", STRING, "stratum", STRING);
    add(m, "compare", true,
        "model_a", STRING, "model_b", STRING, "label", STRING, "metric", STRING,
        "value_a", DOUBLE, "value_b", DOUBLE, "delta", DOUBLE, "ci_lo", DOUBLE,
        "ci_hi", DOUBLE);
    add(m, "compare_frames", true,
        "model_a", STRING, "model_b", STRING, "frame", INT, "disagreement", DOUBLE,
        "detail", STRING);
    add(m, "throughput", true,
        "job", STRING, "frames", INT, "seconds", DOUBLE, "frames_per_s", DOUBLE);
    return java.util.Collections.unmodifiableMap(m);
  }

  private static void add(Map<String, TableSpec> m, String name, boolean perVideo, Object... nameType) {
    List<ColumnSpec> cols = new ArrayList<>();
    for (int i = 0; i < nameType.length; i += 2) {
      cols.add(new ColumnSpec((String) nameType[i], (ColumnType) nameType[i + 1]));
    }
    m.put(name, new TableSpec(name, perVideo, cols));
  }
}
