package io.keyframe.dataset.frames.dicom;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real DICOM test files under {@code real/dicom} (see SOURCES.md there). */
final class RealDicom {
  private RealDicom() {}

  static Path file(String name) {
    try {
      return Path.of(RealDicom.class.getResource("/real/dicom/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test file missing: real/dicom/" + name, e);
    }
  }

  /** Stored sample at (row, column, sample) of an interleaved frame, numpy's arr[row, col, s]. */
  static int at(int[] stored, DicomImage img, int row, int col, int sample) {
    return stored[(row * img.columns() + col) * img.samplesPerPixel() + sample];
  }

  /** numpy's arr[row, col:col+n] of a one-sample frame: {@code n} stored values along a row. */
  static int[] alongRow(int[] stored, DicomImage img, int row, int col, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = at(stored, img, row, col + i, 0);
    return out;
  }

  /** numpy's arr[row, col] of a multi-sample frame: every sample of one pixel. */
  static int[] samplesAt(int[] stored, DicomImage img, int row, int col) {
    int[] out = new int[img.samplesPerPixel()];
    for (int i = 0; i < out.length; i++) out[i] = at(stored, img, row, col, i);
    return out;
  }
}
