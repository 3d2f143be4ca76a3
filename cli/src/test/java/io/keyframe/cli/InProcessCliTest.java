package io.keyframe.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the CLI in this JVM with its output captured and its home (pseudonym key) and audit log in
 * the test's temporary folder, so no test reads or writes the user's.
 */
abstract class InProcessCliTest {
  @TempDir Path tmp;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  @BeforeEach
  void isolateAuditLogAndKey() {
    System.setProperty("user.home", tmp.resolve("home").toString());
    System.setProperty("keyframe.audit.log", tmp.resolve("audit.jsonl").toString());
  }

  /** Runs {@code keyframe args}; what it prints is appended to {@link #out} and {@link #err}. */
  int run(String... args) {
    return KeyframeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
