package io.keyframe.dataset.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log.
 *
 * @param seq 1-based position in the chain; makes a dropped or swapped entry nameable
 * @param time when it was appended (UTC)
 * @param event what happened
 * @param previousHash {@link #hash} of the entry before, or {@link #GENESIS} for the first entry
 * @param hash SHA-256 of this entry's canonical JSON without the {@code hash} field
 */
public record AuditEntry(
    long seq, Instant time, AuditEvent event, String previousHash, String hash) {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  public AuditEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
    if (seq < 1) throw new IllegalArgumentException("audit seq must be >= 1: " + seq);
  }

  /** The hash this entry should carry given its content (equals {@link #hash} unless edited). */
  public String expectedHash() {
    return CanonicalJson.sha256(CanonicalJson.write(this, false));
  }

  /** The canonical JSON line (no trailing newline) as stored in the log. */
  public String toJson() {
    return CanonicalJson.write(this, true);
  }
}
