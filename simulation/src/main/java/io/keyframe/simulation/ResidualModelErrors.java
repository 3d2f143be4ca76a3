package io.keyframe.simulation;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.synth.InjectedFault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-annotating model's faults that an annotator leaves in while correcting its output
 * (automation bias: Parasuraman &amp; Manzey 2010, "Complacency and bias in human use of
 * automation"). Each recorded fault of the model survives in one annotator's labels with
 * probability {@code rate}, drawn independently per annotator, so second opinions share a residual
 * error only by chance.
 *
 * <ul>
 *   <li>class confusion: the annotator's boxes of that object carry the model's class over the
 *       span;
 *   <li>missed detection: the annotator's boxes of that object are missing over the span;
 *   <li>false positive: the model's spurious box stays in, as a one-frame object of its own.
 * </ul>
 *
 * Errors are recorded only where the labels actually changed (a span the annotator had already
 * skipped, or a track it had already given that class, adds nothing).
 *
 * @param rate chance that one model fault survives the correction, in [0, 1]
 */
public record ResidualModelErrors(double rate) {
  /** Kind of a surviving class confusion. */
  public static final String CLASS_CONFUSION = "residual_class_confusion";

  /** Kind of a surviving missed detection. */
  public static final String MISSED = "residual_missed";

  /** Kind of a surviving false positive. */
  public static final String FALSE_POSITIVE = "residual_false_positive";

  private static final Pattern FALSE_BOX =
      Pattern.compile("(\\S+) on \\S+ at (-?[0-9.]+),(-?[0-9.]+),([0-9.]+),([0-9.]+)");

  public ResidualModelErrors {
    if (!(rate >= 0 && rate <= 1))
      throw new IllegalArgumentException("residual model error rate must be in [0, 1]: " + rate);
  }

  /** Labels with the surviving faults in, and the errors that adds. */
  public record Result(AnnotationSet labels, List<InjectedError> errors) {
    public Result {
      errors = List.copyOf(errors);
    }
  }

  /**
   * Leaves the surviving model faults in {@code labels}. Truth objects are found in the labels by
   * box (IoU &ge; 0.5 with the truth box, best first), so an annotator's own ID swaps are followed.
   */
  public Result apply(
      AnnotationSet labels,
      AnnotationSet truth,
      List<InjectedFault> modelFaults,
      SplittableRandom r) {
    if (rate == 0 || modelFaults.isEmpty()) return new Result(labels, List.of());
    Map<Integer, List<Detection>> byFrame = new HashMap<>();
    int maxId = 0;
    for (Detection d : labels.detections()) {
      byFrame.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
      maxId = Math.max(maxId, d.trackId());
    }
    Map<Integer, Map<Integer, Detection>> truthAt = new HashMap<>();
    for (Detection d : truth.detections())
      truthAt.computeIfAbsent(d.trackId(), k -> new HashMap<>()).put(d.frame(), d);
    List<InjectedError> errors = new ArrayList<>();
    int nextId = maxId + 1;
    for (InjectedFault f : modelFaults) {
      // One draw per fault, taken before anything is skipped, keeps the other faults' draws fixed.
      boolean survives = r.nextDouble() < rate;
      if (!survives) continue;
      switch (f.kind()) {
        case CLASS_CONFUSION, MISSED_DETECTION -> {
          int object = f.trackIds().get(0);
          boolean drop = f.kind() == InjectedFault.Kind.MISSED_DETECTION;
          String kind = drop ? MISSED : CLASS_CONFUSION;
          String wrong = drop ? null : confusedLabel(f.detail());
          int runStart = -1;
          for (int frame = f.startFrame(); frame <= f.endFrame() + 1; frame++) {
            boolean changed = false;
            Detection t =
                frame <= f.endFrame() ? truthAt.getOrDefault(object, Map.of()).get(frame) : null;
            if (t != null && !t.outside()) {
              List<Detection> here = byFrame.getOrDefault(frame, List.of());
              int at = labelOf(here, t.boxOrMaskBox());
              if (at >= 0) {
                Detection l = here.get(at);
                if (drop) {
                  here.remove(at);
                  changed = true;
                } else if (wrong != null && !wrong.equals(l.label())) {
                  here.set(at, l.withLabel(wrong));
                  changed = true;
                }
              }
            }
            if (changed && runStart < 0) runStart = frame;
            if (!changed && runStart >= 0) {
              errors.add(new InjectedError(kind, object, runStart, frame - 1));
              runStart = -1;
            }
          }
        }
        case FALSE_POSITIVE -> {
          Matcher m = FALSE_BOX.matcher(f.detail());
          if (!m.find() || !labels.labels().contains(m.group(1))) continue;
          Box box =
              new Box(
                  Double.parseDouble(m.group(2)),
                  Double.parseDouble(m.group(3)),
                  Double.parseDouble(m.group(4)),
                  Double.parseDouble(m.group(5)));
          byFrame
              .computeIfAbsent(f.startFrame(), k -> new ArrayList<>())
              .add(Detection.of(f.startFrame(), nextId++, m.group(1), box));
          errors.add(
              new InjectedError(
                  FALSE_POSITIVE, InjectedError.SPURIOUS, f.startFrame(), f.startFrame()));
        }
        default -> {}
      }
    }
    List<Detection> out = new ArrayList<>();
    byFrame.keySet().stream().sorted().forEach(k -> out.addAll(byFrame.get(k)));
    return new Result(labels.withDetections(out), errors);
  }

  /** Index of the label box that best overlaps {@code truth} (IoU &ge; 0.5), or -1. */
  private static int labelOf(List<Detection> here, Box truth) {
    int best = -1;
    double bestIou = 0.5;
    for (int i = 0; i < here.size(); i++) {
      Box b = here.get(i).boxOrMaskBox();
      double iou = b == null || truth == null ? 0 : BoxIou.of(b, truth);
      if (iou >= bestIou) {
        bestIou = iou;
        best = i;
      }
    }
    return best;
  }

  /** The class the model reported, from the fault's {@code truth->confused} detail. */
  private static String confusedLabel(String detail) {
    int arrow = detail.indexOf("->");
    return arrow < 0 ? null : detail.substring(arrow + 2).trim();
  }
}
