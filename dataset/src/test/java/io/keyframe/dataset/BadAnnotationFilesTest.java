package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.mot.MotOptions;
import io.keyframe.dataset.mot.MotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Every file under bad/ fails with one BadAnnotationException that says where and what. */
class BadAnnotationFilesTest {
  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/bad/cases.csv")
  void badFileNamesFileLineFrameAndField(
      String name, long line, long frame, String field, String classes) {
    Path file = Path.of("src/test/resources/bad", name);
    BadAnnotationException e =
        catchThrowableOfType(
            BadAnnotationException.class,
            () -> {
              if (classes != null)
                MotReader.read(
                    file, MotOptions.defaults().withClasses(Arrays.asList(classes.split(";"))));
              else AnnotationFiles.read(file);
            });
    assertThat(e).as("no BadAnnotationException for " + name).isNotNull();
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.frame()).isEqualTo(frame);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith(file.toString()).contains("field '" + field + "'");
    if (line >= 0) assertThat(e.getMessage()).contains(", line " + line);
    if (frame >= 0) assertThat(e.getMessage()).contains(", frame " + frame);
  }

  @Test
  void everyFileUnderBadIsACase() throws IOException {
    Path root = Path.of("src/test/resources/bad");
    Set<String> listed =
        Files.readAllLines(root.resolve("cases.csv")).stream()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .map(l -> l.substring(0, l.indexOf(',')))
            .collect(Collectors.toSet());
    try (Stream<Path> files = Files.walk(root)) {
      Set<String> present =
          files
              .filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .filter(n -> !n.equals("cases.csv") && !n.endsWith("seqinfo.ini"))
              .collect(Collectors.toSet());
      assertThat(listed).isEqualTo(present);
    }
  }
}
