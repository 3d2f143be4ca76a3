package io.keyframe.dataset.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two separate JVMs appending to one log at once still leave one unbroken chain (file lock). */
class AuditLogProcessesTest {
  @TempDir Path dir;

  /** Entry point of the child processes: appends {@code args[1]} entries to {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    AuditLog log = new AuditLog(Path.of(args[0]));
    for (int i = 0; i < Integer.parseInt(args[1]); i++)
      log.append(
          AuditEvent.command("proc-" + args[2], "run", Map.of("i", "" + i), Map.of(), Map.of()));
  }

  @Test
  void twoProcessesAppendingConcurrentlyKeepTheChain() throws Exception {
    Path log = dir.resolve("audit.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> ps = new ArrayList<>();
    for (int p = 0; p < 2; p++)
      ps.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  AuditLogProcessesTest.class.getName(),
                  log.toString(),
                  "40",
                  "" + p)
              .redirectErrorStream(true)
              .start());
    for (Process p : ps) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }
    AuditVerification v = AuditVerifier.verify(log);
    assertThat(v.problems()).isEmpty();
    assertThat(v.entries()).isEqualTo(80);
  }
}
