package io.keyframe.dataset.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What happened, as the caller states it; {@link AuditLog} adds sequence number, time and hashes.
 *
 * @param actor who did it (an operator login or an annotator pseudonym, never a real name)
 * @param action what kind of step: {@code command:<name>} for a CLI run, {@code label-change} for
 *     an edit of one label
 * @param parameters the step's parameters; values must not be file paths (pass files as hashes)
 * @param inputs role of each input file (e.g. "annotations") to its SHA-256
 * @param outputs role of each output file to its SHA-256
 */
public record AuditEvent(
    String actor,
    String action,
    Map<String, String> parameters,
    Map<String, String> inputs,
    Map<String, String> outputs) {
  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    if (actor.isBlank()) throw new IllegalArgumentException("audit actor is blank");
    if (action.isBlank()) throw new IllegalArgumentException("audit action is blank");
    parameters = sorted(parameters, "parameter");
    inputs = sorted(inputs, "input");
    outputs = sorted(outputs, "output");
    for (var e : inputs.entrySet()) requireSha256(e);
    for (var e : outputs.entrySet()) requireSha256(e);
  }

  /** A run of a CLI command. */
  public static AuditEvent command(
      String actor,
      String command,
      Map<String, String> parameters,
      Map<String, String> inputs,
      Map<String, String> outputs) {
    return new AuditEvent(actor, "command:" + command, parameters, inputs, outputs);
  }

  /**
   * One label edited by hand.
   *
   * @param video pseudonymised video ID
   * @param field which attribute changed ("label", "box", "trackId", ...)
   */
  public static AuditEvent labelChange(
      String actor,
      String video,
      int frame,
      int trackId,
      String field,
      String before,
      String after) {
    return new AuditEvent(
        actor,
        "label-change",
        Map.of(
            "video", video,
            "frame", Integer.toString(frame),
            "trackId", Integer.toString(trackId),
            "field", field,
            "before", before,
            "after", after),
        Map.of(),
        Map.of());
  }

  /** Convenience for input/output maps: the SHA-256 of a file under a role name, not its path. */
  public static Map.Entry<String, String> file(String role, Path file) throws IOException {
    return Map.entry(role, io.keyframe.dataset.FileHash.sha256(file));
  }

  private static Map<String, String> sorted(Map<String, String> in, String what) {
    Objects.requireNonNull(in, what + "s");
    TreeMap<String, String> out = new TreeMap<>();
    in.forEach(
        (k, v) -> {
          if (k == null || v == null)
            throw new IllegalArgumentException("null " + what + " key or value");
          out.put(k, v);
        });
    return java.util.Collections.unmodifiableSortedMap(out);
  }

  private static void requireSha256(Map.Entry<String, String> e) {
    if (!e.getValue().matches("[0-9a-f]{64}"))
      throw new IllegalArgumentException(
          "file '" + e.getKey() + "' needs a lowercase hex SHA-256, got '" + e.getValue() + "'");
  }
}
