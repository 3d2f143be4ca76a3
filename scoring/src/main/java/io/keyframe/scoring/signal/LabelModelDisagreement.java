package io.keyframe.scoring.signal;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Annotator vs model disagreement, confident-learning style: a label is suspect where the model is
 * confidently of another mind (Northcutt, Jiang &amp; Chuang 2021, Confident Learning, JAIR 70).
 *
 * <p>Labels and model detections are IoU-matched per frame. Per class k the threshold t_k is the
 * mean model probability of k over matched detections labelled k (the paper's per-class
 * self-confidence). A frame's value counts its suspected issues: a matched label of class i whose
 * detection has p_k &gt;= t_k for some k != i (without probabilities: a different model label with
 * score &gt;= {@code confidence}); a confident model detection with no label (missing label); 1 -
 * IoU for a confident match below {@code boxIou} (shifted box); and 0.5 for a label the model does
 * not see at all (weaker: the model may simply have missed it). With several annotators the worst
 * annotator counts.
 *
 * @param minIou IoU for "same object"
 * @param confidence model score from which a detection counts as confident
 * @param boxIou IoU under which a confident match counts as a shifted box
 */
public record LabelModelDisagreement(double minIou, double confidence, double boxIou)
    implements Signal {
  public LabelModelDisagreement {
    PairDisagreement.requireMinIou(minIou);
    if (!(confidence >= 0 && confidence <= 1))
      throw new IllegalArgumentException("confidence not in [0,1]: " + confidence);
    if (!(boxIou >= minIou && boxIou <= 1))
      throw new IllegalArgumentException("boxIou not in [minIou,1]: " + boxIou);
  }

  /**
   * Defaults: IoU 0.3 for a match (shifted boxes still pair up), confident from 0.5, shifted below
   * 0.7 IoU.
   */
  public LabelModelDisagreement() {
    this(0.3, 0.5, 0.7);
  }

  @Override
  public String name() {
    return "annotator_model";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    if (evidence.predictions() == null) return MissingInput.predictions(evidence);
    return MissingInput.when(
        evidence.annotators().isEmpty(),
        "no annotator labels given; pass the labels to check (--labels)");
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    List<List<Detection>> model = evidence.perFrame(evidence.predictions());
    FrameScores.Builder out = new FrameScores.Builder(evidence.frameCount());
    for (AnnotationSet labels : evidence.annotators()) {
      List<List<Detection>> lab = evidence.perFrame(labels);
      int[][] matches = new int[lab.size()][];
      double[][][] ious = new double[lab.size()][][];
      for (int f = 0; f < lab.size(); f++) {
        ious[f] = iou(lab.get(f), model.get(f));
        matches[f] =
            model.get(f).isEmpty()
                ? fill(lab.get(f).size())
                : BoxMatcher.DEFAULT.assign(ious[f], minIou);
      }
      Map<String, Double> thresholds = thresholds(lab, model, matches);
      for (int f = 0; f < lab.size(); f++) {
        double v = 0;
        boolean[] seen = new boolean[model.get(f).size()];
        java.util.Set<Integer> mine = new java.util.TreeSet<>();
        for (int i = 0; i < lab.get(f).size(); i++) {
          Detection l = lab.get(f).get(i);
          int j = matches[f][i];
          if (j < 0) {
            v += 0.5;
            mine.add(l.trackId());
            continue;
          }
          seen[j] = true;
          Detection m = model.get(f).get(j);
          double issue = classIssue(l, m, thresholds) ? 1 : 0;
          if (m.score() >= confidence && ious[f][i][j] < boxIou) issue += 1 - ious[f][i][j];
          if (issue > 0) mine.add(l.trackId());
          v += issue;
        }
        for (int j = 0; j < seen.length; j++)
          if (!seen[j] && model.get(f).get(j).score() >= confidence) {
            v += 1;
            mine.add(model.get(f).get(j).trackId());
          }
        if (v > out.get(f)) {
          out.max(f, v).objects(f, mine);
        }
      }
    }
    return out.build();
  }

  private boolean classIssue(Detection label, Detection model, Map<String, Double> thresholds) {
    if (model.classProbabilities().isEmpty())
      return model.score() >= confidence && !model.label().equals(label.label());
    for (Map.Entry<String, Double> e : model.classProbabilities().entrySet())
      if (!e.getKey().equals(label.label())
          && e.getValue() >= thresholds.getOrDefault(e.getKey(), confidence)) return true;
    return false;
  }

  /**
   * Confident learning's per-class threshold: mean self-confidence over matched detections labelled
   * k.
   */
  private Map<String, Double> thresholds(
      List<List<Detection>> lab, List<List<Detection>> model, int[][] matches) {
    Map<String, double[]> acc = new HashMap<>();
    for (int f = 0; f < lab.size(); f++)
      for (int i = 0; i < lab.get(f).size(); i++) {
        int j = matches[f][i];
        if (j < 0) continue;
        Detection m = model.get(f).get(j);
        Double p = m.classProbabilities().get(lab.get(f).get(i).label());
        if (p == null) continue;
        double[] a = acc.computeIfAbsent(lab.get(f).get(i).label(), k -> new double[2]);
        a[0] += p;
        a[1]++;
      }
    Map<String, Double> t = new HashMap<>();
    // A threshold below `confidence` would flag near-uniform posteriors; the paper has no such
    // floor,
    // but its thresholds come from well-trained models, which a pre-annotation model may not be.
    acc.forEach((k, a) -> t.put(k, Math.max(confidence, a[0] / a[1])));
    return t;
  }

  private static double[][] iou(List<Detection> a, List<Detection> b) {
    double[][] m = new double[a.size()][b.size()];
    for (int i = 0; i < a.size(); i++)
      for (int j = 0; j < b.size(); j++) {
        Box x = a.get(i).boxOrMaskBox();
        Box y = b.get(j).boxOrMaskBox();
        m[i][j] = x == null || y == null ? 0 : BoxMatcher.DEFAULT.iou(x, y);
      }
    return m;
  }

  private static int[] fill(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }
}
