/**
 * Tamper-evident audit trail: an append-only JSON-lines log in which every entry (who, when, what,
 * parameters, input and output file hashes) carries the SHA-256 of the entry before it, and a
 * verifier that names the line where the chain was edited, cut, reordered or truncated.
 *
 * <p>Entries never hold file paths, frame pixels or raw video identifiers: callers pass roles
 * ("annotations", "plan") with file hashes, and pseudonymised IDs (see {@code dataset.privacy}).
 */
package io.keyframe.dataset.audit;
