package io.keyframe.spark.agreement;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.scoring.qa.ObjectMatch;
import io.keyframe.scoring.qa.ObjectMatching;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What two raters' labels of one video share, as summable evidence: the matched objects (scoring's
 * {@link ObjectMatching}: per frame, IoU ≥ threshold, one-to-one) with their classes and IoU, and
 * the objects only one rater drew, per class. Videos combine by concatenating matches and adding
 * counts.
 *
 * @param labelA rater A's class of each matched pair
 * @param labelB rater B's class of each matched pair
 * @param iou IoU of each matched pair
 * @param onlyA class → objects only A drew
 * @param onlyB class → objects only B drew
 */
public record RaterPair(
    String raterA,
    String raterB,
    List<String> labelA,
    List<String> labelB,
    double[] iou,
    Map<String, Integer> onlyA,
    Map<String, Integer> onlyB)
    implements Serializable {
  public RaterPair {
    labelA = List.copyOf(labelA);
    labelB = List.copyOf(labelB);
    if (labelA.size() != labelB.size() || labelA.size() != iou.length)
      throw new IllegalArgumentException("matched pairs out of step");
    onlyA = Map.copyOf(onlyA);
    onlyB = Map.copyOf(onlyB);
  }

  /** The evidence of one video. */
  public static RaterPair of(
      String raterA, AnnotationSet a, String raterB, AnnotationSet b, double minIou) {
    return of(raterA, raterB, ObjectMatching.of(a, b, minIou));
  }

  /** The evidence of one video from its matching (the same one {@code agreement_objects} lists). */
  public static RaterPair of(String raterA, String raterB, ObjectMatching m) {
    List<String> la = new ArrayList<>(), lb = new ArrayList<>();
    double[] iou = new double[m.matches().size()];
    int k = 0;
    for (ObjectMatch x : m.matches()) {
      la.add(x.a().label());
      lb.add(x.b().label());
      iou[k++] = x.iou();
    }
    Map<String, Integer> oa = new TreeMap<>(), ob = new TreeMap<>();
    m.onlyA().forEach(d -> oa.merge(d.label(), 1, Integer::sum));
    m.onlyB().forEach(d -> ob.merge(d.label(), 1, Integer::sum));
    return new RaterPair(raterA, raterB, la, lb, iou, oa, ob);
  }

  /** Both videos' evidence together. */
  public RaterPair plus(RaterPair o) {
    List<String> la = new ArrayList<>(labelA), lb = new ArrayList<>(labelB);
    la.addAll(o.labelA);
    lb.addAll(o.labelB);
    double[] iou2 = java.util.Arrays.copyOf(iou, iou.length + o.iou.length);
    System.arraycopy(o.iou, 0, iou2, iou.length, o.iou.length);
    Map<String, Integer> oa = new TreeMap<>(onlyA), ob = new TreeMap<>(onlyB);
    o.onlyA.forEach((k, v) -> oa.merge(k, v, Integer::sum));
    o.onlyB.forEach((k, v) -> ob.merge(k, v, Integer::sum));
    return new RaterPair(raterA, raterB, la, lb, iou2, oa, ob);
  }

  /**
   * The evidence restricted to rater A's class {@code label} (matched pairs and A-only objects),
   * B-only objects of that class.
   */
  public RaterPair ofLabel(String label) {
    List<String> la = new ArrayList<>(), lb = new ArrayList<>();
    List<Double> iou2 = new ArrayList<>();
    for (int i = 0; i < labelA.size(); i++)
      if (labelA.get(i).equals(label)) {
        la.add(labelA.get(i));
        lb.add(labelB.get(i));
        iou2.add(iou[i]);
      }
    return new RaterPair(
        raterA,
        raterB,
        la,
        lb,
        iou2.stream().mapToDouble(Double::doubleValue).toArray(),
        onlyA.containsKey(label) ? Map.of(label, onlyA.get(label)) : Map.of(),
        onlyB.containsKey(label) ? Map.of(label, onlyB.get(label)) : Map.of());
  }
}
