package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyframe serve} and {@code keyframe notebook} end to end (issue 20, item 9): the CLI in a
 * child JVM as ./keyframe runs it, which starts the report server's own JVM ({@link ReportJvm});
 * every refusal to start is exit 2 with a message naming the file, port or notebook, and no stack
 * trace. Needs report-server's jar and classpath file, which {@code ./mvnw verify} builds before
 * cli's tests (reactor order); a cli-only test run skips.
 */
class ServeCliTest {
  static final Path ROOT =
      Path.of(System.getProperty("keyframe.root", "..")).toAbsolutePath().normalize();

  @TempDir Path tmp;
  Path data;
  Path tokens;

  record Result(int code, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(
        Files.isRegularFile(ROOT.resolve("report-server/target/classpath.txt")),
        "report-server is not packaged (./mvnw -B -DskipTests package, or the full verify)");
    data = Files.createDirectories(tmp.resolve("out"));
    tokens = tmp.resolve("tokens.txt");
    Files.writeString(tokens, "0123456789abcdef0123456789abcdef admin\n");
    Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-------"));
  }

  Result keyframe(String... args) throws Exception {
    List<String> cmd =
        ChildCli.command(
            tmp, List.of("-Dkeyframe.home=" + ROOT, "-Dkeyframe.serve.heap=512m"), List.of(args));
    Path err = tmp.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(tmp.resolve("stdout.txt").toFile())
            .redirectError(err.toFile())
            .start();
    // A bound far above the seconds two JVM starts take, so a loaded machine does not fail it; a
    // server that did start (the bug) is stopped instead of hanging the suite.
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      throw new AssertionError("keyframe " + String.join(" ", args) + " did not exit");
    }
    return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }

  static void assertExit2Naming(Result r, String... named) {
    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err()).contains(named).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void serveWithAMissingTokensFileNamesIt() throws Exception {
    assertExit2Naming(
        keyframe(
            "serve", "--data", data.toString(), "--tokens", tmp.resolve("nosuch.txt").toString()),
        "nosuch.txt");
  }

  @Test
  void serveWithATokensFileOthersCanReadNamesItAndTheFix() throws Exception {
    Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-r--r--"));
    assertExit2Naming(
        keyframe("serve", "--data", data.toString(), "--tokens", tokens.toString()),
        "tokens.txt",
        "chmod 600");
  }

  @Test
  void serveOnABadPortNamesTheOption() throws Exception {
    assertExit2Naming(
        keyframe(
            "serve", "--data", data.toString(), "--tokens", tokens.toString(), "--port", "70000"),
        "--port",
        "70000");
    assertExit2Naming(
        keyframe("serve", "--data", data.toString(), "--tokens", tokens.toString(), "--port", "x"),
        "--port",
        "'x'");
  }

  @Test
  void serveOnABusyPortNamesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertExit2Naming(
          keyframe(
              "serve",
              "--data",
              data.toString(),
              "--tokens",
              tokens.toString(),
              "--port",
              "" + port),
          "127.0.0.1:" + port,
          "in use");
    }
  }

  @Test
  void serveOverACorruptParquetPartNamesTheFile() throws Exception {
    Path part =
        Files.createDirectories(data.resolve("tables/runs/run_id=r1"))
            .resolve("part-00000.parquet");
    Files.writeString(part, "PAR1 not a parquet file");
    assertExit2Naming(
        keyframe("serve", "--data", data.toString(), "--tokens", tokens.toString()),
        "part-00000.parquet");
  }

  @Test
  void notebookWithAnUnknownNameListsTheKnownOnes() throws Exception {
    Result r = keyframe("notebook", "nosuch", "--data", data.toString());
    assertExit2Naming(r, "no notebook nosuch", "available:");
  }

  @Test
  void notebookWithAPathForANameIsRefusedBeforeAnythingIsRead() throws Exception {
    Result r = keyframe("notebook", "../../../etc/passwd", "--data", data.toString());
    assertExit2Naming(r, "bare file names", "../../../etc/passwd");
    assertThat(r.err()).doesNotContain("root:x:0:0");
    assertThat(data.resolve("notebooks")).doesNotExist();
  }

  @Test
  void notebookSeesTheTrackerThatTheReportServerClassPathLacks() throws Exception {
    assumeTrue(
        Files.isRegularFile(ROOT.resolve("tracker/target/classpath.txt")),
        "tracker is not packaged (./mvnw -B -DskipTests package, or the full verify)");
    Path notebooks = Files.createDirectories(tmp.resolve("notebooks"));
    Files.writeString(
        notebooks.resolve("tracks.jsh"),
        String.join(
            "\n",
            "// %%",
            "import io.keyframe.tracker.TrackingOptions;",
            "ClassLoader host = ClassLoader.getSystemClassLoader();",
            "System.out.println(\"notebook loads \" + TrackingOptions.class.getSimpleName());",
            "System.out.println(\"tracker on the server class path: \"",
            "    + (TrackingOptions.class.getClassLoader() == host));",
            "System.out.println(\"onnxruntime on the server class path: \"",
            "    + (host.getResource(\"ai/onnxruntime/OrtEnvironment.class\") != null));",
            "System.out.println(\"djl on the server class path: \"",
            "    + (host.getResource(\"ai/djl/Model.class\") != null));"));

    Result r =
        keyframe(
            "notebook", "tracks", "--notebooks", notebooks.toString(), "--data", data.toString());

    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
    assertThat(Files.readString(data.resolve("notebooks/tracks.html"), StandardCharsets.UTF_8))
        .contains(
            "notebook loads TrackingOptions",
            "tracker on the server class path: false",
            "onnxruntime on the server class path: false",
            "djl on the server class path: false");
  }
}
