package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keyframe.dataset.AnnotationSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaInputsTest {
  static final Path V0 =
      Path.of(System.getProperty("keyframe.root", "."), "data-samples", "clinic-s7-v00");

  @TempDir Path tmp;

  /**
   * Annotators whose names have dots are told apart by the whole name before the format extension,
   * as ingest names them: before, {@code dr.lee}, {@code dr.who} and {@code dr.x} were one "dr" and
   * two of the three files were dropped.
   */
  @Test
  void annotatorsWithDotsInTheirNamesAreEachRead() throws IOException {
    assumeTrue(Files.isDirectory(V0), "data-samples/ is not in this checkout");
    Path dir = Files.createDirectories(tmp.resolve("ward-3"));
    Files.copy(V0.resolve("gt.coco.json"), dir.resolve("gt.coco.json"));
    Files.copy(V0.resolve("annotator-A.cvat.xml"), dir.resolve("dr.lee.cvat.xml"));
    Files.copy(V0.resolve("annotator-B.cvat.xml"), dir.resolve("dr.who.cvat.xml"));
    // A MOT file records no provenance: the annotator is named after the file.
    Files.copy(V0.resolve("gt.mot.txt"), dir.resolve("dr.x.mot.txt"));
    List<VideoLabels> videos = QaInputs.read(tmp, true);
    assertThat(videos).hasSize(1);
    assertThat(videos.get(0).reference()).isNotNull();
    // The CVAT files record their annotators (annotator-A, annotator-B) in keyframe_provenance.
    assertThat(videos.get(0).annotators())
        .extracting((AnnotationSet s) -> s.provenance().source())
        .containsExactlyInAnyOrder("annotator-A", "annotator-B", "dr.x");
  }
}
