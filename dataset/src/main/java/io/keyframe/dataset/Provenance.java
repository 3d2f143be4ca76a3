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

  /** Unknown origin, e.g. a plain MOTChallenge file. */
  public static Provenance unknown() {
    return new Provenance(Kind.ANNOTATOR, "unknown", "", null, "");
  }
}
