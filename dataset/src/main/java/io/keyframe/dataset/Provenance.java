package io.keyframe.dataset;

import java.time.Instant;
import java.util.Objects;

/**
 * Who or what produced a set of annotations: a human annotator (by pseudonymous annotator ID) or a
 * model (name plus SHA-256 of the model file), when, and with which tool.
 */
public record Provenance(Kind kind, String source, String modelSha256, Instant time, String tool) {
  /** Human or machine. */
  public enum Kind {
    ANNOTATOR,
    MODEL,
    GROUND_TRUTH
  }

  public Provenance {
    Objects.requireNonNull(kind, "provenance kind");
    Objects.requireNonNull(source, "provenance source");
    modelSha256 = modelSha256 == null ? "" : modelSha256;
    tool = tool == null ? "" : tool;
    if (kind == Kind.MODEL && modelSha256.isEmpty())
      throw new IllegalArgumentException("model provenance needs the model file hash: " + source);
  }

  public static Provenance annotator(String annotatorId, Instant time, String tool) {
    return new Provenance(Kind.ANNOTATOR, annotatorId, "", time, tool);
  }

  public static Provenance model(String name, String sha256, Instant time, String tool) {
    return new Provenance(Kind.MODEL, name, sha256, time, tool);
  }

  public static Provenance groundTruth(String tool) {
    return new Provenance(Kind.GROUND_TRUTH, "ground-truth", "", null, tool);
  }

  /**
   * Rebuilds provenance from the string fields keyframe writes into a format's metadata ({@code
   * kind}, {@code source}, {@code model_sha256}, {@code time}, {@code tool}); no fields = unknown.
   *
   * @throws IllegalArgumentException naming the bad field's problem
   */
  public static Provenance fromFields(java.util.Map<String, String> fields) {
    if (fields == null) return unknown();
    String time = fields.get("time");
    Instant when;
    try {
      when = time == null || time.isEmpty() ? null : Instant.parse(time);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("time is not an ISO-8601 instant: " + time, e);
    }
    return new Provenance(
        Kind.valueOf(fields.getOrDefault("kind", "ANNOTATOR")),
        fields.getOrDefault("source", "unknown"),
        fields.get("model_sha256"),
        when,
        fields.get("tool"));
  }

  /** Unknown origin, e.g. a plain MOTChallenge file. */
  public static Provenance unknown() {
    return new Provenance(Kind.ANNOTATOR, "unknown", "", null, "");
  }
}
