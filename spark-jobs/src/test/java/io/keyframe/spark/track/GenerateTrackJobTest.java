package io.keyframe.spark.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.Detection;
import io.keyframe.spark.RunTables;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.generate.GenerateJob;
import io.keyframe.spark.generate.SynthBatch;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.JobRun;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.synth.ClinicVideoGenerator;
import io.keyframe.synth.GeneratedVideo;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generate → track on real local Spark, read back from the Parquet files. */
class GenerateTrackJobTest {
  private static final SynthBatch BATCH = SynthBatch.of(2, 60, 4, 3);
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path out;

  private Dataset<Row> table(String name, RunRecord run) {
    return RunTables.read(spark, out, name, run);
  }

  @Test
  void generatedBatchRoundTripsThroughTheDetectionsTableAndIsTrackedByTheFallback()
      throws Exception {
    RunRecord gen =
        GenerateJob.run(spark, new GenerateJob.Options(JobOptions.of(out.toString()), BATCH));
    GeneratedVideo first = new ClinicVideoGenerator(BATCH.toSpec()).generate(0);
    String video = first.video().id();
    Dataset<Row> det = table("detections", gen);

    List<String> sources =
        det.select("source")
            .distinct()
            .sort("source")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(sources).contains("gt", BATCH.modelName()).hasSize(2 + first.annotators().size());
    List<Detection> gtBack =
        det
            .where(det.col("video_id").equalTo(video).and(det.col("source").equalTo("gt")))
            .collectAsList()
            .stream()
            .map(DetectionRows::toDetection)
            .sorted(Comparator.comparingInt(Detection::frame).thenComparingInt(Detection::trackId))
            .toList();
    assertThat(gtBack).isEqualTo(first.groundTruth().detections());
    assertThat(
            det.where(det.col("source").equalTo(BATCH.modelName()))
                .where("class_probabilities is null")
                .count())
        .isZero();
    assertThat(gen.rowCounts().get("occlusion_events"))
        .isEqualTo(
            first.occlusions().size()
                + new ClinicVideoGenerator(BATCH.toSpec()).generate(1).occlusions().size());

    String input = out.resolve("tables/detections/run_id=" + gen.runId()).toString();
    RunRecord track =
        TrackJob.run(
            spark,
            new TrackJob.Options(
                JobOptions.of(out.toString()),
                List.of(input),
                BATCH.modelName(),
                "gt",
                30,
                "tracker"));
    assertThat(track.trackerPath()).isEqualTo("fallback");
    Dataset<Row> tracks = table("detections", track);
    assertThat(tracks.where("source <> 'tracker'").count()).isZero();
    assertThat(tracks.where("track_id < 0").count()).isZero();
    assertThat(tracks.count()).isPositive();
    Dataset<Row> throughput = table("throughput", track);
    assertThat(throughput.count()).isEqualTo(2);
    assertThat(throughput.where("frames = 60 and frames_per_s > 0").count()).isEqualTo(2);
    Row runs =
        spark.read().parquet(out.resolve("tables/runs/run_id=" + track.runId()).toString()).first();
    assertThat(runs.<String>getAs("tracker_path")).isEqualTo("fallback");
    // The runs row names the tracker and every one of its settings, as canonical JSON.
    JsonNode params = new ObjectMapper().readTree(runs.<String>getAs("params_json"));
    assertThat(params.get("tracker").asText()).isEqualTo("bytetrack-fallback");
    JsonNode config = params.get("tracker_config");
    assertThat(config.get("scores").get("high").asDouble()).isEqualTo(0.5);
    assertThat(config.get("matching").get("limit").asDouble()).isEqualTo(0.8);
    assertThat(config.get("lifecycle").get("max_lost_frames").asInt()).isEqualTo(30);
    assertThat(config.get("stitching").get("radius_growth_frames").asInt()).isEqualTo(150);
    assertThat(config.get("motion").get("velocity_noise").asDouble()).isEqualTo(1.0 / 160);
    // 3 score, 6 matching, 3 appearance, 3 lifecycle, 11 stitching and 2 motion settings.
    assertThat(leafCount(config)).isEqualTo(28);
    assertThat(runs.<String>getAs("params_json"))
        .isEqualTo(JobRun.canonicalJson(track.params()))
        .contains("\"tracker_config\":{\"appearance\":{\"gate\":0.5,");
  }

  private static int leafCount(JsonNode n) {
    if (!n.isObject()) return 1;
    int c = 0;
    for (JsonNode v : n) c += leafCount(v);
    return c;
  }
}
