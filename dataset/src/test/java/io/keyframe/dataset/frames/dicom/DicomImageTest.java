package io.keyframe.dataset.frames.dicom;

import static io.keyframe.dataset.RefusalAssertions.assertRefused;
import static io.keyframe.dataset.frames.dicom.RealDicom.alongRow;
import static io.keyframe.dataset.frames.dicom.RealDicom.at;
import static io.keyframe.dataset.frames.dicom.RealDicom.file;
import static io.keyframe.dataset.frames.dicom.RealDicom.samplesAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pixel values asserted as pydicom's own reference tests assert them
 * (tests/pixels/pixels_reference.py at pydicom fb1f24e); display values by the PS3.3 formulas.
 */
class DicomImageTest {

  @Test
  void ctSmallStoredValuesAreSignedSixteenBitAsPydicomReads() {
    DicomFile f = DicomFile.read(file("CT_small.dcm"));
    assertThat(f.syntax().uid()).isEqualTo(TransferSyntax.EXPLICIT_LE);
    DicomImage img = DicomImage.of(f);
    assertThat(img.rows()).isEqualTo(128);
    assertThat(img.columns()).isEqualTo(128);
    assertThat(img.frames()).isEqualTo(1);
    int[] s = img.stored(0);
    // EXPL_16_16_1F: arr[24, 36:40] == [520, 802, 930, 1008]; arr[40:45, 40] == [1138, 1165, 1113,
    // 1088, 1072]
    assertThat(alongRow(s, img, 24, 36, 4)).containsExactly(520, 802, 930, 1008);
    for (int r = 40, i = 0; r < 45; r++, i++)
      assertThat(at(s, img, r, 40, 0)).isEqualTo(new int[] {1138, 1165, 1113, 1088, 1072}[i]);
    // Rescale Intercept -1024, slope 1 (the file's own attributes): stored 520 is -504 HU.
    assertThat(img.modality(520)).isEqualTo(-504.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MR_small.dcm", "MR_small_implicit.dcm"})
  void mrSmallReadsTheSameInExplicitAndImplicitVr(String name) {
    DicomImage img = DicomImage.of(DicomFile.read(file(name)));
    int[] s = img.stored(0);
    // EXPL_16_1_1F / IMPL_16_1_1F: arr[0, 31:34] == (422, 319, 361); arr[31, :3] == (366, 363,
    // 322);
    // arr[-1, -3:] == (1369, 1129, 862)
    assertThat(alongRow(s, img, 0, 31, 3)).containsExactly(422, 319, 361);
    assertThat(alongRow(s, img, 31, 0, 3)).containsExactly(366, 363, 322);
    assertThat(alongRow(s, img, 63, 61, 3)).containsExactly(1369, 1129, 862);
  }

  @Test
  void mrSmallDisplayUsesItsWindowCenter600Width1600() {
    DicomImage img = DicomImage.of(DicomFile.read(file("MR_small.dcm")));
    assertThat(img.hasWindow()).isTrue();
    BufferedImage d = img.display(0);
    // PS3.3 C.11.2.1.2.1: y = ((x - (c - 0.5)) / (w - 1) + 0.5) * 255 with c = 600, w = 1600.
    assertThat(d.getRGB(31, 0) & 0xFF)
        .isEqualTo((int) Math.round(((422 - 599.5) / 1599 + 0.5) * 255));
    assertThat(d.getRGB(63, 63) & 0xFF)
        .isEqualTo((int) Math.round(((862 - 599.5) / 1599 + 0.5) * 255));
    assertThat(d.getRGB(61, 63) & 0xFF)
        .isEqualTo((int) Math.round(((1369 - 599.5) / 1599 + 0.5) * 255));
    int rgb = d.getRGB(31, 0);
    assertThat((rgb >> 16) & 0xFF).isEqualTo(rgb & 0xFF); // grey
  }

  @Test
  void emriSmallIsTenFramesOfTwelveBitMr() {
    DicomImage img = DicomImage.of(DicomFile.read(file("emri_small.dcm")));
    assertThat(img.frames()).isEqualTo(10);
    assertThat(img.rows()).isEqualTo(64);
    // EXPL_16_1_10F: frame 0 arr[0, 31:34] == (206, 197, 159); frame 4 == (67, 82, 44);
    // frame 9 arr[31, :3] == (25, 4, 9) and arr[-1, -3:] == (227, 300, 147)
    int[] f0 = img.stored(0), f4 = img.stored(4), f9 = img.stored(9);
    assertThat(alongRow(f0, img, 0, 31, 3)).containsExactly(206, 197, 159);
    assertThat(alongRow(f4, img, 0, 31, 3)).containsExactly(67, 82, 44);
    assertThat(alongRow(f9, img, 31, 0, 3)).containsExactly(25, 4, 9);
    assertThat(alongRow(f9, img, 63, 61, 3)).containsExactly(227, 300, 147);
  }

  @Test
  void rtdoseIsFifteenFramesOfThirtyTwoBitInImplicitVr() {
    DicomFile f = DicomFile.read(file("rtdose.dcm"));
    assertThat(f.syntax().explicitVr()).isFalse();
    DicomImage img = DicomImage.of(f);
    assertThat(img.frames()).isEqualTo(15);
    // IMPL_32_1_15F: frame 0 arr[0, :3] == (1249000, 1249000, 1250000); frame 14 arr[-1, -3:] ==
    // (801000, 800000, 799000)
    int[] f0 = img.stored(0), f14 = img.stored(14);
    assertThat(alongRow(f0, img, 0, 0, 3)).containsExactly(1249000, 1249000, 1250000);
    assertThat(alongRow(f14, img, 9, 7, 3)).containsExactly(801000, 800000, 799000);
  }

  @Test
  void rgbPlanarConfigurationZero() {
    DicomImage img = DicomImage.of(DicomFile.read(file("SC_rgb.dcm")));
    BufferedImage d = img.display(0);
    // EXPL_8_3_1F: arr[5, 50] == (255, 0, 0), arr[15, 50] == (255, 128, 128), arr[45, 50] == (0, 0,
    // 255), arr[75, 50] == (64, 64, 64)
    assertThat(d.getRGB(50, 5) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(d.getRGB(50, 15) & 0xFFFFFF).isEqualTo(0xFF8080);
    assertThat(d.getRGB(50, 45) & 0xFFFFFF).isEqualTo(0x0000FF);
    assertThat(d.getRGB(50, 75) & 0xFFFFFF).isEqualTo(0x404040);
  }

  @Test
  void oddSizedRgb() {
    DicomImage img = DicomImage.of(DicomFile.read(file("SC_rgb_small_odd.dcm")));
    BufferedImage d = img.display(0);
    // EXPL_8_3_1F_ODD: row 0 == [166, 141, 52] x3, row 1 == [63, 87, 176] x3, row 2 == [158, 158,
    // 158] x3
    for (int c = 0; c < 3; c++) {
      assertThat(d.getRGB(c, 0) & 0xFFFFFF).isEqualTo((166 << 16) | (141 << 8) | 52);
      assertThat(d.getRGB(c, 1) & 0xFFFFFF).isEqualTo((63 << 16) | (87 << 8) | 176);
      assertThat(d.getRGB(c, 2) & 0xFFFFFF).isEqualTo((158 << 16) | (158 << 8) | 158);
    }
  }

  @Test
  void bigEndianRgbWithPlanarConfigurationOne() {
    DicomFile f = DicomFile.read(file("ExplVR_BigEnd.dcm"));
    assertThat(f.syntax().uid()).isEqualTo(TransferSyntax.EXPLICIT_BE);
    DicomImage img = DicomImage.of(f);
    BufferedImage d = img.display(0);
    // EXPB_8_8_3_1F_RGB: arr[9, 3:6] == [[171,171,171],[255,255,255],[255,255,0]]; arr[58, 8] ==
    // [255, 236, 0]
    assertThat(d.getRGB(3, 9) & 0xFFFFFF).isEqualTo(0xABABAB);
    assertThat(d.getRGB(4, 9) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    assertThat(d.getRGB(5, 9) & 0xFFFFFF).isEqualTo(0xFFFF00);
    assertThat(d.getRGB(8, 58) & 0xFFFFFF).isEqualTo((255 << 16) | (236 << 8));
  }

  @Test
  void deflatedDataSet() {
    DicomFile f = DicomFile.read(file("image_dfl.dcm"));
    assertThat(f.syntax().deflated()).isTrue();
    DicomImage img = DicomImage.of(f);
    int[] s = img.stored(0);
    // DEFL_8_1_1F: arr[300, 255:263] == (138, 65, 65, 65, 65, 35, 35, 35); arr[10].min() == 41, max
    // == 255
    int[] row = new int[8];
    for (int i = 0; i < 8; i++) row[i] = at(s, img, 300, 255 + i, 0);
    assertThat(row).containsExactly(138, 65, 65, 65, 65, 35, 35, 35);
    int min = 255, max = 0;
    for (int c = 0; c < 512; c++) {
      min = Math.min(min, at(s, img, 10, c, 0));
      max = Math.max(max, at(s, img, 10, c, 0));
    }
    assertThat(min).isEqualTo(41);
    assertThat(max).isEqualTo(255);
  }

  @Test
  void jpegBaselineWithRgbComponents() {
    DicomFile f = DicomFile.read(file("SC_rgb_dcmtk_+eb+cr.dcm"));
    assertThat(f.syntax().uid()).isEqualTo(TransferSyntax.JPEG_BASELINE);
    DicomImage img = DicomImage.of(f);
    int[] s = img.stored(0);
    // JPGB_08_08_3_0_1F_RGB: arr[5, 50] == (255, 0, 0); arr[35, 50] == (128, 255, 128); arr[85, 50]
    // == (192, 192, 192)
    assertThat(samplesAt(s, img, 5, 50)).containsExactly(255, 0, 0);
    assertThat(samplesAt(s, img, 35, 50)).containsExactly(128, 255, 128);
    assertThat(samplesAt(s, img, 85, 50)).containsExactly(192, 192, 192);
    assertThat(img.display(0).getRGB(50, 5) & 0xFFFFFF).isEqualTo(0xFF0000);
  }

  @Test
  void jpegBaselineYbrFullDecodesToTheComponentsPydicomReportsThenConvertsToRgb() {
    DicomImage img = DicomImage.of(DicomFile.read(file("SC_rgb_jpeg_dcmtk.dcm")));
    assertThat(img.photometric()).isEqualTo("YBR_FULL");
    int[] s = img.stored(0);
    // JPGB_08_08_3_1F_YBR_FULL (no colour conversion): arr[5, 50] == (76, 85, 255); arr[65, 50] ==
    // (0, 128, 128)
    assertThat(samplesAt(s, img, 5, 50)).containsExactly(76, 85, 255);
    assertThat(samplesAt(s, img, 65, 50)).containsExactly(0, 128, 128);
    int rgb = img.display(0).getRGB(50, 5);
    // PS3.3 C.7.6.3.1.2: R = Y + 1.402 (Cr - 128), G = Y - 0.344136 (Cb - 128) - 0.714136 (Cr -
    // 128), B = Y + 1.772 (Cb - 128)
    assertThat((rgb >> 16) & 0xFF).isEqualTo((int) Math.round(76 + 1.402 * (255 - 128)));
    assertThat((rgb >> 8) & 0xFF)
        .isEqualTo((int) Math.round(76 - 0.344136 * (85 - 128) - 0.714136 * (255 - 128)));
    assertThat(rgb & 0xFF).isEqualTo(0); // 76 + 1.772 * (85 - 128) = -0.2, clamped
  }

  @Test
  void jpeg2000IsRefusedNamingTheTransferSyntax() {
    DicomFile f = DicomFile.read(file("JPEG2000.dcm"));
    assertRefused(() -> DicomImage.of(f), "TransferSyntaxUID", "JPEG 2000");
  }

  @Test
  void aFileWithoutPreambleIsRefused(@TempDir Path tmp) throws Exception {
    Path p = tmp.resolve("x.dcm");
    Files.write(p, new byte[300]);
    assertRefused(() -> DicomFile.read(p), "DICM");
  }

  @Test
  void aTruncatedFileIsRefusedNamingTheElement(@TempDir Path tmp) throws Exception {
    byte[] all = Files.readAllBytes(file("MR_small.dcm"));
    Path p = tmp.resolve("cut.dcm");
    Files.write(p, java.util.Arrays.copyOf(all, all.length - 1000));
    assertRefused(() -> DicomImage.of(DicomFile.read(p)), "cut.dcm");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CT_small.dcm",
        "MR_small_implicit.dcm",
        "image_dfl.dcm",
        "SC_rgb_jpeg_dcmtk.dcm",
        "ExplVR_BigEnd.dcm",
        "emri_small.dcm"
      })
  void writingAndReadingBackKeepsEveryPixel(String name, @TempDir Path tmp) throws Exception {
    DicomFile f = DicomFile.read(file(name));
    Path out = tmp.resolve(name);
    try (var o = Files.newOutputStream(out)) {
      f.write(o);
    }
    DicomFile g = DicomFile.read(out);
    assertThat(g.syntax()).isEqualTo(f.syntax());
    assertThat(g.dataset().tags()).isEqualTo(f.dataset().tags());
    DicomImage a = DicomImage.of(f), b = DicomImage.of(g);
    for (int i = 0; i < a.frames(); i++) assertThat(b.stored(i)).isEqualTo(a.stored(i));
  }
}
