package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One test-name style across the modules: camelCase sentences, as in metrics' {@code
 * MotAccumulatorTest} ({@code motaIsPooledNotAveragedPerFrame}), never snake_case. The check reads
 * every module's test sources from the repository root (this module's parent folder).
 */
class TestNameStyleTest {
  private static final Pattern TEST =
      Pattern.compile(
          "@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b[^;{]*?\\bvoid\\s+(\\w+)\\s*\\(",
          Pattern.DOTALL);

  @Test
  void everyTestMethodInEveryModuleIsACamelCaseSentence() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<String> snake = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module :
          modules.filter(m -> Files.isDirectory(m.resolve("src/test/java"))).toList())
        try (Stream<Path> files = Files.walk(module.resolve("src/test/java"))) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            Matcher m = TEST.matcher(Files.readString(f));
            while (m.find()) {
              seen++;
              if (m.group(2).contains("_")) snake.add(root.relativize(f) + ": " + m.group(2));
            }
          }
        }
    }
    assertThat(seen).as("test methods found under %s", root).isGreaterThan(500);
    assertThat(snake).as("snake_case test names").isEmpty();
  }
}
