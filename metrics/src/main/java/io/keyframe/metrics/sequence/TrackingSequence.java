package io.keyframe.metrics.sequence;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.metrics.iou.MaskIou;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A ground-truth / prediction pair of one video as TrackEval's per-timestep data: frames in
 * ascending order (the union of the frames either side has), dense IDs {@code 0..n-1} and the
 * original IDs they stand for.
 *
 * @param name sequence name (video)
 * @param frames frames in ascending order
 * @param gtIdNames original ground-truth ID of each dense ID
 * @param predIdNames original predicted ID of each dense ID
 */
public record TrackingSequence(
    String name, List<SequenceFrame> frames, int[] gtIdNames, int[] predIdNames) {

  /** What the similarity between a ground-truth and a predicted object is. */
  public enum Similarity {
    /** Box IoU (mask bounding box when a detection only has a mask). */
    BOX_IOU,
    /** Mask IoU on RLE; detections without a mask use their box rasterised to the frame. */
    MASK_IOU
  }

  public TrackingSequence {
    frames = List.copyOf(frames);
    gtIdNames = gtIdNames.clone();
    predIdNames = predIdNames.clone();
    for (int k = 1; k < frames.size(); k++)
      if (frames.get(k).frame() <= frames.get(k - 1).frame())
        throw new IllegalArgumentException(
            "frames not in ascending order at " + frames.get(k).frame());
    for (SequenceFrame f : frames) {
      checkIds(f.frame(), f.gt(), gtIdNames.length, "ground truth", gtIdNames);
      checkIds(f.frame(), f.pred(), predIdNames.length, "prediction", predIdNames);
    }
  }

  private static void checkIds(int frame, int[] ids, int n, String side, int[] names) {
    boolean[] seen = new boolean[n];
    for (int id : ids) {
      if (id < 0 || id >= n)
        throw new IllegalArgumentException(
            "frame " + frame + ": " + side + " id " + id + " out of range");
      if (seen[id])
        throw new BadAnnotationException(
            null,
            -1,
            frame,
            "track_id",
            side
                + " has track id "
                + names[id]
                + " more than once in one frame (TrackEval rejects this too)");
      seen[id] = true;
    }
  }

  /** Original ground-truth ID of each dense ID (a copy; {@link #gtIdName} reads one). */
  @Override
  public int[] gtIdNames() {
    return gtIdNames.clone();
  }

  /** Original predicted ID of each dense ID (a copy; {@link #predIdName} reads one). */
  @Override
  public int[] predIdNames() {
    return predIdNames.clone();
  }

  /** Original ground-truth ID of dense ID {@code id}. */
  public int gtIdName(int id) {
    return gtIdNames[id];
  }

  /** Original predicted ID of dense ID {@code id}. */
  public int predIdName(int id) {
    return predIdNames[id];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrackingSequence t
        && name.equals(t.name)
        && frames.equals(t.frames)
        && Arrays.equals(gtIdNames, t.gtIdNames)
        && Arrays.equals(predIdNames, t.predIdNames);
  }

  @Override
  public int hashCode() {
    return (name.hashCode() * 31 + frames.hashCode()) * 31 + Arrays.hashCode(gtIdNames);
  }

  @Override
  public String toString() {
    return "TrackingSequence["
        + name
        + ", "
        + frames.size()
        + " frames, "
        + gtIdNames.length
        + " ground-truth and "
        + predIdNames.length
        + " predicted IDs]";
  }

  public int numGtIds() {
    return gtIdNames.length;
  }

  public int numPredIds() {
    return predIdNames.length;
  }

  /** Total ground-truth detections. */
  public long numGtDets() {
    long n = 0;
    for (SequenceFrame f : frames) n += f.gt().length;
    return n;
  }

  /** Total predicted detections. */
  public long numPredDets() {
    long n = 0;
    for (SequenceFrame f : frames) n += f.pred().length;
    return n;
  }

  /** Builds frames from raw IDs; IDs are made dense in order of first appearance. */
  public static final class Builder {
    private final String name;
    private final List<SequenceFrame> frames = new ArrayList<>();
    private final Map<Integer, Integer> gtDense = new HashMap<>();
    private final Map<Integer, Integer> predDense = new HashMap<>();
    private final List<Integer> gtNames = new ArrayList<>();
    private final List<Integer> predNames = new ArrayList<>();

    public Builder(String name) {
      this.name = name;
    }

    /** Adds a frame; frames must come in ascending order. */
    public Builder frame(int frame, int[] gtIds, int[] predIds, double[] similarity) {
      frames.add(
          new SequenceFrame(
              frame,
              dense(gtIds, gtDense, gtNames),
              dense(predIds, predDense, predNames),
              similarity));
      return this;
    }

    private static int[] dense(int[] raw, Map<Integer, Integer> map, List<Integer> names) {
      int[] out = new int[raw.length];
      for (int k = 0; k < raw.length; k++) {
        Integer d = map.get(raw[k]);
        if (d == null) {
          d = names.size();
          map.put(raw[k], d);
          names.add(raw[k]);
        }
        out[k] = d;
      }
      return out;
    }

    public TrackingSequence build() {
      return new TrackingSequence(
          name,
          frames,
          gtNames.stream().mapToInt(Integer::intValue).toArray(),
          predNames.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /**
   * The sequence of a ground-truth and a predicted annotation set, restricted to detections that
   * pass {@code keep} (e.g. one class). Detections flagged {@code outside} are not objects in view
   * and are skipped. Untracked detections get one fresh ID each.
   */
  public static TrackingSequence of(
      AnnotationSet gt, AnnotationSet pred, Similarity similarity, Predicate<Detection> keep) {
    TreeMap<Integer, List<Detection>> g = group(gt.detections(), keep);
    TreeMap<Integer, List<Detection>> p = group(pred.detections(), keep);
    TreeSet<Integer> all = new TreeSet<>(g.keySet());
    all.addAll(p.keySet());
    int height = Math.max(gt.video().height(), 1), width = Math.max(gt.video().width(), 1);
    Builder b = new Builder(gt.video().id());
    int[] nextUntracked = {Integer.MIN_VALUE / 2};
    for (int frame : all) {
      List<Detection> gd = g.getOrDefault(frame, List.of());
      List<Detection> pd = p.getOrDefault(frame, List.of());
      double[] sim = new double[gd.size() * pd.size()];
      if (sim.length > 0) {
        if (similarity == Similarity.BOX_IOU) {
          BoxIou.matrix(corners(gd), gd.size(), corners(pd), pd.size(), sim);
        } else {
          sim = MaskIou.matrix(masks(gd, height, width), masks(pd, height, width));
        }
      }
      b.frame(frame, ids(gd, nextUntracked), ids(pd, nextUntracked), sim);
    }
    return b.build();
  }

  /**
   * One sequence per class in {@code classes}, each as {@link #of} with a keep-this-class filter
   * would build it (a class neither side has gives an empty sequence), in {@code classes}' order.
   * Both sides are split by class once: filtering the whole video again for every class cost more
   * than the metrics themselves on 50-class videos.
   */
  public static Map<String, TrackingSequence> perClass(
      AnnotationSet gt, AnnotationSet pred, Similarity similarity, Iterable<String> classes) {
    Map<String, List<Detection>> g = byClass(gt), p = byClass(pred);
    Map<String, TrackingSequence> out = new java.util.LinkedHashMap<>();
    for (String c : classes)
      out.put(
          c,
          of(
              gt.withDetections(g.getOrDefault(c, List.of())),
              pred.withDetections(p.getOrDefault(c, List.of())),
              similarity,
              d -> true));
    return out;
  }

  private static Map<String, List<Detection>> byClass(AnnotationSet set) {
    Map<String, List<Detection>> out = new HashMap<>();
    for (Detection d : set.detections())
      out.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(d);
    return out;
  }

  private static TreeMap<Integer, List<Detection>> group(
      List<Detection> ds, Predicate<Detection> keep) {
    TreeMap<Integer, List<Detection>> out = new TreeMap<>();
    for (Detection d : ds)
      if (!d.outside() && keep.test(d))
        out.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
    return out;
  }

  private static int[] ids(List<Detection> ds, int[] nextUntracked) {
    int[] out = new int[ds.size()];
    for (int k = 0; k < out.length; k++) {
      int id = ds.get(k).trackId();
      out[k] = id == Detection.UNTRACKED ? nextUntracked[0]++ : id;
    }
    return out;
  }

  private static double[] corners(List<Detection> ds) {
    double[] c = new double[4 * ds.size()];
    for (int k = 0; k < ds.size(); k++) {
      Box box = ds.get(k).boxOrMaskBox();
      if (box == null) {
        // An empty mask overlaps nothing: a degenerate box at the origin has IoU 0 with anything.
        Arrays.fill(c, 4 * k, 4 * k + 4, 0.0);
        continue;
      }
      c[4 * k] = box.x();
      c[4 * k + 1] = box.y();
      c[4 * k + 2] = box.x() + box.w();
      c[4 * k + 3] = box.y() + box.h();
    }
    return c;
  }

  private static Mask[] masks(List<Detection> ds, int height, int width) {
    Mask[] out = new Mask[ds.size()];
    for (int k = 0; k < out.length; k++) {
      Detection d = ds.get(k);
      out[k] = d.mask() != null ? d.mask() : Mask.fromBox(height, width, d.box());
    }
    return out;
  }
}
