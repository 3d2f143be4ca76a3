package io.keyframe.spark.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM and NIfTI in the model track job on real local Spark: a multi-frame DICOM, a DICOM series
 * folder and a NIfTI volume sit in the videos folder like MP4s and are detected frame by frame.
 */
class MedicalVideosTrackJobTest {
  private static final Path SHARED = Path.of(System.getProperty("keyframe.shared", "../shared"));
  private static final Path REAL =
      Path.of(System.getProperty("keyframe.root", ".."), "dataset/src/test/resources/real");

  private final SparkSession spark = SharedSpark.get();
  @TempDir Path tmp;

  @Test
  void dicomAndNiftiAreVideosOfTheTrackJob() throws Exception {
    Path videos = Files.createDirectories(tmp.resolve("videos"));
    Files.copy(REAL.resolve("dicom/emri_small.dcm"), videos.resolve("emri_small.dcm"));
    Files.copy(REAL.resolve("nifti/example4d.nii.gz"), videos.resolve("example4d.nii.gz"));
    Path series = Files.createDirectories(videos.resolve("ct5n"));
    try (Stream<Path> s = Files.list(REAL.resolve("dicom/series-ct5n"))) {
      for (Path p : s.toList()) Files.copy(p, series.resolve(p.getFileName()));
    }
    assertThat(TrackJob.videoFiles(videos))
        .extracting(p -> Path.of(p).getFileName().toString())
        .containsExactly("ct5n", "emri_small.dcm", "example4d.nii.gz");

    RunRecord run =
        TrackJob.runModel(
            spark,
            TrackJob.ModelOptions.of(
                JobOptions.of(tmp.resolve("out").toString()),
                videos.toString(),
                SHARED.resolve("models/yolox_nano.onnx").toString(),
                "tracker"));
    // Frames per video: 5 CT slices, 10 emri_small frames, 24 example4d slices along z.
    List<String> frames =
        spark
            .read()
            .parquet(tmp.resolve("out/tables/throughput/run_id=" + run.runId()).toString())
            .selectExpr("concat(video_id, '=', frames)")
            .as(Encoders.STRING())
            .collectAsList();
    assertThat(frames).containsExactlyInAnyOrder("ct5n=5", "emri_small=10", "example4d=24");
  }
}
