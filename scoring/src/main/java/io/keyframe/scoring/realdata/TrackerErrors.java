package io.keyframe.scoring.realdata;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrozenArray;
import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.clear.MotAccumulator;
import io.keyframe.metrics.iou.BoxIou;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tracker's real errors per frame against ground truth, as py-motmetrics counts them with {@code
 * compare_to_groundtruth(gt, ts, 'iou', distth=0.5)}: CLEAR-MOT events (Bernardin &amp;
 * Stiefelhagen 2008) from {@link MotAccumulator}, a pair matchable when IoU &ge; 0.5. An ID switch
 * counts on the frame where the object's match changes hypothesis.
 *
 * @param sequence sequence name
 * @param falsePositives unmatched tracker boxes per frame (0-based)
 * @param misses unmatched ground-truth objects per frame
 * @param switches ID switches per frame
 */
public record TrackerErrors(
    String sequence,
    FrozenArray.OfInt falsePositives,
    FrozenArray.OfInt misses,
    FrozenArray.OfInt switches) {
  /**
   * IoU below which a tracker box cannot match a ground-truth object (py-motmetrics' distth 0.5).
   */
  public static final double MIN_IOU = 0.5;

  public TrackerErrors {
    if (falsePositives.length() != misses.length() || misses.length() != switches.length())
      throw new IllegalArgumentException("per-frame arrays differ in length");
  }

  /** Counts the errors of {@code tracker} against {@code groundTruth} on {@code frames} frames. */
  public static TrackerErrors count(
      String sequence, AnnotationSet groundTruth, AnnotationSet tracker, int frames) {
    Map<Integer, List<Detection>> gt = groundTruth.byFrame(), tr = tracker.byFrame();
    Map<Integer, Integer> gtIds = new HashMap<>(), trIds = new HashMap<>();
    MotAccumulator acc = new MotAccumulator();
    int[] fp = new int[frames], miss = new int[frames], sw = new int[frames];
    long fpBefore = 0, missBefore = 0;
    for (int f = 0; f < frames; f++) {
      List<Detection> g = boxed(gt.getOrDefault(f, List.of())),
          t = boxed(tr.getOrDefault(f, List.of()));
      int[] oids = dense(g, gtIds), hids = dense(t, trIds);
      double[] dist = new double[g.size() * t.size()];
      for (int i = 0; i < g.size(); i++)
        for (int j = 0; j < t.size(); j++) {
          double iou = BoxIou.of(g.get(i).boxOrMaskBox(), t.get(j).boxOrMaskBox());
          dist[i * t.size() + j] = iou >= MIN_IOU ? 1 - iou : Double.NaN;
        }
      acc.update(f, oids, hids, dist);
      ClearCounts c = acc.clear();
      fp[f] = (int) (c.falsePositives() - fpBefore);
      miss[f] = (int) (c.misses() - missBefore);
      fpBefore = c.falsePositives();
      missBefore = c.misses();
    }
    for (int[] e : acc.switchEvents()) sw[e[0]]++;
    return new TrackerErrors(
        sequence,
        new FrozenArray.OfInt(fp),
        new FrozenArray.OfInt(miss),
        new FrozenArray.OfInt(sw));
  }

  private static List<Detection> boxed(List<Detection> ds) {
    List<Detection> out = new ArrayList<>();
    for (Detection d : ds) if (!d.outside() && d.boxOrMaskBox() != null) out.add(d);
    return out;
  }

  private static int[] dense(List<Detection> ds, Map<Integer, Integer> ids) {
    int[] out = new int[ds.size()];
    for (int k = 0; k < ds.size(); k++) {
      Detection d = ds.get(k);
      // untracked boxes get a fresh ID each: they can never keep a match
      int key = d.trackId() == Detection.UNTRACKED ? -1 - ids.size() : d.trackId();
      out[k] = ids.computeIfAbsent(key, x -> ids.size());
    }
    return out;
  }

  /** Frames counted. */
  public int frameCount() {
    return misses.length();
  }

  /** All errors on one frame: false positives + misses + ID switches. */
  public int at(int frame) {
    return falsePositives.get(frame) + misses.get(frame) + switches.get(frame);
  }

  /** All errors per frame. */
  public int[] perFrame() {
    int[] out = new int[frameCount()];
    for (int f = 0; f < out.length; f++) out[f] = at(f);
    return out;
  }

  /** Errors over the sequence. */
  public long total() {
    long n = 0;
    for (int f = 0; f < frameCount(); f++) n += at(f);
    return n;
  }

  @Override
  public String toString() {
    return "TrackerErrors["
        + sequence
        + ", FP "
        + falsePositives.sum()
        + ", misses "
        + misses.sum()
        + ", switches "
        + switches.sum()
        + "]";
  }
}
