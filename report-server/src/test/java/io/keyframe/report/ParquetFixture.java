package io.keyframe.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes Parquet tables exactly as README "Parquet outputs" specifies, with parquet-java's example
 * Group writer: {@code tables/<table>/run_id=<run>/[video_id=<video>/]part-NNNNN.parquet},
 * partition values only in folder names. Schemas are typed out from the README here (not taken from
 * the code under test), so a typo in the server's contract shows up as a failing read.
 */
final class ParquetFixture {
  static final Map<String, String> SCHEMAS =
      Map.ofEntries(
          Map.entry(
              "runs",
              "message runs { optional binary job (STRING); optional int64 started_at; optional int64 ended_at;"
                  + " optional binary code_version (STRING); optional binary params_json (STRING); optional binary inputs_json (STRING);"
                  + " optional binary models_json (STRING); optional binary row_counts_json (STRING); optional binary tracker_path (STRING); }"),
          Map.entry(
              "detections",
              "message detections { optional binary source (STRING); optional int32 frame; optional int32 track_id;"
                  + " optional binary label (STRING); optional double x; optional double y; optional double w; optional double h;"
                  + " optional double score; optional binary mask_rle (STRING); optional int32 mask_h; optional int32 mask_w;"
                  + " optional boolean occluded; optional boolean outside; optional boolean keyframe;"
                  + " optional group class_probabilities (MAP) { repeated group key_value { required binary key (STRING); required double value; } }"
                  + " optional double visibility; }"),
          Map.entry(
              "videos",
              "message videos { optional int32 width; optional int32 height; optional double fps; optional int32 frames;"
                  + " optional group sources (LIST) { repeated group list { required group element { required binary source (STRING);"
                  + " required binary file (STRING); required binary sha256 (STRING); } } } }"),
          Map.entry(
              "occlusion_events",
              "message occlusion_events { optional binary source (STRING); optional int32 track_id;"
                  + " optional int32 start_frame; optional int32 end_frame; optional binary cause (STRING); optional boolean full;"
                  + " optional int32 recommended_keyframe; }"),
          Map.entry(
              "tracking_metrics",
              "message tracking_metrics { optional binary pred_source (STRING); optional binary ref_source (STRING);"
                  + " optional binary label (STRING); optional double mota; optional double motp; optional double idf1; optional double idp;"
                  + " optional double idr; optional double hota; optional double deta; optional double assa; optional double loca;"
                  + " optional double detre; optional double detpr; optional double assre; optional double asspr; optional int32 num_switches;"
                  + " optional int32 num_fragmentations; optional int32 num_false_positives; optional int32 num_misses;"
                  + " optional int32 mostly_tracked; optional int32 partially_tracked; optional int32 mostly_lost; optional int32 num_objects;"
                  + " optional int32 idsw_after_occlusion; optional int32 frag_after_occlusion; }"),
          Map.entry(
              "id_switches",
              "message id_switches { optional binary pred_source (STRING); optional int32 frame; optional int32 gt_id;"
                  + " optional int32 old_pred_id; optional int32 new_pred_id; optional boolean after_occlusion; }"),
          Map.entry(
              "agreement",
              "message agreement { optional binary rater_a (STRING); optional binary rater_b (STRING);"
                  + " optional binary label (STRING); optional int32 n_matched; optional int32 n_unmatched_a; optional int32 n_unmatched_b;"
                  + " optional double mean_iou; optional double iou_lo; optional double iou_hi; optional double kappa; optional double kappa_lo;"
                  + " optional double kappa_hi; optional double alpha; }"),
          Map.entry(
              "confusion",
              "message confusion { optional binary rater_a (STRING); optional binary rater_b (STRING);"
                  + " optional binary label_a (STRING); optional binary label_b (STRING); optional int32 count; }"),
          Map.entry(
              "agreement_objects",
              "message agreement_objects { optional binary rater_a (STRING); optional binary rater_b (STRING);"
                  + " optional int32 frame; optional binary outcome (STRING); optional int32 id_a; optional binary label_a (STRING);"
                  + " optional int32 id_b; optional binary label_b (STRING); optional double iou; }"),
          Map.entry(
              "signals",
              "message signals { optional int32 frame; optional binary signal (STRING); optional double value; }"),
          Map.entry(
              "queue",
              "message queue { optional int32 rank; optional binary video_id (STRING); optional int32 frame_start;"
                  + " optional int32 frame_end; optional double score; optional double cost_minutes; optional double cumulative_minutes;"
                  + " optional group reasons (LIST) { repeated group list { required group element { required binary signal (STRING);"
                  + " required double value; } } }"
                  + " optional group objects (LIST) { repeated group list { required group element { required int32 id;"
                  + " required binary label (STRING); required binary source (STRING); } } } }"),
          Map.entry(
              "spot_check",
              "message spot_check { optional binary video_id (STRING); optional int32 frame;"
                  + " optional binary label (STRING); optional binary stratum (STRING); }"),
          Map.entry(
              "compare",
              "message compare { optional binary model_a (STRING); optional binary model_b (STRING);"
                  + " optional binary label (STRING); optional binary metric (STRING); optional double value_a; optional double value_b;"
                  + " optional double delta; optional double ci_lo; optional double ci_hi; }"),
          Map.entry(
              "compare_frames",
              "message compare_frames { optional binary model_a (STRING); optional binary model_b (STRING);"
                  + " optional int32 frame; optional double disagreement; optional binary detail (STRING); }"),
          Map.entry(
              "throughput",
              "message throughput { optional binary job (STRING); optional int32 frames; optional double seconds;"
                  + " optional double frames_per_s; }"));

