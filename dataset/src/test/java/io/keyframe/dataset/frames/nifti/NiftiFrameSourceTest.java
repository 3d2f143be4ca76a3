package io.keyframe.dataset.frames.nifti;

import static io.keyframe.dataset.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.frames.FrameSource;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nibabel's test images (nibabel/tests/data at 4704d90). Shapes, types and zooms as nibabel's
 * test_scripts.py asserts for example4d ("int16 [128, 96, 24, 2] 2.00x2.00x2.20x2000.00"); voxel
 * values as nibabel 5.0 reads them (get_fdata), recorded in SOURCES.md.
 */
class NiftiFrameSourceTest {
  static Path file(String name) {
    try {
      return Path.of(NiftiFrameSourceTest.class.getResource("/real/nifti/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void example4dHeaderMatchesNibLs() {
    NiftiVolume v = NiftiVolume.read(file("example4d.nii.gz"));
    assertThat(v.rank()).isEqualTo(4);
    assertThat(new int[] {v.size(0), v.size(1), v.size(2), v.size(3)})
        .containsExactly(128, 96, 24, 2);
    assertThat(v.datatype()).isEqualTo(NiftiVolume.INT16);
    assertThat(v.spacing(0)).isEqualTo(2.0);
    assertThat(v.spacing(2)).isCloseTo(2.2, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(v.spacing(3)).isEqualTo(2000.0);
    // nibabel: f[60,50,10,0] == 470, f[64,48,12,1] == 266, f[0,0,0,0] == 0
    assertThat(v.value(60, 50, 10, 0)).isEqualTo(470);
    assertThat(v.value(64, 48, 12, 1)).isEqualTo(266);
    assertThat(v.value(0, 0, 0, 0)).isEqualTo(0);
  }

  @Test
  void slicesAlongZAreFramesOfXByY() {
    try (FrameSource src = FrameSource.open(file("example4d.nii.gz"), 10)) {
      assertThat(src).isInstanceOf(NiftiFrameSource.class);
      assertThat(src.format()).isEqualTo(new FrameSource.Format(24, 10, 128, 96));
      // cal_min 0, cal_max 1162 in the header: 470 shows as round(470 / 1162 * 255).
      int g = src.read(10).image().getRGB(60, 50) & 0xFF;
      assertThat(g).isEqualTo((int) Math.round(470 / 1162.0 * 255));
    }
  }

  @Test
  void otherAxesAndVolumes() {
    try (NiftiFrameSource y =
        new NiftiFrameSource(file("example4d.nii.gz"), NiftiFrameSource.Axis.Y, 1, 5)) {
      assertThat(y.frameCount()).isEqualTo(96);
      assertThat(y.width()).isEqualTo(128);
      assertThat(y.height()).isEqualTo(24);
      assertThat(y.value(48, 64, 12)).isEqualTo(266);
    }
    try (NiftiFrameSource x =
        new NiftiFrameSource(file("example4d.nii.gz"), NiftiFrameSource.Axis.X, 0, 5)) {
      assertThat(x.frameCount()).isEqualTo(128);
      assertThat(x.width()).isEqualTo(96);
      assertThat(x.value(60, 50, 10)).isEqualTo(470);
    }
    assertRefused(
        () -> new NiftiFrameSource(file("example4d.nii.gz"), NiftiFrameSource.Axis.Z, 2, 5),
        "volume 2");
  }

  @Test
  void bigEndianAnatomical() {
    NiftiVolume v = NiftiVolume.read(file("anatomical.nii"));
    assertThat(new int[] {v.size(0), v.size(1), v.size(2)}).containsExactly(33, 41, 25);
    // nibabel: dtype >i2, a[30,40,10] == 7890, a[0,0,0] == 10712, min -610, max 30393
    assertThat(v.value(30, 40, 10, 0)).isEqualTo(7890);
    assertThat(v.value(0, 0, 0, 0)).isEqualTo(10712);
    try (NiftiFrameSource s = new NiftiFrameSource(file("anatomical.nii"), 5)) {
      assertThat(s.displayRange()).containsExactly(-610.0, 30393.0);
    }
  }

  @Test
  void uint8MaskHasThirtyVoxelsSet() {
    NiftiVolume v = NiftiVolume.read(file("standard.nii.gz"));
    assertThat(v.datatype()).isEqualTo(NiftiVolume.UINT8);
    assertThat(new double[] {v.spacing(0), v.spacing(1), v.spacing(2)})
        .containsExactly(1.0, 3.0, 2.0);
    int on = 0;
    for (int z = 0; z < 7; z++)
      for (int y = 0; y < 5; y++) for (int x = 0; x < 4; x++) if (v.value(x, y, z, 0) == 255) on++;
    // nibabel: (data > 0).sum() == 30; first set voxels (0,0,1), (0,1,0)
    assertThat(on).isEqualTo(30);
    assertThat(v.value(0, 0, 1, 0)).isEqualTo(255);
    assertThat(v.value(0, 1, 0, 0)).isEqualTo(255);
    assertThat(v.value(0, 0, 0, 0)).isEqualTo(0);
  }

  @Test
  void notNiftiAndTruncatedFilesAreRefused(@TempDir Path tmp) throws Exception {
    Path junk = tmp.resolve("junk.nii");
    Files.write(junk, new byte[400]);
    assertRefused(() -> NiftiVolume.read(junk), "sizeof_hdr");
    byte[] all = Files.readAllBytes(file("anatomical.nii"));
    Path cut = tmp.resolve("cut.nii");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    assertRefused(() -> NiftiVolume.read(cut), "truncated");
  }
}
