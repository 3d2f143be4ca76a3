package io.keyframe.dataset.mot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.BadAnnotationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An object id twice in one MOT frame is refused at its second line, in any frame order. */
class MotDuplicateIdTest {
  @TempDir Path tmp;

  @Test
  void anIdTwiceInOneFrameIsRefusedAtItsSecondLine() throws IOException {
    Path f = write("1,1,0,0,5,5,1\n1,2,0,0,5,5,1\n2,1,0,0,5,5,1\n2,2,0,0,5,5,1\n2,1,9,9,5,5,1\n");
    assertRefusedAt(f, 5, "object id 1 appears twice in MOT frame 2");
  }

  @Test
  void anIdTwiceInAFrameWhoseLinesAreNotTogetherIsRefusedToo() throws IOException {
    Path f = write("1,1,0,0,5,5,1\n2,1,0,0,5,5,1\n3,7,0,0,5,5,1\n1,2,0,0,5,5,1\n1,1,9,9,5,5,1\n");
    assertRefusedAt(f, 5, "object id 1 appears twice in MOT frame 1");
  }

  @Test
  void theSameIdsInEveryFrameInAnyFrameOrderAreFine() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int id = 1; id <= 3000; id++) b.append("1,").append(id).append(",0,0,5,5,1\n");
    for (int frame = 2; frame <= 300; frame++)
      for (int id = 1; id <= 3; id++) b.append(frame).append(',').append(id).append(",0,0,5,5,1\n");
    b.append("5,4,0,0,5,5,1\n1,3001,0,0,5,5,1\n");

    assertThat(MotReader.read(write(b.toString())).detections()).hasSize(3000 + 299 * 3 + 2);
  }

  private Path write(String text) throws IOException {
    return Files.writeString(tmp.resolve("res.txt"), text);
  }

  private static void assertRefusedAt(Path f, long line, String message) {
    assertThatThrownBy(() -> MotReader.read(f))
        .isInstanceOfSatisfying(
            BadAnnotationException.class,
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.field()).isEqualTo("id");
            })
        .hasMessageContaining(message);
  }
}