  private final Path root;
  private final Map<Path, AtomicInteger> partNumbers = new HashMap<>();

  ParquetFixture(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /**
   * Writes one part file. {@code video} is null for run-only tables. Each row gives values in the
   * README's column order; {@code null} leaves the (optional) field unset; nested values as {@link
   * ParquetRows} takes them.
   */
  ParquetFixture write(String table, String run, String video, List<Object[]> rows) {
    MessageType schema = MessageTypeParser.parseMessageType(SCHEMAS.get(table));
    Path dir = root.resolve("tables").resolve(table).resolve("run_id=" + run);
    if (video != null) {
      dir = dir.resolve("video_id=" + video);
    }
    try {
      Files.createDirectories(dir);
      int n = partNumbers.computeIfAbsent(dir, d -> new AtomicInteger()).getAndIncrement();
      Path file = dir.resolve(String.format("part-%05d.parquet", n));
      ParquetRows.write(file, schema, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * A {@code runs} row: a complete run. {@link #of} gives empty JSON for parameters, inputs, models
   * and row counts.
   */
  record Run(
      String job,
      long startedAt,
      long endedAt,
      String paramsJson,
      String inputsJson,
      String modelsJson,
      String rowCountsJson,
      String trackerPath) {
    static final String CODE_VERSION = "0.1.0";

    /** {@code trackerPath} null for a job that runs no tracker. */
    static Run of(String job, long startedAt, long endedAt, String trackerPath) {
      return new Run(job, startedAt, endedAt, "{}", "{}", "{}", "{}", trackerPath);
    }

    Run withParams(String json) {
      return new Run(
          job, startedAt, endedAt, json, inputsJson, modelsJson, rowCountsJson, trackerPath);
    }

    Object[] row() {
      return ParquetFixture.row(
          job,
          startedAt,
          endedAt,
          CODE_VERSION,
          paramsJson,
          inputsJson,
          modelsJson,
          rowCountsJson,
          trackerPath);
    }
  }

  /** Writes run {@code runId}'s {@code runs} row, which makes the run complete. */
  ParquetFixture run(String runId, Run run) {
    return write("runs", runId, null, rows(run.row()));
  }

  static List<Object[]> rows(Object[]... rows) {
    return java.util.Arrays.asList(rows);
  }

  static Object[] row(Object... values) {
    return values;
  }
}
