package io.keyframe.dataset.mot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Detection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read without a layout finds it in the pass that reads the file; it must read what a read forced
 * to the layout {@link MotReader#layout} finds would read.
 */
class MotLayoutDetectionTest {
  private static final String RESULTS = "1,1,10,10,5,5,0.9,-1,-1,-1\n";
  private static final String CLASS_7 = "2,1,10,10,5,5,1,7,0.25,-1\n";
  private static final String WORLD = "3,1,10,10,5,5,1,-4.2,3.3,0\n";
  @TempDir Path tmp;

  @Test
  void resultsLinesThenAClassLineReadAsAFileForcedToMot16() throws IOException {
    Path f = write("a.txt", RESULTS + CLASS_7 + RESULTS.replace("1,1,", "3,1,"));

    assertThat(MotReader.read(f).detections())
        .isEqualTo(read(f, MotLayout.MOT16).detections())
        .extracting(Detection::label)
        .containsExactly("object", "7", "object");
    assertThat(MotReader.layout(f)).isEqualTo(MotLayout.MOT16);
  }

  @Test
  void aWorldCoordinateLineAfterAClassLineMakesTheWholeFileMot15() throws IOException {
    Path f = write("b.txt", RESULTS + CLASS_7 + WORLD);

    assertThat(MotReader.read(f).detections())
        .isEqualTo(read(f, MotLayout.MOT15).detections())
        .extracting(Detection::label)
        .containsOnly("object");
    assertThat(MotReader.layout(f)).isEqualTo(MotLayout.MOT15);
  }

  @Test
  void aBadVisibilityIsRefusedAtItsLineAsInAForcedRead() throws IOException {
    Path f = write("c.txt", RESULTS + "2,1,10,10,5,5,1,7,2,-1\n" + "3,1,10,10,-5,5,1,7,1,-1\n");

    for (MotOptions options :
        new MotOptions[] {MotOptions.defaults(), MotOptions.defaults().withLayout(MotLayout.MOT16)})
      assertThatThrownBy(() -> MotReader.read(f, options))
          .isInstanceOfSatisfying(
              BadAnnotationException.class,
              e -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.field()).isEqualTo("visibility");
              });
  }

  @Test
  void aFileRewrittenAfterItsReadIsScannedAgain() throws IOException {
    Path f = write("d.txt", RESULTS);
    MotReader.read(f);
    assertThat(MotReader.layout(f)).isEqualTo(MotLayout.MOT15);

    Files.writeString(f, RESULTS + CLASS_7);
    assertThat(MotReader.layout(f)).isEqualTo(MotLayout.MOT16);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static io.keyframe.dataset.AnnotationSet read(Path f, MotLayout layout)
      throws IOException {
    return MotReader.read(f, MotOptions.defaults().withLayout(layout));
  }
}
