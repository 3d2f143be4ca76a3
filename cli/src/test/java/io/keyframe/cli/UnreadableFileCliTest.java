package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An input file the process may not read (issue 20, item 9): exit 2, one line naming the file, no
 * stack trace. Root reads a chmod-000 file anyway, so where the tests run as root (as in CI here)
 * the CLI runs in a child JVM without the capabilities that let root ignore file modes
 * (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, dropped with util-linux's setpriv): the kernel then
 * refuses the open as it would for any other user. As a non-root user the same file is refused in
 * process.
 */
class UnreadableFileCliTest {
  static final String TUD =
      Path.of(System.getProperty("keyframe.shared", "../shared"), "refdata/motchallenge/TUD-Campus")
          .toString();

  @TempDir Path tmp;

  @BeforeEach
  void isolate() {
    System.setProperty("user.home", tmp.resolve("home").toString());
    System.setProperty("keyframe.audit.log", tmp.resolve("audit.jsonl").toString());
  }

  /** A real annotation file, then chmod 000. */
  Path unreadable(String name, String text) throws IOException {
    Path f = Files.writeString(tmp.resolve(name), text);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    return f;
  }

  static final String MOT_ROWS = "1,1,10,10,20,20,1,1,1\n2,1,11,10,20,20,1,1,1\n";
  static final String RATINGS = "item,rater,label\n1,A,bed_rail\n1,B,bed_rail\n";

  /** The argument lists tried: a reader behind AnnotationFiles, a CSV reader, the MOT pair path. */
  static List<String> argsFor(String command, Path file) {
    return switch (command) {
      case "info" -> List.of("info", file.toString());
      case "agreement" -> List.of("agreement", "--labels", file.toString());
      case "mot-metrics" ->
          List.of("mot-metrics", "--gt", file.toString(), "--pred", file.toString());
      default -> throw new IllegalArgumentException(command);
    };
  }

  static String contentFor(String command) {
    return command.equals("agreement") ? RATINGS : MOT_ROWS;
  }

  static String nameFor(String command) {
    return command.equals("agreement") ? "ratings.csv" : "secret-gt.txt";
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"info", "agreement", "mot-metrics"})
  void asAUserWithoutRootPowersAnUnreadableFileIsExit2NamingIt(String command) throws Exception {
    Path file = unreadable(nameFor(command), contentFor(command));
    assumeTrue(isRoot(), "not root: the in-process test below covers this user");
    assumeTrue(setprivWorks(file), "setpriv cannot drop CAP_DAC_OVERRIDE here");
    Process p = cliWithoutFileCapabilities(argsFor(command, file), tmp.resolve("stderr.txt"));
    // A bound far above the seconds it takes, so a loaded machine does not fail it.
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
    String err = Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8);
    assertExit2Naming(p.exitValue(), err, file);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"info", "agreement", "mot-metrics"})
  void asANonRootUserAChmod000FileIsExit2NamingIt(String command) throws Exception {
    Path file = unreadable(nameFor(command), contentFor(command));
    assumeFalse(Files.isReadable(file), "this user reads chmod-000 files (root)");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc =
        KeyframeCli.execute(
            argsFor(command, file).toArray(String[]::new),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertExit2Naming(rc, err.toString(), file);
  }

  @Test
  void theChildJvmRouteWouldHaveSeenTheFileHadItBeenReadable() throws Exception {
    // The control for the setpriv test: the same child, same file name, mode 600, exits 0.
    Path file = Files.writeString(tmp.resolve("secret-gt.txt"), MOT_ROWS);
    assumeTrue(isRoot() && setprivWorks(file), "no setpriv route here");
    Process p =
        cliWithoutFileCapabilities(List.of("info", file.toString()), tmp.resolve("all.txt"));
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String all = Files.readString(tmp.resolve("all.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("output: %s", all).isZero();
    assertThat(all).contains("2 shapes");
  }

  /**
   * The CLI in a child JVM without the capabilities that let root ignore file modes; its stdout and
   * stderr go to {@code log}.
   */
  private Process cliWithoutFileCapabilities(List<String> args, Path log) throws IOException {
    List<String> cmd = new ArrayList<>(dropFileCapabilities());
    cmd.addAll(ChildCli.command(tmp, List.of(), args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void assertExit2Naming(int rc, String err, Path file) {
    assertThat(rc).as("exit code; stderr: %s", err).isEqualTo(2);
    assertThat(err)
        .contains(file.getFileName().toString())
        .containsIgnoringCase("permission")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(err.strip().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> dropFileCapabilities() {
    return List.of(
        "setpriv",
        "--inh-caps=-dac_override,-dac_read_search",
        "--bounding-set=-dac_override,-dac_read_search");
  }

  /** True when setpriv runs and, without the two capabilities, a chmod-000 file is refused. */
  private static boolean setprivWorks(Path anyFile) {
    try {
      Path probe = Files.writeString(anyFile.resolveSibling(".probe"), "x");
      Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
      List<String> cmd = new ArrayList<>(dropFileCapabilities());
      cmd.addAll(List.of("cat", probe.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      boolean refused = p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() != 0;
      Files.delete(probe);
      return refused;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
