package io.keyframe.report.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotebookNameTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"../../../etc/passwd", "/etc/passwd", "a/b", "..", ".hidden", "x\u0000y"})
  void namesThatArePathsAreRefused(String name) {
    assertThat(NotebookMain.checkName(name, dir)).startsWith("notebook names are bare file names");
  }

  @Test
  void anUnknownNameListsTheNotebooksThereAre() throws Exception {
    Files.writeString(dir.resolve("agreement.jsh"), "// x");
    assertThat(NotebookMain.checkName("nosuch", dir))
        .isEqualTo("no notebook nosuch in " + dir + "; available: agreement");
    assertThat(NotebookMain.checkName("agreement", dir)).isNull();
    assertThat(NotebookMain.checkName("agreement.jsh", dir)).isNull();
  }
}
