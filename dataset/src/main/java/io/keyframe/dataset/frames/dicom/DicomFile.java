package io.keyframe.dataset.frames.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A DICOM Part 10 file: file meta information (group 0002), the data set, and the transfer syntax
 * the data set is encoded in.
 *
 * @param source the file it was read from (null for one built in memory)
 */
public record DicomFile(
    Path source, DicomDataset meta, DicomDataset dataset, TransferSyntax syntax) {
  public DicomFile {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(syntax, "syntax");
  }

  /**
   * Reads {@code file}.
   *
   * @throws io.keyframe.dataset.BadAnnotationException when it is not a Part 10 file or is
   *     truncated or malformed, naming the element
   */
  public static DicomFile read(Path file) {
    return DicomParser.read(file);
  }

  /** True when {@code file} has the Part 10 preamble ("DICM" at byte 128). */
  public static boolean isDicom(Path file) {
    return DicomParser.isPart10(file);
  }

  /** Writes this file in its own transfer syntax (deflated again when it was deflated). */
  public void write(OutputStream out) throws IOException {
    DicomWriter.write(this, out);
  }

  /** The same file with another data set and meta group. */
  public DicomFile with(DicomDataset newMeta, DicomDataset newDataset) {
    return new DicomFile(source, newMeta, newDataset, syntax);
  }

  @Override
  public String toString() {
    return "DicomFile[" + syntax.name() + ", " + dataset.size() + " elements]";
  }
}
