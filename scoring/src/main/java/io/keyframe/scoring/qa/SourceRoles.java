package io.keyframe.scoring.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which detections source of an output root plays which part, from the {@code runs} table's
 * parameters: the one rule {@code keyframe rank}, {@code keyframe scorecard} and the report's
 * scorecard page apply, so the CLI and the page name the same annotators.
 *
 * <ol>
 *   <li>The newest {@code rank} run that names {@code annotator_sources}: its annotator,
 *       prediction, tracker and occlusion sources.
 *   <li>Else the newest {@code agreement} run: its {@code raters} are the annotators.
 *   <li>Else every source that is not the ground truth, the prediction or a tracker's output.
 * </ol>
 *
 * A rank run's roles are taken as it names them (no prediction when it names none). Without one,
 * the prediction is the oldest {@code track} run's detector or {@code generate} run's model,
 * whichever came first, and the tracker is the oldest track run's output. Every role is restricted
 * to the sources that hold detections; the ground truth {@code gt} is never an annotator.
 *
 * @param annotators annotator sources, in the order the run names them (or source order)
 * @param reference {@code gt} when the detections hold it, else {@code null}
 * @param prediction the model whose boxes annotators corrected (the pre-annotation), or {@code
 *     null}
 * @param tracker the tracker's output source, or {@code null}
 * @param occlusionSource the source whose occlusion events count: the rank run's, else the tracker
 * @param trackers every track run's output source, oldest first (the tracker is the first)
 * @param fromRun the run whose parameters named the annotators, or {@code null} when none did
 */
public record SourceRoles(
    List<String> annotators,
    String reference,
    String prediction,
    String tracker,
    String occlusionSource,
    List<String> trackers,
    String fromRun) {
  /** The ground truth's source name (the generate job's). */
  public static final String GROUND_TRUTH = "gt";

  private static final ObjectMapper JSON = new ObjectMapper();

  public SourceRoles {
    annotators = List.copyOf(annotators);
    trackers = List.copyOf(trackers);
  }

  /**
   * One row of the {@code runs} table, as far as roles go.
   *
   * @param params the parsed {@code params_json} (an empty object when it does not parse)
   */
  public record Run(String id, String job, long endedAt, JsonNode params) {
    public Run {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(job, "job");
      params = params == null ? JSON.createObjectNode() : params;
    }

    /** A run whose {@code params_json} is {@code json}; unparseable parameters name no roles. */
    public static Run parse(String id, String job, long endedAt, String json) {
      ObjectNode empty = JSON.createObjectNode();
      if (json == null) return new Run(id, job, endedAt, empty);
      try {
        return new Run(id, job, endedAt, JSON.readTree(json));
      } catch (IOException e) {
        return new Run(id, job, endedAt, empty);
      }
    }
  }

  /** The roles {@code runs} name, restricted to {@code sources} (the sources with detections). */
  public static SourceRoles of(List<Run> runs, Set<String> sources) {
    List<Run> byEnd =
        runs.stream()
            .sorted(Comparator.comparingLong(Run::endedAt).thenComparing(Run::id))
            .toList();
    Set<String> trackers = new LinkedHashSet<>();
    String fallbackPrediction = null; // the oldest track run's detector or generate run's model
    for (Run r : byEnd) {
      if (r.job().equals("track")) {
        String out = text(r.params().path("output_source"));
        if (out != null) trackers.add(out);
        if (fallbackPrediction == null)
          fallbackPrediction = text(r.params().path("detector_source"));
      }
      if (r.job().equals("generate") && fallbackPrediction == null)
        fallbackPrediction = text(r.params().path("model").path("name"));
    }

    List<String> annotators = new ArrayList<>();
    String prediction, tracker, occlusion = null, from = null;
    Run rank = newest(byEnd, "rank", r -> r.params().has("annotator_sources"));
    if (rank != null) {
      rank.params().path("annotator_sources").forEach(a -> annotators.add(a.asText()));
      prediction = text(rank.params().path("prediction_source"));
      tracker = text(rank.params().path("tracker_source"));
      occlusion = text(rank.params().path("occlusion_source"));
      from = rank.id();
    } else {
      prediction = fallbackPrediction;
      tracker = trackers.isEmpty() ? null : trackers.iterator().next();
      Run agreement = newest(byEnd, "agreement", r -> r.params().has("raters"));
      if (agreement != null) {
        agreement.params().path("raters").forEach(a -> annotators.add(a.asText()));
        from = agreement.id();
      } else {
        for (String s : sources)
          if (!s.equals(GROUND_TRUTH) && !s.equals(fallbackPrediction) && !trackers.contains(s))
            annotators.add(s);
      }
    }
    annotators.removeIf(a -> !sources.contains(a) || a.equals(GROUND_TRUTH));
    prediction = prediction != null && sources.contains(prediction) ? prediction : null;
    tracker = tracker != null && sources.contains(tracker) ? tracker : null;
    return new SourceRoles(
        annotators,
        sources.contains(GROUND_TRUTH) ? GROUND_TRUTH : null,
        prediction,
        tracker,
        occlusion != null ? occlusion : tracker,
        List.copyOf(trackers),
        annotators.isEmpty() ? null : from);
  }

  /** The newest run of {@code job} that {@code names} accepts, or {@code null}. */
  private static Run newest(List<Run> byEnd, String job, java.util.function.Predicate<Run> names) {
    Run best = null;
    for (Run r : byEnd) if (r.job().equals(job) && names.test(r)) best = r;
    return best;
  }

  /** A parameter's text; missing, null, "null" and "" are all no value. */
  private static String text(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) return null;
    String s = n.asText();
    return s.isEmpty() || s.equals("null") ? null : s;
  }
}
