package io.keyframe.spark.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.spark.RunTables;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SAM 2 path of the track job on real local Spark, with the tracker module's test-size SAM 2.1
 * bundle and clip (whose outputs {@code Sam2ParityTest} proves equal to the official predictor):
 * two copies of the clip, prompts from a human source's boxes in a detections table, tracks,
 * occlusion events and throughput through the same tables as the fallback, {@code tracker_path =
 * sam2}.
 */
class Sam2TrackJobTest {
  private static final Path PARITY =
      Path.of("../tracker/src/test/resources/io/keyframe/tracker/sam2/parity-sam2.1");
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path tmp;

  @Test
  void cudaOnTheCpuBuildFailsOnTheDriverBeforeAnythingIsWritten() {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        ai.onnxruntime.OrtEnvironment.getAvailableProviders()
            .contains(ai.onnxruntime.OrtProvider.CUDA),
        "a GPU build");
    Path out = tmp.resolve("out");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                TrackJob.runSam2(
                    spark,
                    new TrackJob.Sam2Options(
                        JobOptions.of(out.toString()),
                        tmp.toString(),
                        PARITY.toString(),
                        List.of(),
                        "human",
                        0,
                        30,
                        "sam2",
                        "cuda:0",
                        0)))
        .isInstanceOf(io.keyframe.tracker.sam2.Sam2SessionSettings.DeviceUnavailableException.class)
        .hasMessageContaining("onnxruntime_gpu");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void sam2TracksABatchFromHumanBoxesIntoTheFallbacksTables() throws Exception {
    Path videos = Files.createDirectories(tmp.resolve("videos"));
    for (String v : List.of("clip-a", "clip-b")) {
      Path dir = Files.createDirectories(videos.resolve(v));
      try (Stream<Path> pngs = Files.list(PARITY.resolve("frames"))) {
        for (Path p : pngs.toList()) Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    // The parity clip's box prompts for object 1 (frame 0 and the re-initialisation at 6) and a box
    // around object 2's disc on frame 0 (the parity test clicks it instead).
    List<Row> rows = new ArrayList<>();
    for (String v : List.of("clip-a", "clip-b")) {
      rows.add(
          DetectionRows.toRow(
              v,
              "human",
              Detection.of(0, 1, "iv_pole", new Box(14, 50, 26, 26))
                  .withFlags(false, false, true)));
      rows.add(
          DetectionRows.toRow(
              v,
              "human",
              Detection.of(0, 2, "monitor", new Box(85, 89, 22, 22))
                  .withFlags(false, false, true)));
      rows.add(
          DetectionRows.toRow(
              v,
              "human",
              Detection.of(6, 1, "iv_pole", new Box(38, 50, 26, 26))
                  .withFlags(false, false, true)));
    }
    Path humans = tmp.resolve("humans");
    spark.createDataFrame(rows, Table.DETECTIONS.frameSchema()).write().parquet(humans.toString());
    Path out = tmp.resolve("out");
    int openBefore = Sam2TrackerCache.openCount();

    RunRecord run =
        TrackJob.runSam2(
            spark,
            new TrackJob.Sam2Options(
                JobOptions.of(out.toString()),
                videos.toString(),
                PARITY.toString(),
                List.of(humans.toString()),
                "human",
                0,
                30,
                "sam2",
                "cpu",
                0));

    assertThat(run.trackerPath()).isEqualTo("sam2");
    Row runs =
        spark.read().parquet(out.resolve("tables/runs/run_id=" + run.runId()).toString()).first();
    assertThat(runs.<String>getAs("tracker_path")).isEqualTo("sam2");
    assertThat(run.models()).containsKey("sam2.1-mini-test-seed2");
    // The runs row names the tracker, the loop's settings and the bundle's (from its manifest).
    JsonNode params = new ObjectMapper().readTree(runs.<String>getAs("params_json"));
    assertThat(params.get("tracker").asText()).isEqualTo("sam2-video-predictor");
    JsonNode config = params.get("tracker_config");
    assertThat(config.get("min_occlusion_frames").asInt()).isEqualTo(3);
    assertThat(config.get("auto_prompt_score").asDouble()).isEqualTo(0.5);
    assertThat(config.get("bundle").get("model").asText()).isEqualTo("sam2.1-mini-test-seed2");
    // parity-sam2.1/manifest.json: SAM 2.1's num_maskmem = 7.
    assertThat(config.get("bundle").get("num_maskmem").asInt()).isEqualTo(7);
    // Both videos ran on one set of sessions in this JVM, and the run records their settings.
    assertThat(Sam2TrackerCache.openCount()).isEqualTo(openBefore + 1);
    JsonNode session = config.get("session");
    assertThat(session.get("device").asText()).isEqualTo("cpu");
    assertThat(session.get("onnxruntime_version").asText()).isEqualTo("1.24.2");
    assertThat(session.get("intra_op_threads").asInt())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(session.get("execution_mode").asText()).isEqualTo("sequential");
    assertThat(session.get("optimization_level").asText()).isEqualTo("all_opt");
    assertThat(config.get("bundle").get("precision").asText()).isEqualTo("fp32");
    assertThat(params.get("bundle_sha256").asText())
        .isEqualTo(run.models().get("sam2.1-mini-test-seed2"));
    Dataset<Row> det = RunTables.read(spark, out, "detections", run);
    assertThat(det.where("source <> 'sam2'").count()).isZero();
    assertThat(det.where("track_id not in (1, 2)").count()).isZero();
    assertThat(det.groupBy("video_id", "frame", "track_id").count().where("count > 1").count())
        .as("an ID twice in one frame")
        .isZero();
    // The prompts come back as keyframe shapes with their classes; the tracked frames carry masks.
    assertThat(det.where("keyframe").count()).isEqualTo(6);
    assertThat(det.where("track_id = 2").select("label").distinct().collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("monitor");
    assertThat(det.where("not keyframe and mask_rle is null").count()).isZero();
    // Same clip twice, same result, whichever task ran it.
    assertThat(
            det.where("video_id = 'clip-b'")
                .drop("video_id")
                .sort("frame", "track_id")
                .collectAsList())
        .isEqualTo(
            det.where("video_id = 'clip-a'")
                .drop("video_id")
                .sort("frame", "track_id")
                .collectAsList());
    // Object 1 has exactly the parity clip's prompts and SAM 2 tracks objects independently, so its
    // frames are the official predictor's: visible (object score > 0) or prompted.
    List<Integer> expected = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode st :
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(PARITY.resolve("reference.json").toFile())
            .get("steps"))
      if (st.get("object").asInt() == 1
          && (st.get("conditioning").asBoolean() || st.get("object_score").asDouble() > 0))
        expected.add(st.get("frame").asInt());
    assertThat(
            det.where("video_id = 'clip-a' and track_id = 1")
                .sort("frame")
                .select("frame")
                .collectAsList())
        .extracting(r -> r.getInt(0))
        .containsExactlyElementsOf(expected);
    Dataset<Row> occ =
        RunTables.read(spark, out, "occlusion_events", run).where("video_id = 'clip-a'");
    // its hidden spans (frames 5 and 7, around the keyframe at 6) are shorter than the 3 frames
    // reported
    assertThat(occ.where("track_id = 1").count()).isZero();
    Dataset<Row> throughput = RunTables.read(spark, out, "throughput", run);
    assertThat(throughput.where("frames = 12 and frames_per_s > 0").count()).isEqualTo(2);
  }
}
