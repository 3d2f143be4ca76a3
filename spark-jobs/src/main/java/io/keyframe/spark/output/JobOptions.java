package io.keyframe.spark.output;

import java.util.Objects;

/**
 * Options every job shares.
 *
 * @param outputRoot the output root (local path or any Hadoop URI: {@code hdfs://}, {@code s3a://})
 * @param runId explicit run id, or null to derive one from job, parameters, inputs and code version
 * @param maxBadFraction fraction of input rows that may be quarantined before the job fails, in
 *     [0,1]
 */
public record JobOptions(String outputRoot, String runId, double maxBadFraction)
    implements java.io.Serializable {
  /** Default bad-row limit: one percent. */
  public static final double DEFAULT_MAX_BAD_FRACTION = 0.01;

  /**
   * The options every job's {@code main} takes: {@code --out DIR [--run-id ID] [--max-bad-fraction
   * F]}.
   */
  public static JobOptions from(io.keyframe.spark.JobArguments a) {
    return new JobOptions(
        a.required("out"),
        a.optional("run-id", null),
        a.optional("max-bad-fraction", DEFAULT_MAX_BAD_FRACTION));
  }

  public JobOptions {
    Objects.requireNonNull(outputRoot, "outputRoot");
    if (!(maxBadFraction >= 0 && maxBadFraction <= 1))
      throw new IllegalArgumentException("maxBadFraction not in [0,1]: " + maxBadFraction);
  }

  /** Derived run id and the default bad-row limit. */
  public static JobOptions of(String outputRoot) {
    return new JobOptions(outputRoot, null, DEFAULT_MAX_BAD_FRACTION);
  }
}
