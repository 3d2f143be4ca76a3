package io.keyframe.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keyframe serve}'s refusals to start (issue 20, item 9), in process: each is exit 2 with
 * one line naming the file or port, and no stack trace. cli's ServeCliTest runs the same through
 * {@code ./keyframe serve}'s child JVM.
 */
class ServeStartupErrorsTest {
  @TempDir Path tmp;

  record Result(int code, String err) {}

  Result serve(String... args) {
    PrintStream saved = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = new CommandLine(new ReportServerMain()).execute(args);
    } finally {
      System.setErr(saved);
    }
    return new Result(code, bytes.toString(StandardCharsets.UTF_8));
  }

  /** {@code serve --data OUT --port PORT --tokens TOKENS}. */
  Result serve(Path tokens, String port) throws Exception {
    return serve("--data", data().toString(), "--port", port, "--tokens", tokens.toString());
  }

  Path data() throws Exception {
    return Files.createDirectories(tmp.resolve("out"));
  }

  Path tokens(String mode) throws Exception {
    Path f = tmp.resolve("tokens.txt");
    Files.writeString(f, "0123456789abcdef0123456789abcdef admin\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    return f;
  }

  static void assertOneError(Result r, String... named) {
    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err()).contains(named).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.err().strip().lines().count()).as("stderr: %s", r.err()).isEqualTo(1);
  }

  @Test
  void aMissingTokensFileIsNamed() throws Exception {
    Path missing = tmp.resolve("nosuch-tokens.txt");
    assertOneError(serve(missing, "0"), "nosuch-tokens.txt", "not found");
  }

  @Test
  void aTokensFileOthersCanReadIsRefusedWithTheFix() throws Exception {
    Path loose = tokens("rw-r--r--");
    assertOneError(serve(loose, "0"), "tokens.txt", "chmod 600");
  }

  @Test
  void aPortOutOfRangeIsNamed() throws Exception {
    Path t = tokens("rw-------");
    assertOneError(serve(t, "70000"), "--port", "70000");
  }

  @Test
  void aBusyPortIsNamed() throws Exception {
    Path t = tokens("rw-------");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertOneError(serve(t, "" + port), "127.0.0.1:" + port, "in use");
    }
  }

  @Test
  void aCorruptParquetPartIsNamed() throws Exception {
    Path t = tokens("rw-------");
    Path part =
        Files.createDirectories(data().resolve("tables/runs/run_id=r1"))
            .resolve("part-00000.parquet");
    Files.write(part, "PAR1 this is not a parquet file".getBytes(StandardCharsets.US_ASCII));
    assumeTrue(Files.size(part) > 0);
    assertOneError(serve(t, "0"), "part-00000.parquet");
  }
}
