package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The round trip a writer and its reader must survive: the value, then the bytes. */
public final class RoundTrip {
  private RoundTrip() {}

  /** A format's writer, e.g. {@code CvatVideoWriter::write}. */
  public interface Writer {
    void write(Path file, AnnotationSet set) throws IOException;
  }

  /** A format's reader, e.g. {@code CvatVideoReader::read}. */
  public interface Reader {
    AnnotationSet read(Path file) throws IOException;
  }

  /**
   * Writes {@code set} to {@code dir/a.EXT} and reads it back, which must equal {@code set}; writes
   * what was read to {@code dir/b.EXT}, whose bytes must equal the first file's. Returns the first
   * file.
   */
  public static Path assertValueAndBytesSurvive(
      Path dir, String extension, AnnotationSet set, Writer writer, Reader reader)
      throws IOException {
    Path a = dir.resolve("a." + extension), b = dir.resolve("b." + extension);
    writer.write(a, set);
    AnnotationSet back = reader.read(a);
    assertThat(back).isEqualTo(set);
    writer.write(b, back);
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    return a;
  }
}
