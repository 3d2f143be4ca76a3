package io.keyframe.dataset.audit;

import java.util.Objects;

/**
 * One break in the audit chain, located by line.
 *
 * @param line 1-based line of the log where the break shows
 * @param expected what the chain says should be there (hash, seq), or "" when not applicable
 * @param found what is there
 */
public record AuditProblem(Kind kind, long line, String expected, String found, String message) {
  /** What the verifier concluded happened. */
  public enum Kind {
    /** The entry's content no longer matches its own hash, or its bytes are not canonical. */
    EDITED,
    /** One or more entries are missing before this line. */
    DROPPED,
    /** This line holds an entry that belongs elsewhere in the sequence. */
    REORDERED,
    /** The same entry appears twice. */
    DUPLICATED,
    /**
     * The previous-hash link is wrong although the sequence is in order (rewritten entry before).
     */
    CHAIN_BROKEN,
    /** The log ends early: a partial last line, or fewer entries than the head file records. */
    TRUNCATED,
    /** The line is not a readable entry. */
    UNREADABLE
  }

  public AuditProblem {
    Objects.requireNonNull(kind, "kind");
    expected = expected == null ? "" : expected;
    found = found == null ? "" : found;
    Objects.requireNonNull(message, "message");
  }

  /** One line for a terminal: {@code line 7: EDITED: ... (expected X, found Y)}. */
  public String describe() {
    StringBuilder b =
        new StringBuilder("line ")
            .append(line)
            .append(": ")
            .append(kind)
            .append(": ")
            .append(message);
    if (!expected.isEmpty() || !found.isEmpty())
      b.append(" (expected ").append(expected).append(", found ").append(found).append(')');
    return b.toString();
  }
}
