package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pseudonym key file others may read stops every {@code --redact} alike, and the message says why
 * and how to fix it. In a child JVM: the CLI loads its key once per process ({@link Pseudonyms}).
 */
class PseudonymKeyCliTest {
  static final Path SAMPLES = OneToolTest.SAMPLES;
  static final Path V0 = OneToolTest.V0;

  @TempDir Path tmp;

  static List<String> argsFor(String command, Path tmp) {
    return switch (command) {
      case "rank" ->
          List.of("rank", "--batch", SAMPLES.toString(), "--out", tmp.resolve("q.csv").toString());
      case "scorecard" -> List.of("scorecard", "--annotations", SAMPLES.toString());
      case "consensus" ->
          List.of(
              "consensus",
              "--annotations",
              V0.resolve("annotator-A.cvat.xml") + "," + V0.resolve("annotator-B.cvat.xml"),
              "--out",
              tmp.resolve("consensus").toString());
      default -> throw new IllegalArgumentException(command);
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rank", "scorecard", "consensus"})
  void aKeyFileOthersCanReadStopsRedactionWithTheReasonAndTheFix(String command) throws Exception {
    Path key = tmp.resolve("home/.config/keyframe/pseudonym.key");
    Files.createDirectories(key.getParent());
    Files.writeString(key, "0123456789abcdef0123456789abcdef0123456789abcdef\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    List<String> args = new java.util.ArrayList<>(argsFor(command, tmp));
    args.add("--redact");
    ProcessBuilder pb =
        new ProcessBuilder(ChildCli.command(tmp, List.of(), args))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("all.txt").toFile());
    pb.environment().remove("KEYFRAME_PSEUDONYM_KEY");
    Process p = pb.start();
    // A bound far above the seconds it takes, so a loaded machine does not fail it.
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
    String all = Files.readString(tmp.resolve("all.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("exit code; output: %s", all).isEqualTo(1);
    assertThat(all)
        .contains(
            "error: cannot load the pseudonym key: pseudonym key file "
                + key
                + " is accessible by others; run: chmod 600 "
                + key)
        // The audit trail cannot pseudonymise the operator either: one warning, no stack trace.
        .contains("warning: could not append to the audit log: cannot load the pseudonym key")
        .doesNotContain("UncheckedIOException")
        .doesNotContain("\tat io.keyframe");
  }
}
