package io.keyframe.metrics.motchallenge;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.metrics.tracking.ScopeCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import java.util.List;
import java.util.Locale;

/**
 * The named ways {@code mot-metrics} decides which rows are scored and by whose rules.
 *
 * <ul>
 *   <li>{@link #MOTCHALLENGE}: TrackEval's MOTChallenge protocol ({@link MotChallengeProtocol}),
 *       TrackEval's CLEAR, identity and HOTA;
 *   <li>{@link #PY_MOTMETRICS}: py-motmetrics' MOTChallenge app ({@code apps/eval_motchallenge.py}
 *       loads ground truth with {@code min_confidence=1}): ground-truth rows with confidence &lt; 1
 *       are dropped, everything else is scored with py-motmetrics' CLEAR and identity rules;
 *   <li>{@link #ALL_ROWS}: every row scored with py-motmetrics' rules ({@code
 *       compare_to_groundtruth} on the rows as loaded, as py-motmetrics' own tests do).
 * </ul>
 */
public enum EvaluationProtocol {
  MOTCHALLENGE("motchallenge"),
  PY_MOTMETRICS("py-motmetrics"),
  ALL_ROWS("all-rows");

  private final String cliName;

  EvaluationProtocol(String cliName) {
    this.cliName = cliName;
  }

  /** The name the CLI prints and parses. */
  public String cliName() {
    return cliName;
  }

  /** Parses a CLI name. */
  public static EvaluationProtocol parse(String s) {
    String n = s.trim().toLowerCase(Locale.ROOT);
    for (EvaluationProtocol p : values()) if (p.cliName.equals(n)) return p;
    throw new IllegalArgumentException(
        "unknown protocol '" + s + "' (motchallenge, py-motmetrics or all-rows)");
  }

  /**
   * The protocol a user of this ground truth expects: MOTChallenge's when it carries MOTChallenge
   * class/visibility columns; py-motmetrics' MOTChallenge app for other MOTChallenge text files
   * (MOT15-2D, results layout); every row for other formats, where confidence means nothing.
   */
  public static EvaluationProtocol defaultFor(AnnotationSet gt, boolean motText) {
    if (MotChallengeClasses.carriedBy(gt.detections())) return MOTCHALLENGE;
    return motText ? PY_MOTMETRICS : ALL_ROWS;
  }

  /**
   * The default for a pair: as {@link #defaultFor(AnnotationSet, boolean)}, but MOTCHALLENGE only
   * when the prediction's labels are MOTChallenge classes or class-less too. keyframe's own batches
   * write small integer class ids with a visibility column, which look like MOTChallenge ground
   * truth; their predictions name other classes (bed_rail), which TrackEval's protocol refuses.
   */
  public static EvaluationProtocol defaultFor(
      AnnotationSet gt, AnnotationSet pred, boolean motText) {
    EvaluationProtocol p = defaultFor(gt, motText);
    if (p != MOTCHALLENGE) return p;
    boolean predIsMotChallenge =
        pred.detections().stream()
            .allMatch(
                d ->
                    MotChallengeClasses.idOf(d.label()) == -1
                        || MotChallengeClasses.isKnown(d.label()));
    return predIsMotChallenge ? MOTCHALLENGE : (motText ? PY_MOTMETRICS : ALL_ROWS);
  }

  /**
   * Scores one sequence pair: one result (MOTCHALLENGE: one per class of {@code challenge}) named
   * after the video.
   */
  public List<ScopeCounts> evaluate(
      AnnotationSet gt, AnnotationSet pred, MotChallengeProtocol challenge) {
    return switch (this) {
      case MOTCHALLENGE -> challenge.evaluate(gt, pred);
      case PY_MOTMETRICS -> List.of(TrackingEvaluation.standard().evaluate(confident(gt), pred));
      case ALL_ROWS -> List.of(TrackingEvaluation.standard().evaluate(gt, pred));
    };
  }

  /** py-motmetrics' {@code min_confidence=1}: the ground-truth rows it keeps. */
  static AnnotationSet confident(AnnotationSet gt) {
    List<Detection> kept = gt.detections().stream().filter(d -> d.score() >= 1).toList();
    return kept.size() == gt.detections().size() ? gt : gt.withDetections(kept);
  }
}
