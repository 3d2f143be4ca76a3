package io.keyframe.spark.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Video;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.output.BadRecord;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.NestedValues;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rank.RankJob;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.spark.rows.VideoFrames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Videos rebuilt from Parquet rows take their size, rate and length from the {@code videos} table
 * the run that brought them in wrote, not from how far their boxes reach. Video {@code ward-1} is
 * 640x480 at 25 fps, 100 frames; its one ground-truth track stands at x 200-300, y 100-200 on
 * frames 0-49 and is gone after, far from every edge and long before the end.
 */
class VideoTablesTest {
  private static final String VIDEO = "ward-1";

  private final SparkSession spark = SharedSpark.get();
  @TempDir Path dir;

  private String detectionsPath() {
    return dir.resolve("tables/detections/run_id=gen-1").toString();
  }

  /** Frames 0-{@code last} of track 1, box (200, 100) 100x100. */
  private List<Row> trackRows(int last) {
    List<Row> rows = new ArrayList<>();
    for (int f = 0; f <= last; f++)
      rows.add(
          DetectionRows.toRow(
              VIDEO,
              "gt",
              Detection.builder(f, "person").trackId(1).box(new Box(200, 100, 100, 100)).build()));
    return rows;
  }

  private void writeDetections(List<Row> rows) {
    spark
        .createDataFrame(rows, Table.DETECTIONS.frameSchema())
        .write()
        .partitionBy("video_id")
        .parquet(detectionsPath());
  }

  /** The videos row as ingest and generate write it: width, height, fps, frames, sources, id. */
  private void writeVideosRow(int width, int height, double fps, int frames) {
    Row row =
        RowFactory.create(width, height, fps, frames, NestedValues.list(List.<Row>of()), VIDEO);
    spark
        .createDataFrame(List.of(row), Table.VIDEOS.frameSchema())
        .write()
        .partitionBy("video_id")
        .parquet(dir.resolve("tables/videos/run_id=gen-1").toString());
  }

  private DetectionRows.VideoSets rebuilt() {
    Map<String, VideoFrames> frames =
        VideoTables.besideDetections(spark, List.of(detectionsPath()));
    List<Row> rows =
        DetectionTables.read(spark, List.of(detectionsPath()), List.of()).collectAsList();
    return DetectionRows.group(VIDEO, "test", frames.get(VIDEO), rows);
  }

  @Test
  void aVideoWhoseBoxesNeverReachTheEdgeComesBackAtItsTableSizeAndRate() {
    writeDetections(trackRows(49));
    writeVideosRow(640, 480, 25.0, 100);

    Video v = rebuilt().bySource().get("gt").video();

    assertThat(v.width()).isEqualTo(640);
    assertThat(v.height()).isEqualTo(480);
    assertThat(v.fps()).isEqualTo(25.0);
    assertThat(v.frameCount()).isEqualTo(100);
    assertThat(v.id()).isEqualTo(VIDEO);
  }

  @Test
  void aRunWrittenBeforeTheVideosTableFallsBackToBoxExtentsAndTheAssumedRate() {
    writeDetections(trackRows(49));

    assertThat(VideoTables.besideDetections(spark, List.of(detectionsPath()))).isEmpty();
    Video v = rebuilt().bySource().get("gt").video();

    // The box's far corner (300, 200), the last detection's frame 49 + 1, and the rate a reader
    // assumes when its file does not say (Video.UNKNOWN_FPS, 30), not a made-up 1 fps.
    assertThat(v.width()).isEqualTo(300);
    assertThat(v.height()).isEqualTo(200);
    assertThat(v.frameCount()).isEqualTo(50);
    assertThat(v.fps()).isEqualTo(30.0);
  }

  @Test
  void aDetectionPastTheVideosLastFrameIsQuarantinedNotScored() {
    writeDetections(trackRows(49));
    writeVideosRow(640, 480, 25.0, 45);

    DetectionRows.VideoSets sets = rebuilt();

    // Frames 45-49 lie past a 45-frame video: five bad rows, 45 kept.
    assertThat(sets.rows()).isEqualTo(50);
    assertThat(sets.bySource().get("gt").detections()).hasSize(45);
    assertThat(sets.bad())
        .hasSize(5)
        .extracting(BadRecord::frame)
        .containsExactly(45L, 46L, 47L, 48L, 49L);
    assertThat(sets.bad()).allSatisfy(b -> assertThat(b.field()).isEqualTo("frame"));
    assertThat(sets.bySource().get("gt").video().frameCount()).isEqualTo(45);
  }

  @Test
  void theVideosTableStandsBesideTheDetectionsTable() {
    assertThat(VideoTables.besideDetections("/out/tables/detections/run_id=gen-1"))
        .isEqualTo("/out/tables/videos/run_id=gen-1");
    assertThat(VideoTables.besideDetections("s3a://bucket/out/tables/detections"))
        .isEqualTo("s3a://bucket/out/tables/videos");
    assertThat(VideoTables.besideDetections("/data/exported-boxes")).isNull();
  }

  /**
   * The bug this fixes: with the size guessed from the boxes (300x200, 50 frames) the track's end
   * at frame 49 sat on the guessed right edge and on the guessed last frame, so rank's track_ends
   * signal took it for an exit and scored nothing; in the real 640x480, 100-frame video it is a
   * track lost mid-picture. TrackEnds' defaults: 20 frames after the end from 1 down by 1/20, 3
   * frames inside from 1 down by 1/4, 20 px margin.
   */
  @Test
  void rankScoresATrackLostMidPictureAndTheFramesAfterTheLastDetection() {
    writeDetections(trackRows(49));
    writeVideosRow(640, 480, 25.0, 100);

    RunRecord run =
        RankJob.run(
            spark,
            new RankJob.Options(
                JobOptions.of(dir.resolve("ranked").toString()),
                List.of(detectionsPath()),
                List.of(),
                null,
                null,
                null,
                List.of("gt"),
                "10%",
                0.1,
                1));

    Dataset<Row> signals =
        spark
            .read()
            .parquet(dir.resolve("ranked/tables/signals/run_id=" + run.runId()).toString())
            .where(functions.col("signal").equalTo("track_ends"));
    Map<Integer, Double> byFrame = new java.util.TreeMap<>();
    for (Row r : signals.collectAsList())
      byFrame.put(r.<Integer>getAs("frame"), r.<Double>getAs("value"));
    assertThat(byFrame).hasSize(100);
    assertThat(byFrame.get(45)).isEqualTo(0.0);
    assertThat(byFrame.get(46)).isCloseTo(1 - 3 / 4.0, within(1e-12));
    assertThat(byFrame.get(49)).isCloseTo(1.0, within(1e-12));
    assertThat(byFrame.get(50)).isCloseTo(1.0, within(1e-12));
    assertThat(byFrame.get(51)).isCloseTo(1 - 1 / 20.0, within(1e-12));
    assertThat(byFrame.get(69)).isCloseTo(1 - 19 / 20.0, within(1e-12));
    assertThat(byFrame.get(70)).isEqualTo(0.0);
    assertThat(run.inputs().keySet()).anyMatch(k -> k.startsWith("1/video_id="));
  }
}
