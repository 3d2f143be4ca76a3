package io.keyframe.dataset.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.keyframe.dataset.audit.AuditProblem.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each test damages a five-entry log in one way and checks the verifier names the kind and line.
 */
class AuditVerifierTamperTest {
  @TempDir Path dir;
  Path log;
  List<AuditEntry> written = new ArrayList<>();

  @BeforeEach
  void fiveEntries() throws Exception {
    log = dir.resolve("audit.jsonl");
    AuditLog audit = new AuditLog(log);
    for (int i = 1; i <= 5; i++)
      written.add(
          audit.append(
              AuditEvent.labelChange(
                  "ann-0000000" + i, "vid-12345678", i * 10, i, "label", "iv_pole", "bed_rail")));
    assertThat(AuditVerifier.verify(log).ok()).isTrue();
  }

  /** Applies {@code edit} to the log's lines, writes them back and verifies the log. */
  private AuditVerification verifyAfter(Consumer<List<String>> edit) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    edit.accept(lines);
    Files.writeString(log, String.join("\n", lines) + "\n");
    return AuditVerifier.verify(log);
  }

  /** {@code old} carrying {@code forged} instead, with the hash recomputed as a forger would. */
  private static AuditEntry rehashed(AuditEntry old, AuditEvent forged) {
    AuditEntry draft = new AuditEntry(old.seq(), old.time(), forged, old.previousHash(), "");
    return new AuditEntry(old.seq(), old.time(), forged, old.previousHash(), draft.expectedHash());
  }

  private static List<Tuple> kindAndLine(AuditVerification v) {
    return v.problems().stream().map(p -> tuple(p.kind(), p.line())).toList();
  }

  private static List<Tuple> kindLineExpectedFound(AuditVerification v) {
    return v.problems().stream()
        .map(p -> tuple(p.kind(), p.line(), p.expected(), p.found()))
        .toList();
  }

  @Test
  void anEditedValueIsReportedAtItsLineWithRecomputedAndStoredHash() throws Exception {
    AuditVerification v =
        verifyAfter(
            l -> l.set(2, l.get(2).replace("\"after\":\"bed_rail\"", "\"after\":\"monitor\"")));
    assertThat(v.problems()).hasSize(1);
    AuditProblem p = v.problems().get(0);
    assertThat(p.kind()).isEqualTo(Kind.EDITED);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.found()).isEqualTo(written.get(2).hash());
    assertThat(p.expected()).isNotEqualTo(p.found()).hasSize(64);
    assertThat(v.report()).contains("line 3: EDITED");
  }

  @Test
  void anEditWhoseHashWasRecomputedBreaksTheLinkOfTheNextLine() throws Exception {
    AuditEntry old = written.get(1);
    AuditEvent forged =
        AuditEvent.labelChange(
            "ann-00000002", "vid-12345678", 20, 2, "label", "iv_pole", "monitor");
    AuditEntry rehashed = rehashed(old, forged);
    AuditVerification v = verifyAfter(l -> l.set(1, rehashed.toJson()));
    assertThat(kindLineExpectedFound(v))
        .containsExactly(tuple(Kind.CHAIN_BROKEN, 3L, rehashed.hash(), old.hash()));
  }

  @Test
  void aDroppedEntryIsNamedBySeqAtTheLineWhereTheGapShows() throws Exception {
    AuditVerification v = verifyAfter(l -> l.remove(2));
    assertThat(kindLineExpectedFound(v)).containsExactly(tuple(Kind.DROPPED, 3L, "seq 3", "seq 4"));
    assertThat(v.problems().get(0).message()).contains("entry 3 is missing");
  }

  @Test
  void twoSwappedLinesAreBothReportedAsReorderedAndNothingElse() throws Exception {
    AuditVerification v = verifyAfter(l -> Collections.swap(l, 1, 2));
    assertThat(kindAndLine(v))
        .containsExactly(tuple(Kind.REORDERED, 2L), tuple(Kind.REORDERED, 3L));
    assertThat(v.problems().get(0).message()).contains("entry 2 was moved to line 3");
  }

  @Test
  void aDuplicatedLineIsReported() throws Exception {
    assertThat(kindAndLine(verifyAfter(l -> l.add(3, l.get(1)))))
        .containsExactly(tuple(Kind.DUPLICATED, 4L));
  }

  @Test
  void removingTheLastEntriesIsCaughtByTheHeadFile() throws Exception {
    AuditVerification v = verifyAfter(l -> l.subList(3, l.size()).clear());
    assertThat(kindLineExpectedFound(v))
        .containsExactly(tuple(Kind.TRUNCATED, 4L, "seq 5", "seq 3"));
    assertThat(v.problems().get(0).message()).contains("entries 4..5 were removed");
  }

  @Test
  void aCutLastLineIsReportedAsTruncated() throws Exception {
    String text = Files.readString(log);
    Files.writeString(log, text.substring(0, text.length() - 30));
    assertThat(kindAndLine(AuditVerifier.verify(log))).contains(tuple(Kind.TRUNCATED, 5L));
  }

  @Test
  void reformattingALineWithoutChangingItsMeaningStillCountsAsAnEdit() throws Exception {
    assertThat(kindAndLine(verifyAfter(l -> l.set(0, l.get(0).replace("\"seq\":1", "\"seq\": 1")))))
        .containsExactly(tuple(Kind.EDITED, 1L));
  }

  @Test
  void garbageInTheMiddleIsUnreadableAndTheChainAroundItIsStillChecked() throws Exception {
    assertThat(kindAndLine(verifyAfter(l -> l.set(1, "{not json"))))
        .containsExactly(tuple(Kind.UNREADABLE, 2L), tuple(Kind.DROPPED, 3L));
  }

  @Test
  void rewritingTheLastEntryWithAFreshHashIsCaughtByTheHeadFile() throws Exception {
    AuditEntry old = written.get(4);
    AuditEvent forged =
        new AuditEvent(
            "ann-00000005", "label-change", Map.of("after", "nothing"), Map.of(), Map.of());
    AuditEntry rehashed = rehashed(old, forged);
    assertThat(kindAndLine(verifyAfter(l -> l.set(4, rehashed.toJson()))))
        .containsExactly(tuple(Kind.EDITED, 5L));
  }
}
