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

  private List<String> lines() throws Exception {
    return new ArrayList<>(Files.readAllLines(log));
  }

  private void write(List<String> lines) throws Exception {
    Files.writeString(log, String.join("\n", lines) + "\n");
  }

  @Test
  void anEditedValueIsReportedAtItsLineWithRecomputedAndStoredHash() throws Exception {
    List<String> l = lines();
    l.set(2, l.get(2).replace("\"after\":\"bed_rail\"", "\"after\":\"monitor\""));
    write(l);
    AuditVerification v = AuditVerifier.verify(log);
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
    AuditEntry draft = new AuditEntry(old.seq(), old.time(), forged, old.previousHash(), "");
    AuditEntry rehashed =
        new AuditEntry(old.seq(), old.time(), forged, old.previousHash(), draft.expectedHash());
    List<String> l = lines();
    l.set(1, rehashed.toJson());
    write(l);
    AuditVerification v = AuditVerifier.verify(log);
    assertThat(v.problems())
        .extracting(
            AuditProblem::kind, AuditProblem::line, AuditProblem::expected, AuditProblem::found)
        .containsExactly(tuple(Kind.CHAIN_BROKEN, 3L, rehashed.hash(), old.hash()));
  }

  @Test
  void aDroppedEntryIsNamedBySeqAtTheLineWhereTheGapShows() throws Exception {
    List<String> l = lines();
    l.remove(2);
    write(l);
    AuditVerification v = AuditVerifier.verify(log);
    assertThat(v.problems())
        .extracting(
            AuditProblem::kind, AuditProblem::line, AuditProblem::expected, AuditProblem::found)
        .containsExactly(tuple(Kind.DROPPED, 3L, "seq 3", "seq 4"));
    assertThat(v.problems().get(0).message()).contains("entry 3 is missing");
  }

  @Test
  void twoSwappedLinesAreBothReportedAsReorderedAndNothingElse() throws Exception {
    List<String> l = lines();
    Collections.swap(l, 1, 2);
    write(l);
    AuditVerification v = AuditVerifier.verify(log);
    assertThat(v.problems())
        .extracting(AuditProblem::kind, AuditProblem::line)
        .containsExactly(tuple(Kind.REORDERED, 2L), tuple(Kind.REORDERED, 3L));
    assertThat(v.problems().get(0).message()).contains("entry 2 was moved to line 3");
  }

  @Test
  void aDuplicatedLineIsReported() throws Exception {
    List<String> l = lines();
    l.add(3, l.get(1));
    write(l);
    assertThat(AuditVerifier.verify(log).problems())
        .extracting(AuditProblem::kind, AuditProblem::line)
        .containsExactly(tuple(Kind.DUPLICATED, 4L));
  }

  @Test
  void removingTheLastEntriesIsCaughtByTheHeadFile() throws Exception {
    List<String> l = lines();
    write(l.subList(0, 3));
    AuditVerification v = AuditVerifier.verify(log);
    assertThat(v.problems())
        .extracting(
            AuditProblem::kind, AuditProblem::line, AuditProblem::expected, AuditProblem::found)
        .containsExactly(tuple(Kind.TRUNCATED, 4L, "seq 5", "seq 3"));
    assertThat(v.problems().get(0).message()).contains("entries 4..5 were removed");
  }

  @Test
  void aCutLastLineIsReportedAsTruncated() throws Exception {
    String text = Files.readString(log);
    Files.writeString(log, text.substring(0, text.length() - 30));
    AuditVerification v = AuditVerifier.verify(log);
    assertThat(v.problems())
        .extracting(AuditProblem::kind, AuditProblem::line)
        .contains(tuple(Kind.TRUNCATED, 5L));
  }

  @Test
  void reformattingALineWithoutChangingItsMeaningStillCountsAsAnEdit() throws Exception {
    List<String> l = lines();
    l.set(0, l.get(0).replace("\"seq\":1", "\"seq\": 1"));
    write(l);
    assertThat(AuditVerifier.verify(log).problems())
        .extracting(AuditProblem::kind, AuditProblem::line)
        .containsExactly(tuple(Kind.EDITED, 1L));
  }

  @Test
  void garbageInTheMiddleIsUnreadableAndTheChainAroundItIsStillChecked() throws Exception {
    List<String> l = lines();
    l.set(1, "{not json");
    write(l);
    AuditVerification v = AuditVerifier.verify(log);
    assertThat(v.problems())
        .extracting(AuditProblem::kind, AuditProblem::line)
        .containsExactly(tuple(Kind.UNREADABLE, 2L), tuple(Kind.DROPPED, 3L));
  }

  @Test
  void rewritingTheLastEntryWithAFreshHashIsCaughtByTheHeadFile() throws Exception {
    AuditEntry old = written.get(4);
    AuditEvent forged =
        new AuditEvent(
            "ann-00000005", "label-change", Map.of("after", "nothing"), Map.of(), Map.of());
    AuditEntry draft = new AuditEntry(old.seq(), old.time(), forged, old.previousHash(), "");
    AuditEntry rehashed =
        new AuditEntry(old.seq(), old.time(), forged, old.previousHash(), draft.expectedHash());
    List<String> l = lines();
    l.set(4, rehashed.toJson());
    write(l);
    assertThat(AuditVerifier.verify(log).problems())
        .extracting(AuditProblem::kind, AuditProblem::line)
        .containsExactly(tuple(Kind.EDITED, 5L));
  }
}
