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
}
