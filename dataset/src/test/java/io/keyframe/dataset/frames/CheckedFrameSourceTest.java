package io.keyframe.dataset.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The step {@link CheckedFrameSource} shares, on real files (real/SOURCES.md) of two formats. */
class CheckedFrameSourceTest {
  private static Path real(String name) {
    try {
      return Path.of(CheckedFrameSourceTest.class.getResource("/real/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "dicom/emri_small.dcm   | 10 | DicomFrameSource[10 frames, 64x64, 5.0 fps]",
        "nifti/example4d.nii.gz | 24 | NiftiFrameSource[24 slices along Z, 128x96]"
      })
  void framesOutsideTheSourceAreIndexErrorsNamingTheRange(String file, int frames, String shown) {
    try (FrameSource src = FrameSource.open(real(file), 5)) {
      assertThat(src).isInstanceOf(CheckedFrameSource.class).hasToString(shown);
      assertThat(src.read(frames - 1).index()).isEqualTo(frames - 1);
      assertThatThrownBy(() -> src.read(frames))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessage("frame " + frames + " not in [0, " + frames + ")");
      assertThatThrownBy(() -> src.read(-1))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessage("frame -1 not in [0, " + frames + ")");
    }
  }
}
