package io.keyframe.dataset.mot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file read from its bytes (ASCII assumed until a byte says otherwise) gives what the strictly
 * decoded route gives, the route every non-ASCII file took before: the same set, or the same error
 * with the same message, whichever line comes first, with or without a layout to detect.
 */
class MotReadRoutesTest {
  @TempDir Path dir;

  private static final String GOOD = "1,1,2,3,4,5,1,1,1\n";
  private static final String RESULT = "1,2,2,3,4,5,1,-1,-1,-1\n";

  static Stream<Arguments> files() {
    byte[] ff = {(byte) 0xff};
    byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    return Stream.of(
        file("ascii MOT16", GOOD + "2,1,2,3,4,5,1,2,0.5\n"),
        file(
            "ascii results then MOT16",
            RESULT + RESULT.replace("1,2,", "2,2,") + "3,1,2,3,4,5,1,1,1"),
        file("BOM, CRLF", "\uFEFF1,1,2,3,4,5,1,-1,-1,-1\r\n\r\n2,1,2,3,4,5,1,-1,-1,-1\r\n"),
        file("a bad line, all ASCII", GOOD + "2,x,2,3,4,5,1,1,1\n"),
        file("UTF-8 text in a field", GOOD + "2,1,2,3,4,5,1,1,1 \u00e9t\u00e9\n"),
        file("UTF-8 blank line", GOOD + "\u2003\n2,1,2,3,4,5,1,1,1\n"),
        file("UTF-8 after a bad line", "1,1,2,3,4,5,1\n2,x,2,3,4,5,1\n3,1,2,3,4,5,1 \u00e9\n"),
        file(
            "0xff after a bad line", bytes("1,1,2,3,4,5,1\n2,x,2,3,4,5,1\n3,1,", ff, ",3,4,5,1\n")),
        file("0xff in the first line", bytes("1,1,", ff, ",3,4,5,1\n2,x,2,3,4,5,1\n")),
        file("0xff after the layout's first evidence", bytes(RESULT + GOOD, ff, "\n")),
        file("0xff in a results file", bytes(RESULT + RESULT.replace("1,2,", "2,2,"), ff)),
        file(
            "latin-1 after a bad line",
            bytes(GOOD + "2,1,0,3,4,5,1,1,1\n3,1,2,3,0,5,1,1,1 ", latin1, "\n")),
        file("frame 0, then non-ASCII", "0,1,2,3,4,5,1\n2,1,2,3,4,5,1,1,1 \u00e9\n"));
  }

  private static Arguments file(String name, String text) {
    return Arguments.of(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static Arguments file(String name, byte[] bytes) {
    return Arguments.of(name, bytes);
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts)
      out.writeBytes(p instanceof byte[] b ? b : ((String) p).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void readingTheBytesAnswersAsTheDecodedRoute(String name, byte[] content) throws IOException {
    Path f = dir.resolve("gt.txt");
    Files.write(f, content);
    // Layout first: a read remembers the layout it found, and layout(f) would answer from that.
    assertThat(outcome(() -> MotReader.layout(f)))
        .as(name)
        .isEqualTo(outcome(() -> MotLines.decoded(f, MotReader::layout)));
    for (MotOptions options :
        List.of(
            MotOptions.defaults(),
            MotOptions.defaults().withLayout(MotLayout.MOT16),
            MotOptions.defaults().withLayout(MotLayout.MOT15))) {
      Object decoded = outcome(() -> MotReader.readDecoded(f, options));
      assertThat(outcome(() -> MotReader.read(f, options))).as(name).isEqualTo(decoded);
    }
  }

  private interface Read {
    Object get() throws IOException;
  }

  /** The value read, or the error's class and message. */
  private static Object outcome(Read read) {
    try {
      return read.get();
    } catch (IOException | RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
