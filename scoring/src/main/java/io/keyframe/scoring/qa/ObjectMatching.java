package io.keyframe.scoring.qa;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Video;
import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.metrics.iou.MaskIou;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Frame-by-frame optimal matching of two annotations of one video: per frame, the assignment that
 * maximises total IoU (Hungarian-type solver from {@code metrics}) among pairs with IoU at or above
 * the threshold; class is ignored, so a class disagreement shows as a match with different labels.
 * Detections marked {@code outside} are not objects in view and are skipped.
 *
 * @param matches matched pairs, frame order
 * @param onlyA detections of {@code a} with no partner
 * @param onlyB detections of {@code b} with no partner
 */
public record ObjectMatching(
    List<ObjectMatch> matches, List<Detection> onlyA, List<Detection> onlyB) {
  public ObjectMatching {
    matches = List.copyOf(matches);
    onlyA = List.copyOf(onlyA);
    onlyB = List.copyOf(onlyB);
  }

  /** Matches {@code a} against {@code b} over all frames. */
  public static ObjectMatching of(AnnotationSet a, AnnotationSet b, double minIou) {
    return of(a, b, minIou, null);
  }

  /**
   * Matches {@code a} against {@code b} over the frames of {@code item} only (all frames when
   * null).
   */
  public static ObjectMatching of(AnnotationSet a, AnnotationSet b, double minIou, WorkItem item) {
    if (!(minIou > 0 && minIou <= 1))
      throw new IllegalArgumentException("minIou not in (0,1]: " + minIou);
    requireSameVideo(a.video(), b.video());
    Map<Integer, List<Detection>> fa = a.byFrame(), fb = b.byFrame();
    TreeSet<Integer> frames = new TreeSet<>(fa.keySet());
    frames.addAll(fb.keySet());
    List<ObjectMatch> matches = new ArrayList<>();
    List<Detection> onlyA = new ArrayList<>(), onlyB = new ArrayList<>();
    LinearAssignment solver = new LinearAssignment();
    for (int f : frames) {
      if (item != null && !item.contains(f)) continue;
      List<Detection> da = inView(fa.getOrDefault(f, List.of())),
          db = inView(fb.getOrDefault(f, List.of()));
      int n = da.size(), m = db.size();
      double[] iou = new double[n * m], cost = new double[n * m];
      for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) {
          iou[i * m + j] = iou(da.get(i), db.get(j));
          cost[i * m + j] = iou[i * m + j] >= minIou ? 1 - iou[i * m + j] : Double.NaN;
        }
      int[] col = solver.solveAllowingForbidden(cost, n, m);
      boolean[] usedB = new boolean[m];
      for (int i = 0; i < n; i++) {
        if (col[i] >= 0) {
          usedB[col[i]] = true;
          matches.add(new ObjectMatch(f, da.get(i), db.get(col[i]), iou[i * m + col[i]]));
        } else onlyA.add(da.get(i));
      }
      for (int j = 0; j < m; j++) if (!usedB[j]) onlyB.add(db.get(j));
    }
    return new ObjectMatching(matches, onlyA, onlyB);
  }

  /** Mask IoU when both detections carry masks of the same size, else IoU of their boxes. */
  public static double iou(Detection x, Detection y) {
    if (x.mask() != null
        && y.mask() != null
        && x.mask().height() == y.mask().height()
        && x.mask().width() == y.mask().width()) return MaskIou.of(x.mask(), y.mask());
    var bx = x.boxOrMaskBox();
    var by = y.boxOrMaskBox();
    return bx == null || by == null ? 0 : BoxIou.of(bx, by);
  }

  /**
   * Throws when two annotations are not of the same video (ID, size or length differ): comparing
   * them would silently produce nonsense.
   */
  public static void requireSameVideo(Video a, Video b) {
    if (!a.id().equals(b.id()))
      throw new IllegalArgumentException(
          "annotations are of different videos (" + a.id() + " vs " + b.id() + ")");
    if (a.width() != b.width() || a.height() != b.height())
      throw new IllegalArgumentException(
          "annotations of video "
              + a.id()
              + " disagree on frame size: "
              + a.width()
              + "x"
              + a.height()
              + " vs "
              + b.width()
              + "x"
              + b.height());
    if (a.frameCount() != b.frameCount() && a.frameCount() > 0 && b.frameCount() > 0)
      throw new IllegalArgumentException(
          "annotations of video "
              + a.id()
              + " disagree on length: "
              + a.frameCount()
              + " vs "
              + b.frameCount()
              + " frames");
  }

  static List<Detection> inView(List<Detection> ds) {
    List<Detection> out = new ArrayList<>(ds.size());
    for (Detection d : ds) if (!d.outside() && d.boxOrMaskBox() != null) out.add(d);
    return out;
  }

  /** Matched pairs over all detections in view, in [0,1]; 1 when both are empty. */
  public double matchedFraction() {
    int total = 2 * matches.size() + onlyA.size() + onlyB.size();
    return total == 0 ? 1 : 2.0 * matches.size() / total;
  }

  /** Mean IoU of the matched pairs, NaN when none. */
  public double meanIou() {
    return matches.stream().mapToDouble(ObjectMatch::iou).average().orElse(Double.NaN);
  }

  /**
   * Matched pairs whose track-ID correspondence breaks: for each track of one side, its most common
   * partner track on the other side is its counterpart, and every matched pair linking it to
   * another track counts as a mismatch; the larger of the two directions is returned (one side
   * splitting an object and the other merging two both count). Untracked detections are not
   * counted.
   */
  public int idMismatches() {
    return Math.max(oneWayMismatches(true), oneWayMismatches(false));
  }

  private int oneWayMismatches(boolean aToB) {
    Map<Integer, Map<Integer, Integer>> partners = new java.util.HashMap<>();
    for (ObjectMatch m : matches) {
      int from = aToB ? m.a().trackId() : m.b().trackId(),
          to = aToB ? m.b().trackId() : m.a().trackId();
      if (from != Detection.UNTRACKED && to != Detection.UNTRACKED)
        partners.computeIfAbsent(from, k -> new java.util.HashMap<>()).merge(to, 1, Integer::sum);
    }
    int mismatches = 0;
    for (Map<Integer, Integer> p : partners.values()) {
      int total = 0, best = 0;
      for (int c : p.values()) {
        total += c;
        best = Math.max(best, c);
      }
      mismatches += total - best;
    }
    return mismatches;
  }
}
