package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.frames.FrameSource;
import io.keyframe.dataset.frames.ImageFolderFrameSource;
import io.keyframe.dataset.frames.nifti.NiftiFrameSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VideoTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "ward-3.xml, ward-3",
    "gt.txt, gt",
    "vol.nii.gz, vol",
    "VOL.NII.GZ, VOL",
    "study.2024.dcm, study.2024",
    "noextension, noextension",
    ".hidden, .hidden"
  })
  void theVideoIdOfAFileIsItsNameWithoutTheExtension(String fileName, String id) {
    assertThat(Video.idFromFileName(fileName)).isEqualTo(id);
  }

  /**
   * Third-party files that name no video and give no frame rate: every reader names the video after
   * the file and assumes {@link Video#UNKNOWN_FPS}, whatever the file is called.
   */
  @ParameterizedTest
  @CsvSource({
    "real/mot/mmtracking/train/results/TUD-Campus.txt, ward-3.txt",
    "real/cvat/datumaro_for_images_train.xml, ward-3.xml",
    "real/coco/datumaro_instances_train.json, ward-3.json",
    "real/coco/labelformat_object_detection_train.json, ward-3.json"
  })
  void readersNameAnUnnamedVideoAfterTheFileStemAtTheUnknownFrameRate(String real, String as)
      throws IOException {
    Path copy = Files.copy(Path.of("src/test/resources", real), tmp.resolve(as));
    Video video = AnnotationFiles.read(copy).video();
    assertThat(video.id()).isEqualTo("ward-3");
    assertThat(video.fps()).isEqualTo(Video.UNKNOWN_FPS);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -25, Double.NaN, Double.POSITIVE_INFINITY})
  void everyVideoAndFrameSourceRefusesTheSameFrameRates(double fps) {
    Path nifti = Path.of("src/test/resources/real/nifti/anatomical.nii");
    assertThatThrownBy(() -> new Video("v", fps, 4, 3, 1, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fps must be > 0: " + fps);
    assertThatThrownBy(() -> new FrameSource.Format(1, fps, 4, 3))
        .hasMessage("fps must be > 0: " + fps);
    assertThatThrownBy(() -> new ImageFolderFrameSource(tmp, fps))
        .hasMessage("fps must be > 0: " + fps);
    assertThatThrownBy(() -> new NiftiFrameSource(nifti, fps))
        .hasMessage("fps must be > 0: " + fps);
  }
}
