package io.keyframe.spark.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunTest {
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path out;

  private static BadRecord bad(String video, int line) {
    var e =
        new BadAnnotationException(
            Path.of("/secret/ward-3/patient-x/gt.txt"), line, 4, "bb_width", "width is negative");
    return BadRecord.of(video, "test", "gt", e, 1);
  }

  @Test
  void runsRowRecordsProvenanceAndRowCounts() {
    JobRun run =
        JobRun.start(
            spark,
            "test",
            JobOptions.of(out.toString()),
            Map.of("iou", 0.5),
            Map.of("v-a/gt", "ab12"));
    run.model("customer", "cd34").trackerPath("fallback");
    run.stage(
        Table.SIGNALS,
        spark.createDataFrame(
            List.of(RowFactory.create(3, "entropy", 0.9, "v-a")), Table.SIGNALS.frameSchema()));
    RunRecord record = run.commit();

    Row runs =
        spark.read().parquet(out.resolve("tables/runs/run_id=" + run.runId()).toString()).first();
    assertThat(runs.<String>getAs("job")).isEqualTo("test");
    assertThat(runs.<String>getAs("params_json")).isEqualTo("{\"iou\":0.5}");
    assertThat(runs.<String>getAs("inputs_json")).isEqualTo("{\"v-a/gt\":\"ab12\"}");
    assertThat(runs.<String>getAs("models_json")).isEqualTo("{\"customer\":\"cd34\"}");
    assertThat(runs.<String>getAs("row_counts_json")).isEqualTo("{\"signals\":1}");
    assertThat(runs.<String>getAs("tracker_path")).isEqualTo("fallback");
    assertThat(runs.<Long>getAs("ended_at")).isGreaterThanOrEqualTo(runs.<Long>getAs("started_at"));
    assertThat(record.rowCounts()).containsEntry("signals", 1L);
    assertThat(Files.exists(out.resolve(".staging/" + run.runId()))).isFalse();
  }

  @Test
  void runIdDependsOnParametersAndInputsOnly() {
    String a = runId(Map.of("iou", 0.5), Map.of("x", "1"));
    String same = runId(Map.of("iou", 0.5), Map.of("x", "1"));
    String other = runId(Map.of("iou", 0.7), Map.of("x", "1"));
    assertThat(a).isEqualTo(same).isNotEqualTo(other).startsWith("test-");
  }

  /** Starts and aborts a run (one writer per root: an unfinished run would hold the lock). */
  private String runId(Map<String, ?> params, Map<String, String> inputs) {
    JobRun run = JobRun.start(spark, "test", JobOptions.of(out.toString()), params, inputs);
    run.abort();
    return run.runId();
  }

  @Test
  void badRowsBelowTheLimitAreQuarantinedAndTheRunCompletes() {
    JobRun run =
        JobRun.start(spark, "test", new JobOptions(out.toString(), "r1", 0.10), Map.of(), Map.of());
    run.quarantine(List.of(bad("v-a", 7)), 20);
    run.commit();

    Row q = spark.read().parquet(out.resolve("tables/quarantine/run_id=r1").toString()).first();
    assertThat(q.<String>getAs("file")).isEqualTo("gt.txt");
    assertThat(q.<String>getAs("reason"))
        .isEqualTo("gt.txt, line 7, frame 4, field 'bb_width': width is negative");
    assertThat(q.<Long>getAs("line")).isEqualTo(7L);
    assertThat(q.<String>getAs("video_id")).isEqualTo("v-a");
    assertThat(Files.exists(out.resolve("tables/runs/run_id=r1"))).isTrue();
  }

  @Test
  void badRowsAboveTheLimitFailTheRunButKeepTheQuarantineVisible() {
    JobRun run =
        JobRun.start(spark, "test", new JobOptions(out.toString(), "r1", 0.10), Map.of(), Map.of());
    run.stage(
        Table.SIGNALS,
        spark.createDataFrame(
            List.of(RowFactory.create(3, "entropy", 0.9, "v-a")), Table.SIGNALS.frameSchema()));

    assertThatThrownBy(
            () -> run.quarantine(List.of(bad("v-a", 7), bad("v-b", 9), bad("v-b", 10)), 20))
        .isInstanceOf(TooManyBadRowsException.class)
        .hasMessageContaining("3 of 20")
        .hasMessageNotContaining("/secret");
    assertThat(spark.read().parquet(out.resolve("tables/quarantine/run_id=r1").toString()).count())
        .isEqualTo(3);
    assertThat(Files.exists(out.resolve("tables/signals"))).isFalse();
    assertThat(Files.exists(out.resolve("tables/runs"))).isFalse();
  }
}
