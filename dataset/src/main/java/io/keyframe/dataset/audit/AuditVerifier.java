package io.keyframe.dataset.audit;

import io.keyframe.dataset.audit.AuditProblem.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an audit log written by {@link AuditLog}: every entry's own hash, every previous-hash
 * link, the sequence numbers (to tell a dropped entry from a swapped one) and the head file (to
 * catch a cut tail). Reports every problem with its line, not just the first.
 */
public final class AuditVerifier {
  private AuditVerifier() {}

  /** Verifies {@code log} and its head file ({@link AuditLog#headFile}). */
  public static AuditVerification verify(Path log) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(log);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(log.toString(), null, "audit log does not exist");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean endsWithNewline = text.isEmpty() || text.endsWith("\n");
    String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
    int count = endsWithNewline && lines.length > 0 ? lines.length - 1 : lines.length;

    List<AuditProblem> problems = new ArrayList<>();
    AuditEntry[] parsed = new AuditEntry[count];
    Map<Long, Integer> lineOfSeq = new HashMap<>();
    for (int i = 0; i < count; i++) {
      boolean partial = i == count - 1 && !endsWithNewline;
      try {
        parsed[i] = CanonicalJson.read(lines[i]);
        lineOfSeq.putIfAbsent(parsed[i].seq(), i + 1);
        if (partial)
          problems.add(
              new AuditProblem(
                  Kind.TRUNCATED, i + 1, "", "", "last entry has no final newline (cut write)"));
      } catch (IllegalArgumentException e) {
        problems.add(
            new AuditProblem(
                partial ? Kind.TRUNCATED : Kind.UNREADABLE,
                i + 1,
                "",
                "",
                (partial ? "last entry is cut off: " : "not an audit entry: ") + e.getMessage()));
      }
    }

    Map<Long, String> hashOfSeq = new HashMap<>();
    long expectedSeq = 1;
    long maxSeq = 0;
    String expectedPrev = AuditEntry.GENESIS;
    long entries = 0;
    for (int i = 0; i < count; i++) {
      AuditEntry e = parsed[i];
      if (e == null) continue;
      entries++;
      long line = i + 1;
      String recomputed = e.expectedHash();
      if (!recomputed.equals(e.hash()))
        problems.add(
            new AuditProblem(
                Kind.EDITED,
                line,
                recomputed,
                e.hash(),
                "entry " + e.seq() + " content does not match its hash"));
      else if (!e.toJson().equals(lines[i]))
        problems.add(
            new AuditProblem(
                Kind.EDITED,
                line,
                "",
                "",
                "entry " + e.seq() + " bytes were reformatted (not canonical JSON)"));

      if (e.seq() != expectedSeq) {
        Integer elsewhere = lineOfSeq.get(expectedSeq);
        Kind kind;
        String message;
        if (hashOfSeq.containsKey(e.seq())) {
          kind = Kind.DUPLICATED;
          message = "entry " + e.seq() + " already appeared at line " + lineOfSeq.get(e.seq());
        } else if (e.seq() < expectedSeq) {
          kind = Kind.REORDERED;
          message = "entry " + e.seq() + " belongs before line " + lineOfSeq.get(expectedSeq - 1);
        } else if (elsewhere != null && elsewhere > line) {
          kind = Kind.REORDERED;
          message = "entry " + expectedSeq + " was moved to line " + elsewhere;
        } else {
          kind = Kind.DROPPED;
          message =
              (e.seq() - expectedSeq == 1
                      ? "entry " + expectedSeq + " is"
                      : "entries " + expectedSeq + ".." + (e.seq() - 1) + " are")
                  + " missing before this line";
        }
        problems.add(new AuditProblem(kind, line, "seq " + expectedSeq, "seq " + e.seq(), message));
      } else if (!e.previousHash().equals(expectedPrev)) {
        problems.add(
            new AuditProblem(
                Kind.CHAIN_BROKEN,
                line,
                expectedPrev,
                e.previousHash(),
                "previous-hash link does not match "
                    + (line == 1
                        ? "the chain start"
                        : "the entry before (it was rewritten, or this link was edited)")));
      }
      hashOfSeq.putIfAbsent(e.seq(), e.hash());
      maxSeq = Math.max(maxSeq, e.seq());
      // Resynchronise on the highest entry seen so that one swap yields two reports, not a cascade.
      expectedSeq = maxSeq + 1;
      expectedPrev = hashOfSeq.getOrDefault(maxSeq, e.hash());
    }

    Path head = AuditLog.headFile(log);
    boolean headChecked = Files.exists(head);
    if (headChecked) checkHead(head, maxSeq, hashOfSeq, lineOfSeq, count, problems);
    problems.sort(java.util.Comparator.comparingLong(AuditProblem::line));
    return new AuditVerification(entries, headChecked, problems);
  }

  private static void checkHead(
      Path head,
      long maxSeq,
      Map<Long, String> hashOfSeq,
      Map<Long, Integer> lineOfSeq,
      int count,
      List<AuditProblem> problems)
      throws IOException {
    String[] parts = Files.readString(head, StandardCharsets.US_ASCII).trim().split(" ");
    long headSeq;
    try {
      headSeq = Long.parseLong(parts[0]);
      if (parts.length != 2) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      problems.add(
          new AuditProblem(Kind.UNREADABLE, count + 1, "", "", "head file is not '<seq> <hash>'"));
      return;
    }
    String headHash = parts[1];
    if (maxSeq < headSeq) {
      problems.add(
          new AuditProblem(
              Kind.TRUNCATED,
              count + 1,
              "seq " + headSeq,
              "seq " + maxSeq,
              "log ends after entry "
                  + maxSeq
                  + " but the head records entry "
                  + headSeq
                  + ": entries "
                  + (maxSeq + 1)
                  + ".."
                  + headSeq
                  + " were removed from the end"));
    } else if (hashOfSeq.containsKey(headSeq) && !hashOfSeq.get(headSeq).equals(headHash)) {
      problems.add(
          new AuditProblem(
              Kind.EDITED,
              lineOfSeq.get(headSeq),
              headHash,
              hashOfSeq.get(headSeq),
              "entry " + headSeq + " differs from the one the head file recorded"));
    }
    // A log longer than its head is the trace of a crash between the append and the head update.
  }
}
