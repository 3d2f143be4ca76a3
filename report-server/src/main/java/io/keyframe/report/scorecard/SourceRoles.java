package io.keyframe.report.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Which detections source plays which part for scorecards, from the {@code runs} table's
 * parameters, by the rule {@code keyframe scorecard} applies to an output root: the newest {@code
 * rank} run's {@code annotator_sources} and {@code prediction_source}; without one, the newest
 * {@code agreement} run's {@code raters}, and the {@code generate} run's model as the
 * pre-annotation. The ground truth {@code gt} is the reference when the detections hold it.
 *
 * @param annotators annotator sources, in the order the run names them
 * @param reference {@code gt}, or {@code null} (then the annotators' consensus is the reference)
 * @param preAnnotation the model whose boxes annotators corrected, or {@code null}
 * @param fromRun the run whose parameters named the annotators, or {@code null} when none did
 */
public record SourceRoles(
    List<String> annotators, String reference, String preAnnotation, String fromRun) {
  /** The ground truth's source name (GenerateJob's). */
  public static final String GROUND_TRUTH = "gt";

  private static final ObjectMapper JSON = new ObjectMapper();

  public SourceRoles {
    annotators = List.copyOf(annotators);
  }

  /** The roles the runs name, restricted to {@code sources} (the sources with detections). */
  public static SourceRoles of(Table runs, Set<String> sources) {
    JsonNode rank = newest(runs, "rank"), agreement = newest(runs, "agreement");
    JsonNode generate = newest(runs, "generate");
    List<String> annotators = new ArrayList<>();
    String pre = null, from = null;
    if (rank != null && rank.path("params").has("annotator_sources")) {
      rank.path("params").path("annotator_sources").forEach(a -> annotators.add(a.asText()));
      pre = text(rank.path("params").path("prediction_source"));
      from = rank.path("run").asText();
    } else if (agreement != null) {
      agreement.path("params").path("raters").forEach(a -> annotators.add(a.asText()));
      from = agreement.path("run").asText();
    }
    if (pre == null && generate != null)
      pre = text(generate.path("params").path("model").path("name"));
    annotators.removeIf(a -> !sources.contains(a) || a.equals(GROUND_TRUTH));
    return new SourceRoles(
        annotators,
        sources.contains(GROUND_TRUTH) ? GROUND_TRUTH : null,
        pre != null && sources.contains(pre) ? pre : null,
        annotators.isEmpty() ? null : from);
  }

  private static JsonNode newest(Table runs, String job) {
    JsonNode best = null;
    long bestEnd = Long.MIN_VALUE;
    for (int r = 0; r < runs.rowCount(); r++) {
      if (!runs.stringColumn("job").get(r).equals(job)) continue;
      long end = runs.longColumn("ended_at").getLong(r);
      if (end < bestEnd) continue;
      JsonNode params;
      try {
        params = JSON.readTree(runs.stringColumn("params_json").get(r));
      } catch (java.io.IOException e) {
        continue; // a run whose parameters do not parse names no roles
      }
      bestEnd = end;
      best =
          JSON.createObjectNode()
              .put("run", runs.stringColumn("run_id").get(r))
              .set("params", params);
    }
    return best;
  }

  private static String text(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
  }
}
