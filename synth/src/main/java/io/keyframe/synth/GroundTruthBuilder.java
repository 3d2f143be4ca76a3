package io.keyframe.synth;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures a {@link Scene} exactly, frame by frame: for each object in view its amodal box (the
 * whole shape, clipped to the frame), the RLE mask of its visible pixels (shape minus everything in
 * front: nearer equipment, people, carts), its visibility fraction, and the occlusion manifest.
 *
 * <p>Definitions (also in {@code synth/SYNTH.md}): visibility = visible pixels / in-frame shape
 * pixels; an object is {@code occluded} when visibility is below {@link #OCCLUDED_BELOW}; it is out
 * of view (no detection) when none of its shape is in the frame. An {@link OcclusionEvent} is a
 * maximal run of occluded frames (cause: the kind of occluder that hid most pixels over the run,
 * {@code person}, {@code cart} or {@code object}; full when visibility reached 0) or a maximal run
 * of out-of-view frames after the object was first seen (cause {@code exit}, full).
 */
public final class GroundTruthBuilder {
  /** Visibility below which an object counts as occluded. */
  public static final double OCCLUDED_BELOW = 0.9;

  /** Tool name in provenance. */
  public static final String TOOL = "keyframe-synth";

  private static final String[] CAUSES = {"person", "cart", "object"};

  private GroundTruthBuilder() {}

  /** The ground truth of a scene with its occlusion manifest. */
  public record Result(AnnotationSet groundTruth, List<OcclusionEvent> occlusions) {
    public Result {
      occlusions = List.copyOf(occlusions);
    }
  }

  /**
   * Measures every frame of {@code scene}.
   *
   * @param afterFrame called with the number of frames done after each frame (progress)
   */
  public static Result build(Scene scene, java.util.function.IntConsumer afterFrame) {
    int w = scene.video().width(), h = scene.video().height(), frames = scene.video().frameCount();
    List<SceneObject> objs = scene.objects();
    int n = objs.size();
    List<Occluder> occs = scene.occluders();
    // Per object and frame: visibility (-1 = out of view) and pixels hidden per cause.
    double[][] vis = new double[n][frames];
    long[][][] hidden = new long[n][][];
    for (int k = 0; k < n; k++) hidden[k] = new long[frames][];
    List<Detection> out = new ArrayList<>(n * frames);
    Spans shape = new Spans(), visible = new Spans(), front = new Spans();
    ColumnRle rle = new ColumnRle(h, w);
    int[] ox = new int[n], oy = new int[n];
    int[] cx = new int[occs.size()], cy = new int[occs.size()];
    Sprite[] cs = new Sprite[occs.size()];
    int[] frontIdx = new int[n + occs.size()];
    for (int f = 0; f < frames; f++) {
      for (int k = 0; k < n; k++) {
        ox[k] = objs.get(k).trajectory().x(f);
        oy[k] = objs.get(k).trajectory().y(f);
      }
      for (int j = 0; j < occs.size(); j++) {
        Occluder o = occs.get(j);
        cs[j] = o.presentAt(f) ? o.spriteAt(f) : null;
        cx[j] = o.trajectory().x(f);
        cy[j] = o.trajectory().y(f);
      }
      for (int k = 0; k < n; k++) {
        SceneObject o = objs.get(k);
        Sprite s = o.sprite();
        int x0 = Math.max(0, ox[k]), x1 = Math.min(w, ox[k] + s.width());
        int y0 = oy[k], y1 = oy[k] + s.height();
        if (x1 <= x0 || y1 <= 0 || y0 >= h) {
          vis[k][f] = -1;
          continue;
        }
        // Things in front whose boxes overlap: nearer objects (later in scene order), then
        // occluders.
        int nf = 0;
        for (int m = k + 1; m < n; m++) {
          Sprite t = objs.get(m).sprite();
          if (ox[m] < x1 && ox[m] + t.width() > x0 && oy[m] < y1 && oy[m] + t.height() > y0)
            frontIdx[nf++] = m;
        }
        for (int j = 0; j < occs.size(); j++) {
          Sprite t = cs[j];
          if (t != null
              && cx[j] < x1
              && cx[j] + t.width() > x0
              && cy[j] < y1
              && cy[j] + t.height() > y0) frontIdx[nf++] = n + j;
        }
        long area = 0, seen = 0;
        long[] byCause = null;
        int bx0 = Integer.MAX_VALUE, bx1 = -1, by0 = Integer.MAX_VALUE, by1 = -1;
        rle.reset();
        for (int x = x0; x < x1; x++) {
          s.column(x - ox[k], oy[k], h, shape);
          if (shape.size() == 0) continue;
          area += shape.length();
          bx0 = Math.min(bx0, x);
          bx1 = x;
          by0 = Math.min(by0, shape.lo(0));
          by1 = Math.max(by1, shape.hi(shape.size() - 1));
          visible.copyFrom(shape);
          for (int q = 0; q < nf && visible.size() > 0; q++) {
            int idx = frontIdx[q];
            long removed;
            int cause;
            if (idx < n) {
              Sprite t = objs.get(idx).sprite();
              int tx = x - ox[idx];
              if (tx < 0 || tx >= t.width()) continue;
              t.column(tx, oy[idx], h, front);
              cause = 2;
            } else {
              int j = idx - n;
              int tx = x - cx[j];
              if (tx < 0 || tx >= cs[j].width()) continue;
              cs[j].column(tx, cy[j], h, front);
              cause = occs.get(j).kind().equals("cart") ? 1 : 0;
            }
            removed = visible.subtract(front);
            if (removed > 0) {
              if (byCause == null) byCause = new long[3];
              byCause[cause] += removed;
            }
          }
          seen += visible.length();
          rle.add(x, visible);
        }
        if (area == 0) {
          vis[k][f] = -1;
          continue;
        }
        double v = seen / (double) area;
        vis[k][f] = v;
        hidden[k][f] = byCause;
        Box box = new Box(bx0, by0, bx1 + 1 - bx0, by1 - by0);
        out.add(
            new Detection(
                f,
                o.trackId(),
                o.objectClass().label(),
                box,
                rle.toMask(),
                1.0,
                Map.of(),
                v,
                v < OCCLUDED_BELOW,
                false,
                true));
      }
      afterFrame.accept(f + 1);
    }
    AnnotationSet gt =
        new AnnotationSet(scene.video(), Provenance.groundTruth(TOOL), ObjectClass.labels(), out);
    return new Result(gt, events(objs, vis, hidden, frames));
  }

  private static List<OcclusionEvent> events(
      List<SceneObject> objs, double[][] vis, long[][][] hidden, int frames) {
    List<OcclusionEvent> events = new ArrayList<>();
    for (int k = 0; k < objs.size(); k++) {
      int id = objs.get(k).trackId();
      double[] v = vis[k];
      boolean seen = false;
      int f = 0;
      while (f < frames) {
        if (v[f] < 0) {
          int s = f;
          while (f < frames && v[f] < 0) f++;
          if (seen) events.add(new OcclusionEvent(id, s, f - 1, "exit", true));
        } else if (v[f] < OCCLUDED_BELOW) {
          seen = true;
          int s = f;
          long[] sum = new long[3];
          boolean full = false;
          while (f < frames && v[f] >= 0 && v[f] < OCCLUDED_BELOW) {
            if (v[f] == 0) full = true;
            if (hidden[k][f] != null) for (int c = 0; c < 3; c++) sum[c] += hidden[k][f][c];
            f++;
          }
          int cause = 0;
          for (int c = 1; c < 3; c++) if (sum[c] > sum[cause]) cause = c;
          events.add(new OcclusionEvent(id, s, f - 1, CAUSES[cause], full));
        } else {
          seen = true;
          f++;
        }
      }
    }
    return events;
  }
}
