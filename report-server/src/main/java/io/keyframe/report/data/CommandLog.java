package io.keyframe.report.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.audit.AuditVerification;
import io.keyframe.dataset.audit.AuditVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The CLI's hash-chained audit log ({@code <root>/audit/audit.jsonl}) as the report shows it: the
 * newest entries and whether the chain verifies. Entries carry pseudonymous actors and file hashes,
 * never paths, so they are safe to show to reviewers.
 *
 * @param status one line: intact, broken (with where), or absent
 * @param intact whether the chain verified
 * @param entries newest first, at most {@link #SHOWN}
 */
public record CommandLog(String status, boolean intact, List<Entry> entries) {
  /** How many of the newest entries the page lists. */
  public static final int SHOWN = 200;

  /**
   * One audit entry: sequence number, time, who, what, and its parameters and file hashes as JSON.
   */
  public record Entry(
      long seq,
      String time,
      String actor,
      String action,
      String params,
      String inputs,
      String outputs) {}

  public CommandLog {
    entries = List.copyOf(entries);
  }

  /** Reads and verifies the log under {@code root}; an absent log is not an error. */
  public static CommandLog read(Path root) {
    Path log = root.resolve("audit").resolve("audit.jsonl");
    if (!Files.isRegularFile(log))
      return new CommandLog("no audit log in the output root", false, List.of());
    try {
      AuditVerification v = AuditVerifier.verify(log);
      ObjectMapper json = new ObjectMapper();
      List<Entry> entries = new ArrayList<>();
      for (String line : Files.readAllLines(log)) {
        if (line.isBlank()) continue;
        JsonNode n;
        try {
          n = json.readTree(line);
        } catch (IOException e) {
          continue; // the verifier has already named the broken line
        }
        entries.add(
            new Entry(
                n.path("seq").asLong(-1),
                n.path("time").asText(""),
                n.path("actor").asText(""),
                n.path("action").asText(""),
                n.path("params").toString(),
                n.path("inputs").toString(),
                n.path("outputs").toString()));
      }
      Collections.reverse(entries);
      String status =
          v.ok()
              ? "hash chain intact: " + v.entries() + " entries"
              : v.report().strip().replace('\n', ' ');
      return new CommandLog(status, v.ok(), entries.subList(0, Math.min(SHOWN, entries.size())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log", e);
    }
  }
}
