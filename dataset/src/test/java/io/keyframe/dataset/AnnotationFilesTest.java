package io.keyframe.dataset;

import static io.keyframe.dataset.TestSets.trackedBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.keyframe.dataset.files.AnnotationFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnotationFilesTest {
  @TempDir Path tmp;

  private static Path resource(String name) {
    return Path.of("src/test/resources/formats", name);
  }

  @ParameterizedTest
  @CsvSource({
    "cvat_video_sample.xml, CVAT_VIDEO",
    "coco_uncompressed.json, COCO",
    "ytvis_sample.json, YOUTUBE_VIS"
  })
  void detectsTheFormatOfResourceFiles(String name, AnnotationFormat want) throws IOException {
    assertThat(AnnotationFiles.detect(resource(name))).isEqualTo(want);
  }

  @Test
  void detectsSavAndMotAndSniffsContentWhenTheExtensionSaysNothing() throws IOException {
    assertThat(AnnotationFiles.detect(SharedData.refdata("sav", "sav_000001_auto.json")))
        .isEqualTo(AnnotationFormat.SAV);
    assertThat(AnnotationFiles.detect(SharedData.refdata("motchallenge", "TUD-Campus", "gt.txt")))
        .isEqualTo(AnnotationFormat.MOT);
    Path noExt = tmp.resolve("annotations");
    Files.copy(resource("cvat_video_sample.xml"), noExt);
    assertThat(AnnotationFiles.detect(noExt)).isEqualTo(AnnotationFormat.CVAT_VIDEO);
    Files.copy(
        resource("ytvis_sample.json"), noExt, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(AnnotationFiles.detect(noExt)).isEqualTo(AnnotationFormat.YOUTUBE_VIS);
  }

  @Test
  void summarisesSavManualMasklets() throws IOException {
    AnnotationSummary s =
        AnnotationFiles.summarize(SharedData.refdata("sav", "sav_000001_manual.json"));
    assertThat(s.format()).isEqualTo(AnnotationFormat.SAV);
    assertThat(List.of(s.width(), s.height(), s.frameCount())).containsExactly(480, 848, 483);
    assertThat(s.tracks()).isEqualTo(5);
    assertThat(s.annotatedFrames()).isEqualTo(121);
    // Non-empty masks per masklet: 120 + 121 + 110 + 8 + 121 (sav_expected.csv).
    assertThat(s.detections()).isEqualTo(480);
    assertThat(s.withMask()).isEqualTo(480);
    assertThat(s.withBox()).isZero();
    assertThat(s.perLabel()).containsExactly(entry("object", 480L));
  }

  @Test
  void summarisesCvatFlags() throws IOException {
    AnnotationSummary s = AnnotationFiles.summarize(resource("cvat_video_sample.xml"));
    assertThat(s.occluded()).isEqualTo(1);
    assertThat(s.outside()).isEqualTo(1);
    assertThat(s.keyframes()).isEqualTo(4);
    assertThat(s.perLabel()).containsExactly(entry("iv_pole", 3L), entry("bed_rail", 2L));
    assertThat(s.annotatedFrames()).isEqualTo(4);
  }

  @Test
  void summarisesTudCampus() throws IOException {
    AnnotationSummary s =
        AnnotationFiles.summarize(SharedData.refdata("motchallenge", "TUD-Campus", "gt.txt"));
    assertThat(s.detections()).isEqualTo(359);
    assertThat(s.tracks()).isEqualTo(8);
    assertThat(s.untracked()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"MOT, a.txt", "CVAT_VIDEO, a.xml", "COCO, a.json", "YOUTUBE_VIS, a.json"})
  void convertsTudCampusToEveryWritableFormatAndBack(AnnotationFormat format, String name)
      throws IOException {
    AnnotationSet tud =
        AnnotationFiles.read(SharedData.refdata("motchallenge", "TUD-Campus", "gt.txt"));
    Path out = tmp.resolve(name);
    AnnotationFiles.write(out, tud, format);
    assertThat(AnnotationFiles.detect(out)).isEqualTo(format);
    AnnotationSet back = AnnotationFiles.read(out);
    assertThat(back.detections()).hasSameSizeAs(tud.detections());
    assertThat(back.tracks())
        .extracting(Track::id)
        .containsExactlyElementsOf(tud.tracks().stream().map(Track::id).toList());
  }

  @Test
  void savIsReadOnly() {
    assertThat(AnnotationFormat.SAV.writable()).isFalse();
    AnnotationSet empty =
        new AnnotationSet(
            new Video("v", 30, 4, 4, 1, ""), Provenance.unknown(), List.of(), List.of());
    assertThatThrownBy(
            () -> AnnotationFiles.write(tmp.resolve("x.json"), empty, AnnotationFormat.SAV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not write");
  }

  @Test
  void parsesFormatNamesUsersType() {
    assertThat(AnnotationFormat.parse("ytvis")).isEqualTo(AnnotationFormat.YOUTUBE_VIS);
    assertThat(AnnotationFormat.parse("CVAT")).isEqualTo(AnnotationFormat.CVAT_VIDEO);
    assertThatThrownBy(() -> AnnotationFormat.parse("voc"))
        .hasMessageContaining("mot, cvat, coco, cocovid, ytvis, sav");
  }

  @ParameterizedTest
  @CsvSource({"MOT, a.txt", "COCO, a.json"})
  void aWriterThatFailsHalfwayLeavesTheOldFileAndNoTempFile(AnnotationFormat format, String name)
      throws IOException {
    Path out = tmp.resolve(name);
    Files.writeString(out, "previous content");
    Video v = new Video("v", 30, 10, 10, 3, "");
    // An infinite score cannot be printed; the writer fails after it has written the first
    // detection.
    AnnotationSet set =
        TestSets.objects(
            v,
            Detection.of(0, 1, "object", new Box(1, 1, 2, 2)),
            trackedBox(1, 1, "object", new Box(1, 1, 2, 2))
                .score(Double.POSITIVE_INFINITY)
                .build());
    assertThatThrownBy(() -> AnnotationFiles.write(out, set, format))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.readString(out)).isEqualTo("previous content");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).containsExactly(out);
    }
  }

  @ParameterizedTest
  @CsvSource({"MOT, a.txt", "CVAT_VIDEO, a.xml", "COCO, a.json", "YOUTUBE_VIS, a.json"})
  void writersRefuseATrackTwiceInOneFrameBecauseNoReaderWouldTakeItBack(
      AnnotationFormat format, String name) {
    AnnotationSet set =
        TestSets.objects(
            new Video("v", 30, 10, 10, 3, ""),
            Detection.of(1, 4, "object", new Box(1, 1, 2, 2)),
            Detection.of(1, 4, "object", new Box(3, 3, 2, 2)));
    assertThatThrownBy(() -> AnnotationFiles.write(tmp.resolve(name), set, format))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("track 4 appears twice in frame 1");
    assertThat(tmp.resolve(name)).doesNotExist();
  }

  @ParameterizedTest
  @CsvSource({"CVAT_VIDEO, a.xml", "COCO, a.json", "YOUTUBE_VIS, a.json"})
  void aVideoShorterThanItsAnnotationsIsWrittenLongEnoughToReadBack(
      AnnotationFormat format, String name) throws IOException {
    AnnotationSet set =
        TestSets.objects(
            new Video("v", 30, 10, 10, 2, ""), Detection.of(4, 1, "object", new Box(1, 1, 2, 2)));
    AnnotationFiles.write(tmp.resolve(name), set, format);
    AnnotationSet back = AnnotationFiles.read(tmp.resolve(name));
    assertThat(back.video().frameCount()).isEqualTo(5);
    assertThat(back.detections()).containsExactlyElementsOf(set.detections());
  }
}
