package io.keyframe.spark.output;

import java.util.Map;
import java.util.Objects;

/**
 * One row of the {@code runs} provenance table: what ran, on which inputs and models, with which
 * parameters and code, when, and how many rows it wrote.
 *
 * @param inputs input name (video pseudonym / source) → sha256 of the file
 * @param models model name → sha256 of its weights (or of its generating parameters for simulated
 *     models)
 * @param trackerPath {@code sam2} or {@code fallback} for jobs that track; null otherwise
 */
public record RunRecord(
    String runId,
    String job,
    long startedAt,
    long endedAt,
    String codeVersion,
    Map<String, Object> params,
    Map<String, String> inputs,
    Map<String, String> models,
    Map<String, Long> rowCounts,
    String trackerPath) {
  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(job, "job");
    if (endedAt < startedAt) throw new IllegalArgumentException("run ends before it starts");
    params = Map.copyOf(params);
    inputs = Map.copyOf(inputs);
    models = Map.copyOf(models);
    rowCounts = Map.copyOf(rowCounts);
    if (trackerPath != null && !trackerPath.equals("sam2") && !trackerPath.equals("fallback"))
      throw new IllegalArgumentException("tracker path is sam2 or fallback: " + trackerPath);
  }
}
