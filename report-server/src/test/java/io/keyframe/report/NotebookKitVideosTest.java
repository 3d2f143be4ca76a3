package io.keyframe.report;

import static io.keyframe.report.ParquetFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Video;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.notebook.NotebookKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The notebooks' {@link AnnotationSet}s carry each video's true size, rate and length from the
 * {@code videos} table, read back from Parquet as a notebook reads it; only runs written before
 * that table existed fall back to the boxes' extent and {@link Video#UNKNOWN_FPS}.
 */
class NotebookKitVideosTest {
  /**
   * {@link SampleBatch#oneVideo}: track 1 at x = 300, y = 120 + 10 * frame, 150 x 300 on frames 0
   * and 1, reaching x 450 and y 430, far from the edges of a 640x480 frame.
   */
  @TempDir Path root;

  private Video videoOfWard() {
    ReportData report = ReportData.load(root);
    Table det = NotebookKit.newestPerSource(root, report, "detections", "source");
    Map<String, Map<String, AnnotationSet>> sets = NotebookKit.annotationSets(det, report.videos());
    assertThat(sets).containsOnlyKeys("ward");
    assertThat(sets.get("ward")).containsOnlyKeys("gt");
    return sets.get("ward").get("gt").video();
  }

  @Test
  void aVideosRowGivesTheTrueSizeRateAndLengthThoughNoBoxReachesTheEdge() {
    SampleBatch.oneVideo(root, "ward")
        .write(
            "videos",
            "r1",
            "ward",
            ParquetFixture.rows(
                row(
                    640,
                    480,
                    25.0,
                    250,
                    List.<Object[]>of(new Object[] {"gt", "ward.xml", "ab12"}))));

    Video v = videoOfWard();

    assertThat(v.id()).isEqualTo("ward");
    assertThat(v.width()).isEqualTo(640);
    assertThat(v.height()).isEqualTo(480);
    assertThat(v.fps()).isEqualTo(25.0);
    assertThat(v.frameCount()).isEqualTo(250);
  }

  @Test
  void aRunWithoutTheVideosTableFallsBackToTheBoxesExtentAndTheUnknownRate() {
    SampleBatch.oneVideo(root, "ward");

    Video v = videoOfWard();

    // x 300 + 150 and y 130 + 300 on frame 1; frames 0..1 are 2 frames.
    assertThat(v.width()).isEqualTo(450);
    assertThat(v.height()).isEqualTo(430);
    assertThat(v.frameCount()).isEqualTo(2);
    assertThat(v.fps()).isEqualTo(Video.UNKNOWN_FPS).isNotEqualTo(15.0);
  }
}
