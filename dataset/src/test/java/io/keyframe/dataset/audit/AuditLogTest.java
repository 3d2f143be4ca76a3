package io.keyframe.dataset.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  private static final String A64 = "a".repeat(64);

  private AuditLog fixedClockLog(Path file) {
    return new AuditLog(file, Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
  }

  private static AuditEvent assign() {
    return AuditEvent.command(
        "op-1", "assign", Map.of("seed", "7", "overlap", "0.2"), Map.of("videos", A64), Map.of());
  }

  @Test
  void firstEntryIsCanonicalJsonAndItsHashMatchesSha256sumOfThatText() throws Exception {
    Path log = dir.resolve("audit.jsonl");
    AuditEntry e = fixedClockLog(log).append(assign());
    // The text without "hash" was piped through coreutils sha256sum to get the constant below.
    assertThat(e.hash())
        .isEqualTo("0eb8824e8bcf042a9cb28a81ea99e63707b9b2847d272049b3a5dcbd9d1a9f87");
    assertThat(Files.readString(log))
        .isEqualTo(
            "{\"action\":\"command:assign\",\"actor\":\"op-1\",\"hash\":\""
                + e.hash()
                + "\","
                + "\"inputs\":{\"videos\":\""
                + A64
                + "\"},\"outputs\":{},\"params\":{\"overlap\":\"0.2\",\"seed\":\"7\"},"
                + "\"prev\":\""
                + AuditEntry.GENESIS
                + "\",\"seq\":1,\"time\":\"2026-11-26T10:00:00Z\"}\n");
  }

  @Test
  void eachEntryCarriesTheHashOfTheOneBefore() throws Exception {
    AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
    AuditEntry a = log.append(assign());
    AuditEntry b =
        log.append(
            AuditEvent.labelChange(
                "ann-3f9a2c1b", "vid-0011aabb", 12, 4, "label", "iv_pole", "bed_rail"));
    assertThat(b.seq()).isEqualTo(2);
    assertThat(b.previousHash()).isEqualTo(a.hash());
    assertThat(AuditVerifier.verify(log.file()).ok()).isTrue();
    assertThat(AuditVerifier.verify(log.file()).report()).startsWith("audit log intact: 2 entries");
  }

  @Test
  void concurrentAppendsFromManyThreadsKeepOneUnbrokenChain() throws Exception {
    AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
    // A second AuditLog on the same file behaves like another writer.
    AuditLog other = new AuditLog(dir.resolve("audit.jsonl"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<AuditEntry>> done = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int n = i;
      done.add(
          pool.submit(
              () ->
                  (n % 2 == 0 ? log : other)
                      .append(
                          AuditEvent.command(
                              "op", "run", Map.of("i", "" + n), Map.of(), Map.of()))));
    }
    for (Future<AuditEntry> f : done) f.get();
    pool.shutdown();
    AuditVerification v = AuditVerifier.verify(log.file());
    assertThat(v.problems()).isEmpty();
    assertThat(v.entries()).isEqualTo(60);
    assertThat(Files.readAllLines(log.file())).hasSize(60);
  }

  @Test
  void eventsRefuseFileHashesThatAreNotSha256() {
    assertThatThrownBy(
            () ->
                AuditEvent.command(
                    "op", "x", Map.of(), Map.of("in", "/data/patient17.mp4"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SHA-256");
  }

  @Test
  void appendRefusesToContinueALogThatEndsInACutEntry() throws Exception {
    AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
    log.append(assign());
    String text = Files.readString(log.file());
    Files.writeString(log.file(), text.substring(0, text.length() - 20), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> log.append(assign()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("partial");
  }

  @Test
  void verifyingAMissingLogSaysSo() {
    assertThatThrownBy(() -> AuditVerifier.verify(dir.resolve("none.jsonl")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void aLogWithoutItsHeadFileStillVerifiesButSaysTruncationWasNotChecked() throws Exception {
    AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
    log.append(assign());
    Files.delete(AuditLog.headFile(log.file()));
    AuditVerification v = AuditVerifier.verify(log.file());
    assertThat(v.ok()).isTrue();
    assertThat(v.headChecked()).isFalse();
    assertThat(v.report()).contains("cannot be detected");
  }
}
