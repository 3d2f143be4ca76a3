package io.keyframe.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.data.RunManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server reads only the partitions and files a run's manifest lists, and names a corrupt part
 * file.
 */
class CommittedPartitionsTest {
  @TempDir Path root;

  @Test
  void partitionsAndFilesTheManifestDoesNotListAreNeverRead() throws Exception {
    ParquetFixture f = SampleBatch.oneVideo(root, "vidA");
    Files.writeString(
        root.resolve("tables/runs/run_id=r1/" + RunManifest.FILE),
        "{\"run_id\":\"r1\",\"tables\":{\"detections\":{\"video_id=vidA\":[\"part-00000.parquet\"]}}}");
    // Strays a torn or hand-copied run could leave: another video, another part file in a listed
    // video.
    f.write(
        "detections",
        "r1",
        "vidStale",
        ParquetFixture.rows(SampleBatch.det("gt", 0, 1, "iv_pole", true)));
    f.write(
        "detections",
        "r1",
        "vidA",
        ParquetFixture.rows(SampleBatch.det("gt", 9, 1, "iv_pole", true)));

    ReportData data = ReportData.load(root);
    assertThat(data.table("detections").rowCount()).isEqualTo(2);
    assertThat(data.table("detections").stringColumn("video_id").unique().asList())
        .containsExactly("vidA");
  }

  @Test
  void runsWrittenBeforeManifestsExistedReadEveryPartition() {
    SampleBatch.oneVideo(root, "vidA")
        .write(
            "detections",
            "r1",
            "vidB",
            ParquetFixture.rows(SampleBatch.det("gt", 0, 1, "iv_pole", true)));
    assertThat(ReportData.load(root).table("detections").rowCount()).isEqualTo(3);
  }

  @Test
  void aCorruptPartFileIsAnErrorNamingTheFile() throws Exception {
    SampleBatch.oneVideo(root, "vidA");
    Path part = root.resolve("tables/detections/run_id=r1/video_id=vidA/part-00000.parquet");
    byte[] bytes = Files.readAllBytes(part);
    Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ReportData.load(root))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("part-00000.parquet")
        .hasMessageContaining("unreadable Parquet part file");
  }
}
