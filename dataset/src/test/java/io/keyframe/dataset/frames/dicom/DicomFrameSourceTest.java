package io.keyframe.dataset.frames.dicom;

import static io.keyframe.dataset.RefusalAssertions.assertRefused;
import static io.keyframe.dataset.frames.dicom.RealDicom.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.Frame;
import io.keyframe.dataset.frames.FrameSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomFrameSourceTest {

  @Test
  void aMultiFrameInstanceIsAVideoOfItsFrames() {
    try (FrameSource src = FrameSource.open(file("emri_small.dcm"), 7)) {
      assertThat(src).isInstanceOf(DicomFrameSource.class);
      // emri_small has no Frame Time, Cine Rate or Recommended Display Frame Rate: the default
      // rate (7) applies.
      assertThat(src.format()).isEqualTo(new FrameSource.Format(10, 7, 64, 64));
      assertThat(((DicomFrameSource) src).fpsFromFile()).isFalse();
      int n = 0;
      for (Frame f : src) assertThat(f.index()).isEqualTo(n++);
      assertThat(n).isEqualTo(10);
    }
  }

  @Test
  void frameTimeGivesTheRate() {
    DicomDataset d = new DicomDataset();
    d.put(DicomElement.text(DicomTags.FRAME_TIME, "DS", "33.3333"));
    assertThat(DicomFrameSource.frameRate(d))
        .isCloseTo(1000 / 33.3333, org.assertj.core.data.Offset.offset(1e-9));
    DicomDataset c = new DicomDataset();
    c.put(DicomElement.text(DicomTags.CINE_RATE, "IS", "25"));
    assertThat(DicomFrameSource.frameRate(c)).isEqualTo(25);
    DicomDataset r = new DicomDataset();
    r.put(DicomElement.text(DicomTags.RECOMMENDED_DISPLAY_FRAME_RATE, "IS", "12"));
    assertThat(DicomFrameSource.frameRate(r)).isEqualTo(12);
  }

  /**
   * pydicom's dicomdirtests/98892001/CT5N: five 16x16 CT slices whose Instance Numbers run against
   * z.
   */
  @Test
  void aSeriesFolderIsOrderedAlongTheSliceNormal() {
    Path folder = file("series-ct5n");
    assertThat(DicomFrameSource.isSeriesFolder(folder)).isTrue();
    try (FrameSource src = FrameSource.open(folder, 5)) {
      assertThat(src).isInstanceOf(DicomFrameSource.class);
      assertThat(src.frameCount()).isEqualTo(5);
      List<DicomFile> files = ((DicomFrameSource) src).files();
      // Image Position (Patient) z: 8.7625 (#6), 6.2625 (#7), 3.7625 (#8), 1.2625 (#9), -1.2375
      // (#10); orientation 1\0\0\0\1\0
      assertThat(
              files.stream()
                  .map(f -> f.dataset().integer(DicomTags.INSTANCE_NUMBER).getAsInt())
                  .toList())
          .containsExactly(10, 9, 8, 7, 6);
      // Slice #6 (file 2062) stored 1011 at [5, 5] (pydicom 2.3.1); intercept -1024, window 40/400.
      int g = src.read(4).image().getRGB(5, 5) & 0xFF;
      assertThat(g).isEqualTo((int) Math.round(((1011 - 1024 - 39.5) / 399 + 0.5) * 255));
    }
  }

  @Test
  void slicesWithoutAWindowShareTheSeriesRange(@TempDir Path tmp) throws Exception {
    for (DicomFile f : DicomFrameSource.series(file("series-ct5n"))) {
      DicomDataset d = f.dataset().copy();
      d.remove(DicomTags.WINDOW_CENTER);
      d.remove(DicomTags.WINDOW_WIDTH);
      try (var o = Files.newOutputStream(tmp.resolve(f.source().getFileName()))) {
        f.with(f.meta(), d).write(o);
      }
    }
    try (FrameSource src = FrameSource.open(tmp, 5)) {
      // Stored min 136 and max 1109 over the five slices (pydicom 2.3.1); intercept -1024 moves
      // both alike.
      int g = src.read(4).image().getRGB(5, 5) & 0xFF;
      assertThat(g).isEqualTo((int) Math.round((1011 - 136) / (double) (1109 - 136) * 255));
    }
  }

  @Test
  void withoutPositionsTheSeriesFallsBackToInstanceNumber() {
    List<DicomFile> files = new java.util.ArrayList<>(DicomFrameSource.series(file("series-ct5n")));
    List<DicomFile> stripped =
        files.stream()
            .map(
                f -> {
                  DicomDataset d = f.dataset().copy();
                  d.remove(DicomTags.IMAGE_POSITION_PATIENT);
                  return f.with(f.meta(), d);
                })
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    stripped.sort(DicomFrameSource.sliceOrder(stripped));
    assertThat(
            stripped.stream()
                .map(f -> f.dataset().integer(DicomTags.INSTANCE_NUMBER).getAsInt())
                .toList())
        .containsExactly(6, 7, 8, 9, 10);
  }

  @Test
  void aFolderWithTwoSeriesIsRefused(@TempDir Path tmp) throws Exception {
    Files.copy(file("MR_small.dcm"), tmp.resolve("a.dcm"));
    Files.copy(file("CT_small.dcm"), tmp.resolve("b.dcm"));
    assertRefused(() -> FrameSource.open(tmp, 5), "SeriesInstanceUID", "2 series");
  }

  @Test
  void aDicomFileWithoutExtensionIsRecognisedByItsPreamble(@TempDir Path tmp) throws Exception {
    Path p = tmp.resolve("IM0001");
    Files.copy(file("CT_small.dcm"), p);
    try (FrameSource src = FrameSource.open(p, 5)) {
      assertThat(src.width()).isEqualTo(128);
      assertThat(src.video("ct", "").frameCount()).isEqualTo(1);
    }
  }

  @Test
  void namesAreVideoFilesByExtension() {
    assertThat(FrameSource.isVideoFile(Path.of("a/study.dcm"))).isTrue();
    assertThat(FrameSource.isVideoFile(Path.of("a/vol.nii.gz"))).isTrue();
    assertThat(FrameSource.isVideoFile(Path.of("a/vol.nii"))).isTrue();
    assertThat(FrameSource.isVideoFile(Path.of("a/notes.txt"))).isFalse();
  }
}
