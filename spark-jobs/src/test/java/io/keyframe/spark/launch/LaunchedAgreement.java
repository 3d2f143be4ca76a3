package io.keyframe.spark.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.spark.RunTables;
import io.keyframe.spark.agreement.AgreementJob;
import io.keyframe.spark.output.JobOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code tracking_metrics} an agreement job launched into {@code <dir>/submitted} wrote, next
 * to those of the same job called in-process into {@code <dir>/embedded} with the same detections
 * and run id.
 */
record LaunchedAgreement(Dataset<Row> submitted, Dataset<Row> embedded) {
  /**
   * {@code spark-submit}'s arguments: {@code submitOptions}, then the application, then the job's
   * own arguments for the run {@link #check} compares (output {@code <dir>/submitted}, reference
   * {@code gt}).
   */
  static String[] submitArguments(
      List<String> submitOptions, String application, Path dir, String detections, String runId) {
    List<String> args = new ArrayList<>(submitOptions);
    args.addAll(
        List.of(
            application,
            "--out",
            dir.resolve("submitted").toString(),
            "--detections",
            detections,
            "--reference",
            "gt",
            "--run-id",
            runId));
    return args.toArray(String[]::new);
  }

  /**
   * Runs the embedded call and checks that the launched run gave the same metrics: the all-videos,
   * all-classes MOTA (a ratio in [0,1]) and HOTA, the same number of rows, and a {@code runs} row.
   */
  static LaunchedAgreement check(SparkSession spark, Path dir, String detections, String runId) {
    AgreementJob.run(
        spark,
        AgreementJob.Options.of(
            new JobOptions(dir.resolve("embedded").toString(), runId, 0.01),
            List.of(detections),
            "gt"));
    Dataset<Row> submitted =
        RunTables.read(spark, dir.resolve("submitted"), "tracking_metrics", runId);
    Dataset<Row> embedded =
        RunTables.read(spark, dir.resolve("embedded"), "tracking_metrics", runId);
    Row all = submitted.where("video_id = '__all__' and label = '__all__'").first();
    Row expected = embedded.where("video_id = '__all__' and label = '__all__'").first();
    assertThat(all.<Double>getAs("mota"))
        .isCloseTo(expected.<Double>getAs("mota"), within(0.0))
        .isBetween(0.0, 1.0);
    assertThat(all.<Double>getAs("hota")).isEqualTo(expected.<Double>getAs("hota"));
    assertThat(submitted.count()).isEqualTo(embedded.count());
    assertThat(dir.resolve("submitted/tables/runs/run_id=" + runId)).exists();
    return new LaunchedAgreement(submitted, embedded);
  }
}
