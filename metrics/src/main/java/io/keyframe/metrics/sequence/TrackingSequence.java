package io.keyframe.metrics.sequence;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrozenArray;
import io.keyframe.dataset.Mask;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.metrics.iou.MaskIou;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    String name,
    List<SequenceFrame> frames,
    FrozenArray.OfInt gtIdNames,
    FrozenArray.OfInt predIdNames) {

  /** What the similarity between a ground-truth and a predicted object is. */
  public enum Similarity {
    /** Box IoU (mask bounding box when a detection only has a mask). */
    BOX_IOU,
    /** Mask IoU on RLE; detections without a mask use their box rasterised to the frame. */
    MASK_IOU
  }

  public TrackingSequence {
    frames = List.copyOf(frames);
    for (int k = 1; k < frames.size(); k++)
      if (frames.get(k).frame() <= frames.get(k - 1).frame())
        throw new IllegalArgumentException(
            "frames not in ascending order at " + frames.get(k).frame());
    // One stamp array per side instead of a fresh boolean[n] per frame: with untracked detections
    // (one ID each) n is the number of detections, and frames x n was quadratic.
    int[] gtSeen = new int[gtIdNames.length()], predSeen = new int[predIdNames.length()];
    int stamp = 0;
    for (SequenceFrame f : frames) {
      stamp++;
      checkIds(f.frame(), f.gt(), gtIdNames.length(), "ground truth", gtIdNames, gtSeen, stamp);
      checkIds(
          f.frame(), f.pred(), predIdNames.length(), "prediction", predIdNames, predSeen, stamp);
    }
  }

  private static void checkIds(
      int frame, int[] ids, int n, String side, FrozenArray.OfInt names, int[] seen, int stamp) {
    for (int id : ids) {
      if (id < 0 || id >= n)
        throw new IllegalArgumentException(
            "frame " + frame + ": " + side + " id " + id + " out of range");
      if (seen[id] == stamp)
        throw new BadAnnotationException(
            null,
            -1,
            frame,
            "track_id",
            side
                + " has track id "
                + names.get(id)
                + " more than once in one frame (TrackEval rejects this too)");
      seen[id] = stamp;
    }
  }

  /** Original ground-truth ID of dense ID {@code id}. */
  public int gtIdName(int id) {
    return gtIdNames.get(id);
  }

  /** Original predicted ID of dense ID {@code id}. */
  public int predIdName(int id) {
    return predIdNames.get(id);
  }

  @Override
  public String toString() {
    return "TrackingSequence["
        + name
        + ", "
        + frames.size()
        + " frames, "
        + gtIdNames.length()
        + " ground-truth and "
        + predIdNames.length()
        + " predicted IDs]";
  }

  public int numGtIds() {
    return gtIdNames.length();
  }

  public int numPredIds() {
    return predIdNames.length();
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
    private final DenseIds gtDense = new DenseIds(), predDense = new DenseIds();

    public Builder(String name) {
      this.name = name;
    }

    /**
     * Adds a frame with its dense row-major {@code gtIds.length x predIds.length} similarity
     * matrix; frames must come in ascending order.
     */
    public Builder frame(int frame, int[] gtIds, int[] predIds, double[] similarity) {
      frames.add(
          SequenceFrame.ofDense(frame, gtDense.dense(gtIds), predDense.dense(predIds), similarity));
      return this;
    }

    /**
     * Adds a frame by its non-zero similarities only, as {@link SequenceFrame} holds them
     * (ascending row-major indices and their values); frames must come in ascending order.
     */
    public Builder frame(int frame, int[] gtIds, int[] predIds, int[] nonZero, double[] values) {
      frames.add(
          new SequenceFrame(
              frame, gtDense.dense(gtIds), predDense.dense(predIds), nonZero, values));
      return this;
    }

    public TrackingSequence build() {
      return new TrackingSequence(
          name,
          frames,
          new FrozenArray.OfInt(gtDense.names()),
          new FrozenArray.OfInt(predDense.names()));
    }
  }

  /** Raw IDs to dense {@code 0..n-1} in order of first appearance; open addressing on ints. */
  private static final class DenseIds {
    private int[] keys = new int[64], values = new int[64]; // values: dense + 1, 0 = free
    private int[] names = new int[16];
    private int size;

    int[] dense(int[] raw) {
      int[] out = new int[raw.length];
      for (int k = 0; k < raw.length; k++) out[k] = idOf(raw[k]);
      return out;
    }

    private int idOf(int key) {
      int mask = keys.length - 1;
      for (int h = mix(key) & mask; ; h = (h + 1) & mask) {
        if (values[h] == 0) {
          if (size == names.length) names = Arrays.copyOf(names, 2 * size);
          names[size] = key;
          keys[h] = key;
          values[h] = ++size;
          if (2 * size > keys.length) grow();
          return size - 1;
        }
        if (keys[h] == key) return values[h] - 1;
      }
    }

    private void grow() {
      int[] ok = keys, ov = values;
      keys = new int[2 * ok.length];
      values = new int[2 * ov.length];
      int mask = keys.length - 1;
      for (int s = 0; s < ok.length; s++) {
        if (ov[s] == 0) continue;
        int h = mix(ok[s]) & mask;
        while (values[h] != 0) h = (h + 1) & mask;
        keys[h] = ok[s];
        values[h] = ov[s];
      }
    }

    private static int mix(int k) {
      int h = k * 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    int[] names() {
      return Arrays.copyOf(names, size);
    }
  }

  /**
   * The sequence of a ground-truth and a predicted annotation set, restricted to detections that
   * pass {@code keep} (e.g. one class). Detections flagged {@code outside} are not objects in view
   * and are skipped. Untracked detections get one fresh ID each.
   */
  public static TrackingSequence of(
      AnnotationSet gt, AnnotationSet pred, Similarity similarity, Predicate<Detection> keep) {
    ByFrame g = ByFrame.of(gt.detections(), keep), p = ByFrame.of(pred.detections(), keep);
    int height = Math.max(gt.video().height(), 1), width = Math.max(gt.video().width(), 1);
    Builder b = new Builder(gt.video().id());
    int[] nextUntracked = {Integer.MIN_VALUE / 2};
    // One pair of buffers for every frame's overlapping pairs, copied out at their size: the
    // frame's zeros are never written.
    int[] index = new int[0];
    double[] value = new double[0];
    // The union of both sides' frames, ascending: a merge of two sorted lists.
    int a = 0, c = 0;
    while (a < g.frames() || c < p.frames()) {
      int frame =
          c >= p.frames()
              ? g.frame(a)
              : a >= g.frames() ? p.frame(c) : Math.min(g.frame(a), p.frame(c));
      List<Detection> gd = a < g.frames() && g.frame(a) == frame ? g.detections(a++) : List.of();
      List<Detection> pd = c < p.frames() && p.frame(c) == frame ? p.detections(c++) : List.of();
      int[] gtIds = ids(gd, nextUntracked), predIds = ids(pd, nextUntracked);
      int pairs = gd.size() * pd.size();
      if (similarity == Similarity.BOX_IOU) {
        if (index.length < pairs) {
          index = new int[Math.max(pairs, 2 * index.length)];
          value = new double[index.length];
        }
        int n =
            pairs == 0
                ? 0
                : BoxIou.nonZero(corners(gd), gd.size(), corners(pd), pd.size(), index, value);
        b.frame(frame, gtIds, predIds, Arrays.copyOf(index, n), Arrays.copyOf(value, n));
        continue;
      }
      double[] sim =
          pairs > 0
              ? MaskIou.matrix(masks(gd, height, width), masks(pd, height, width))
              : new double[0];
      b.frame(frame, gtIds, predIds, sim);
    }
    return b.build();
  }

  /**
   * Detections grouped by frame, frames ascending, each frame's in input order (what a TreeMap of
   * lists gives, without boxing a key per detection).
   */
  private record ByFrame(int[] frameOf, Detection[] sorted, int[] start) {
    static ByFrame of(List<Detection> ds, Predicate<Detection> keep) {
      Detection[] kept = new Detection[ds.size()];
      int n = 0;
      boolean ordered = true;
      for (Detection d : ds) {
        if (d.outside() || !keep.test(d)) continue;
        if (n > 0 && d.frame() < kept[n - 1].frame()) ordered = false;
        kept[n++] = d;
      }
      if (!ordered) {
        // Stable: ties keep input order through the index in the low bits.
        long[] key = new long[n];
        for (int k = 0; k < n; k++) key[k] = ((long) kept[k].frame() << 32) | k;
        Arrays.sort(key);
        Detection[] s = new Detection[n];
        for (int k = 0; k < n; k++) s[k] = kept[(int) key[k]];
        kept = s;
      }
      int frames = 0;
      for (int k = 0; k < n; k++) if (k == 0 || kept[k].frame() != kept[k - 1].frame()) frames++;
      int[] frameOf = new int[frames], start = new int[frames + 1];
      int f = 0;
      for (int k = 0; k < n; k++)
        if (k == 0 || kept[k].frame() != kept[k - 1].frame()) {
          frameOf[f] = kept[k].frame();
          start[f++] = k;
        }
      start[frames] = n;
      return new ByFrame(frameOf, kept, start);
    }

    int frames() {
      return frameOf.length;
    }

    int frame(int k) {
      return frameOf[k];
    }

    List<Detection> detections(int k) {
      return Arrays.asList(sorted).subList(start[k], start[k + 1]);
    }
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
