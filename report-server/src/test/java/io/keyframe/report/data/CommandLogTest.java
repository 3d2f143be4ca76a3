package io.keyframe.report.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.audit.AuditEvent;
import io.keyframe.dataset.audit.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLogTest {
  @TempDir Path root;

  @Test
  void showsNewestEntriesFirstWhenTheChainIsIntact() throws Exception {
    AuditLog log = new AuditLog(root.resolve("audit/audit.jsonl"));
    log.append(
        AuditEvent.command("operator:ann-1", "generate", Map.of("seed", "7"), Map.of(), Map.of()));
    log.append(AuditEvent.command("operator:ann-1", "demo", Map.of(), Map.of(), Map.of()));
    CommandLog c = CommandLog.read(root);
    assertThat(c.intact()).isTrue();
    assertThat(c.status()).contains("2 entries");
    assertThat(c.entries())
        .extracting(CommandLog.Entry::action)
        .containsExactly("command:demo", "command:generate");
    assertThat(c.entries().get(1).params()).contains("\"seed\":\"7\"");
  }

  @Test
  void saysWhereAnEditedChainBreaks() throws Exception {
    Path file = root.resolve("audit/audit.jsonl");
    AuditLog log = new AuditLog(file);
    log.append(
        AuditEvent.command("operator:ann-1", "generate", Map.of("seed", "7"), Map.of(), Map.of()));
    log.append(AuditEvent.command("operator:ann-1", "demo", Map.of(), Map.of(), Map.of()));
    List<String> lines = Files.readAllLines(file);
    Files.write(
        file, List.of(lines.get(0).replace("\"seed\":\"7\"", "\"seed\":\"8\""), lines.get(1)));
    CommandLog c = CommandLog.read(root);
    assertThat(c.intact()).isFalse();
    assertThat(c.status()).contains("line 1");
  }

  @Test
  void anAbsentLogIsNotAnError() {
    CommandLog c = CommandLog.read(root);
    assertThat(c.intact()).isFalse();
    assertThat(c.entries()).isEmpty();
    assertThat(c.status()).contains("no audit log");
  }
}
