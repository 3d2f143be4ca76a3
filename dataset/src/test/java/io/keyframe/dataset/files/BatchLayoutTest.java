package io.keyframe.dataset.files;

import static io.keyframe.dataset.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchLayoutTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "gt.mot.txt, gt, gt",
    "gt.txt, gt, gt",
    "model.coco.json, model, model",
    "annotator-A.cvat.xml, annotator-A, annotator-A",
    "annotator-dr.lee.cvat.xml, annotator-dr.lee, annotator-dr.lee",
    "tracker-bytetrack.mot.txt, tracker-bytetrack, tracker-bytetrack",
    "tracks.mot.txt, tracks, tracks",
    "predictions.json, predictions, predictions",
    "dr.lee.coco.json, dr.lee,",
    "alice.ytvis.json, alice,",
    "ward-3.xml, ward-3,",
    "gt-old.mot.txt, gt-old,",
    "annotator-.xml, annotator-,",
    ".gt.txt, .gt,",
    "meta.json, meta,",
    ".mot.txt, .mot,"
  })
  void aFileIsFromItsNameWithoutTheFormatExtensionAndHasARoleWhenThatNamesOne(
      String fileName, String source, String role) {
    assertThat(BatchLayout.sourceOf(fileName)).isEqualTo(source);
    assertThat(BatchLayout.roleOf(fileName)).isEqualTo(Optional.ofNullable(role));
  }

  @Test
  void theSourceIsNotTheVideoIdThatTheNameGives() {
    assertThat(BatchLayout.sourceOf("gt.mot.txt")).isEqualTo("gt");
    assertThat(Video.idFromFileName("gt.mot.txt")).isEqualTo("gt.mot");
  }

  /**
   * A video folder without meta.json: every role file, whatever its format extension, is the
   * folder's video (before, {@code gt.mot.txt} was the video "gt.mot" and {@code gt.txt} "ward-3").
   */
  @Test
  void roleFilesWithoutMetaJsonAreTheVideoOfTheirFolder() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("ward-3"));
    String rows = "1,1,10,20,30,40,1,1,1\n2,1,12,20,30,40,1,1,1\n";
    for (String name : new String[] {"gt.mot.txt", "gt.txt", "annotator-A.mot.txt"})
      Files.writeString(dir.resolve(name), rows);
    for (String name : new String[] {"gt.mot.txt", "gt.txt", "annotator-A.mot.txt"})
      assertThat(AnnotationFiles.read(dir.resolve(name)).video().id()).as(name).isEqualTo("ward-3");
    Path other = Files.writeString(dir.resolve("ward-3b.mot.txt"), rows);
    assertThat(AnnotationFiles.read(other).video().id()).isEqualTo("ward-3b.mot");
  }

  @Test
  void aMetaJsonThatIsNotJsonIsRefusedNamingItsLine() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("ward-3"));
    Files.writeString(dir.resolve("meta.json"), "{\"video\": {\"id\": \"ward-3\",\n oops}}");
    Path gt = Files.writeString(dir.resolve("gt.mot.txt"), "1,1,10,20,30,40,1,1,1\n");
    assertRefused(
        () -> BatchLayout.videoOfFolder(gt),
        "meta.json, line 2, field 'meta.json': not JSON: Unexpected character ('o'");
  }
}
