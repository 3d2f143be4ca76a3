package io.keyframe.spark.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.spark.RunTables;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer-model path of the track job on real local Spark: the real bedroom clip (two people,
 * one bed in view) through the real DEIMv2 atto COCO detector, first 20 frames.
 */
class ModelTrackJobTest {
  private static final Path SHARED = Path.of(System.getProperty("keyframe.shared", "../shared"));
  private static final Path MODEL = SHARED.resolve("models/deimv2_hgnetv2_atto_coco.onnx");

  /** {@code sha256sum deimv2_hgnetv2_atto_coco.onnx} (GNU coreutils). */
  private static final String MODEL_SHA256 =
      "b114aa6610ac7c2bd9b3186ffb001afa872430db957407ef2473f7148d00646e";

  private static final int FRAMES = 20;

  private final SparkSession spark = SharedSpark.get();
  @TempDir Path tmp;

  @Test
  void customerModelDetectsAndTheFallbackTracksTheRealClip() throws Exception {
    Path videos = Files.createDirectories(tmp.resolve("videos"));
    // The same clip under two video IDs.
    for (String name : List.of("bedroom.mp4", "bedroom-copy.mp4"))
      Files.copy(SHARED.resolve("videos/bedroom.mp4"), videos.resolve(name));
    Path out = tmp.resolve("out");
    int openBefore = DetectorCache.openCount();

    RunRecord run =
        TrackJob.runModel(
            spark,
            TrackJob.ModelOptions.of(
                    JobOptions.of(out.toString()), videos.toString(), MODEL.toString(), "tracker")
                .withMaxFrames(FRAMES));

    assertThat(run.models()).containsEntry("deimv2_hgnetv2_atto_coco", MODEL_SHA256);
    Row runs =
        spark.read().parquet(out.resolve("tables/runs/run_id=" + run.runId()).toString()).first();
    assertThat(runs.<String>getAs("models_json")).contains(MODEL_SHA256);
    assertThat(runs.<String>getAs("tracker_path")).isEqualTo("fallback");

    Dataset<Row> det = RunTables.read(spark, out, "detections", run);
    assertThat(
            det.select("video_id")
                .distinct()
                .sort("video_id")
                .as(Encoders.STRING())
                .collectAsList())
        .containsExactly("bedroom", "bedroom-copy");
    // One session for the whole job (driver check + both videos share this JVM in local mode).
    assertThat(DetectorCache.openCount()).isLessThanOrEqualTo(openBefore + 1).isPositive();
    // The same clip twice gives the same model output, whichever task ran it.
    assertThat(
            det.where("video_id = 'bedroom-copy'")
                .drop("video_id")
                .sort("source", "frame", "track_id", "x", "y")
                .collectAsList())
        .isEqualTo(
            det.where("video_id = 'bedroom'")
                .drop("video_id")
                .sort("source", "frame", "track_id", "x", "y")
                .collectAsList());
    det = det.where("video_id = 'bedroom'");
    Dataset<Row> model = det.where("source = 'deimv2_hgnetv2_atto_coco'");
    assertThat(model.where("track_id <> -1").count()).isZero();
    assertThat(model.where("frame < 0 or frame >= " + FRAMES).count()).isZero();
    assertThat(
            model
                .where("score >= 0.5")
                .select("label")
                .distinct()
                .as(Encoders.STRING())
                .collectAsList())
        .contains("person", "bed");

    Dataset<Row> tracks = det.where("source = 'tracker'");
    assertThat(tracks.count()).isPositive();
    assertThat(tracks.where("track_id < 0").count()).isZero();
    assertThat(tracks.groupBy("frame", "track_id").count().where("count > 1").count())
        .as("an ID twice in one frame")
        .isZero();
    // The two people stay in view for the whole 20 frames: their tracks span (almost) all of them.
    List<Row> spans =
        tracks
            .where("label = 'person'")
            .groupBy("track_id")
            .agg(
                org.apache.spark.sql.functions.min("frame").as("first"),
                org.apache.spark.sql.functions.max("frame").as("last"))
            .collectAsList();
    assertThat(spans)
        .anyMatch(r -> r.<Integer>getAs("last") - r.<Integer>getAs("first") >= FRAMES - 5);

    Dataset<Row> throughput = RunTables.read(spark, out, "throughput", run);
    assertThat(throughput.count()).isEqualTo(2);
    assertThat(throughput.where("frames = " + FRAMES + " and frames_per_s > 0").count())
        .isEqualTo(2);
  }

  @Test
  void aBadModelFailsBeforeAnyOutputWithTheTrackerModulesError() throws Exception {
    Path videos = Files.createDirectories(tmp.resolve("videos"));
    Files.copy(SHARED.resolve("videos/bedroom.mp4"), videos.resolve("bedroom.mp4"));
    Path bad = Files.writeString(tmp.resolve("broken.onnx"), "not a model");
    Path out = tmp.resolve("out");

    assertThatThrownBy(
            () ->
                TrackJob.runModel(
                    spark,
                    TrackJob.ModelOptions.of(
                            JobOptions.of(out.toString()),
                            videos.toString(),
                            bad.toString(),
                            "tracker")
                        .withMaxFrames(FRAMES)))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("not a loadable ONNX model");
    assertThat(out.resolve("tables")).doesNotExist();
  }
}
