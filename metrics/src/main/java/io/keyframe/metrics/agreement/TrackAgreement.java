package io.keyframe.metrics.agreement;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.metrics.iou.MaskIou;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agreement between two annotators' tracks of one video: per frame, objects are matched one-to-one
 * by maximum total IoU (mask IoU when both have masks, else box IoU) among pairs with IoU ≥ {@code
 * minIou}; on the matched pairs we report class agreement (Cohen's kappa, Cohen 1960) and box/mask
 * IoU per frame and per object; unmatched objects are counted separately.
 *
 * @param annotatorA name of the first annotation set
 * @param annotatorB name of the second
 * @param matched matched object pairs over all frames
 * @param unmatchedA objects of A without a partner
 * @param unmatchedB objects of B without a partner
 * @param meanBoxIou mean box IoU over matched pairs (NaN when none)
 * @param meanMaskIou mean mask IoU over matched pairs that both have masks (NaN when none)
 * @param classKappa Cohen's kappa of the class labels of matched pairs
 * @param classes the matched pairs' labels as a two-rater table (items = pairs)
 * @param perFrame per frame: matched pairs, unmatched each side, mean IoU
 * @param perObject per track of A: frames present, frames matched, mean IoU, the B track it matched
 *     most
 */
public record TrackAgreement(
    String annotatorA,
    String annotatorB,
    long matched,
    long unmatchedA,
    long unmatchedB,
    double meanBoxIou,
    double meanMaskIou,
    Agreement classKappa,
    RatingTable classes,
    List<FrameAgreement> perFrame,
    List<ObjectAgreement> perObject) {

  public TrackAgreement {
    perFrame = List.copyOf(perFrame);
    perObject = List.copyOf(perObject);
  }

  /** One frame's matching. */
  public record FrameAgreement(
      int frame, int matched, int unmatchedA, int unmatchedB, double meanIou) {}

  /** One track of annotator A. */
  public record ObjectAgreement(
      int trackId,
      String label,
      int frames,
      int matchedFrames,
      double meanIou,
      int mostMatchedTrackB) {}

  /** Matches per frame at {@code minIou} (0.5 is the usual choice). */
  public static TrackAgreement of(AnnotationSet a, AnnotationSet b, double minIou) {
    TreeMap<Integer, List<Detection>> fa = visible(a), fb = visible(b);
    TreeSet<Integer> frames = new TreeSet<>(fa.keySet());
    frames.addAll(fb.keySet());
    LinearAssignment lap = new LinearAssignment();
    List<String[]> labelPairs = new ArrayList<>();
    List<FrameAgreement> perFrame = new ArrayList<>();
    Map<Integer, double[]> objStats = new LinkedHashMap<>(); // frames, matched, iouSum
    Map<Integer, String> objLabel = new LinkedHashMap<>();
    Map<Integer, Map<Integer, Integer>> partners = new LinkedHashMap<>();
    long matched = 0, ua = 0, ub = 0, maskPairs = 0;
    double boxSum = 0, maskSum = 0;
    for (int f : frames) {
      List<Detection> da = fa.getOrDefault(f, List.of()), db = fb.getOrDefault(f, List.of());
      int na = da.size(), nb = db.size();
      double[] iou = new double[na * nb], cost = new double[na * nb];
      for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++) {
          double v = overlap(da.get(i), db.get(j));
          iou[i * nb + j] = v;
          cost[i * nb + j] = v >= minIou && v > 0 ? -v : Double.NaN;
        }
      int[] col = na * nb == 0 ? new int[na] : lap.solveAllowingForbidden(cost, na, nb);
      if (na * nb == 0) java.util.Arrays.fill(col, -1);
      int m = 0;
      double frameIou = 0;
      boolean[] usedB = new boolean[nb];
      for (int i = 0; i < na; i++) {
        Detection x = da.get(i);
        int id = x.trackId();
        objStats.computeIfAbsent(id, k -> new double[3])[0]++;
        objLabel.putIfAbsent(id, x.label());
        int j = col[i];
        if (j < 0) continue;
        Detection y = db.get(j);
        usedB[j] = true;
        m++;
        double v = iou[i * nb + j];
        frameIou += v;
        double[] st = objStats.get(id);
        st[1]++;
        st[2] += v;
        partners.computeIfAbsent(id, k -> new TreeMap<>()).merge(y.trackId(), 1, Integer::sum);
        labelPairs.add(new String[] {x.label(), y.label()});
        Box bx = x.boxOrMaskBox(), by = y.boxOrMaskBox();
        boxSum += bx == null || by == null ? 0 : BoxIou.of(bx, by);
        if (x.mask() != null && y.mask() != null) {
          maskSum += MaskIou.of(x.mask(), y.mask());
          maskPairs++;
        }
      }
      matched += m;
      ua += na - m;
      ub += nb - m;
      perFrame.add(new FrameAgreement(f, m, na - m, nb - m, m == 0 ? Double.NaN : frameIou / m));
    }
    List<ObjectAgreement> perObject = new ArrayList<>();
    objStats.forEach(
        (id, st) -> {
          int best = -1, bestCount = 0;
          for (var e : partners.getOrDefault(id, Map.of()).entrySet())
            if (e.getValue() > bestCount) {
              best = e.getKey();
              bestCount = e.getValue();
            }
          perObject.add(
              new ObjectAgreement(
                  id,
                  objLabel.get(id),
                  (int) st[0],
                  (int) st[1],
                  st[1] == 0 ? Double.NaN : st[2] / st[1],
                  best));
        });
    String nameA = a.provenance().source(), nameB = b.provenance().source();
    RatingTable classes =
        labelPairs.isEmpty()
            ? null
            : RatingTable.fromColumns(
                List.of(label(nameA, "A"), label(nameB, "B", nameA)), labelPairs);
    Agreement kappa =
        classes == null
            ? Agreement.undefined("no matched objects")
            : CohenKappa.of(classes, 0, 1, Weighting.NONE);
    return new TrackAgreement(
        label(nameA, "A"),
        label(nameB, "B", nameA),
        matched,
        ua,
        ub,
        matched == 0 ? Double.NaN : boxSum / matched,
        maskPairs == 0 ? Double.NaN : maskSum / maskPairs,
        kappa,
        classes,
        perFrame,
        perObject);
  }

  private static String label(String name, String fallback) {
    return name == null || name.isBlank() ? fallback : name;
  }

  private static String label(String name, String fallback, String other) {
    String l = label(name, fallback);
    return l.equals(label(other, "A")) ? l + " (2)" : l;
  }

  private static double overlap(Detection x, Detection y) {
    if (x.mask() != null && y.mask() != null) return MaskIou.of(x.mask(), y.mask());
    Box bx = x.boxOrMaskBox(), by = y.boxOrMaskBox();
    return bx == null || by == null ? 0 : BoxIou.of(bx, by);
  }

  private static TreeMap<Integer, List<Detection>> visible(AnnotationSet s) {
    TreeMap<Integer, List<Detection>> out = new TreeMap<>();
    for (Detection d : s.detections())
      if (!d.outside()) out.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
    return out;
  }
}
