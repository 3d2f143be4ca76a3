package io.keyframe.metrics.clear;

import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.assignment.SparseAssignment;
import io.keyframe.metrics.identity.IdentityCounts;
import io.keyframe.metrics.identity.IdentityMatching;
import io.keyframe.metrics.sequence.SequenceFrame;
import io.keyframe.metrics.sequence.TrackingSequence;
import java.util.Arrays;

/**
 * CLEAR-MOT (Bernardin &amp; Stiefelhagen 2008) with py-motmetrics' event rules, fed one frame at a
 * time with object IDs, hypothesis IDs and a distance matrix (NaN or infinite = cannot pair): (1) a
 * pair matched before (any number of frames back) is kept while it can still pair; (2) the rest are
 * matched by minimum total distance; a match that contradicts an object's last match is a SWITCH;
 * (3) unmatched objects are MISSes, (4) unmatched hypotheses FPs. Identity counts (IDF1) come from
 * the same pass.
 *
 * <p>IDs are non-negative integers used as array indices: use dense IDs (as {@link
 * TrackingSequence} provides). Not thread-safe; one accumulator per sequence.
 */
public final class MotAccumulator {
  private final LinearAssignment lap = new LinearAssignment();
  // Per object (ground truth).
  private int[] lastHyp = new int[0]; // py-motmetrics' m: last matched hypothesis, -1 none
  private boolean[] everMatched = new boolean[0]; // last_match has o
  private long[] objFreq = new long[0], objTracked = new long[0], objPresent = new long[0];
  private boolean[] tracking = new boolean[0], pendingMiss = new boolean[0];
  private int[] missStart = new int[0];
  // Where identity errors happened, for the occlusion-aware view: (frame, object) pairs.
  private final ErrorLog switchLog = new ErrorLog(), fragLog = new ErrorLog();
  // Parallel to switchLog: (previous hypothesis, new hypothesis) of each switch.
  private final ErrorLog switchHypLog = new ErrorLog();

  // Per hypothesis.
  private int[] lastObj = new int[0]; // res_m: object a hypothesis was last assigned to in step 2
  private boolean[] hypSeen = new boolean[0]; // hypHistory has h
  private long[] hypPresent = new long[0];
  private final PairCounter pairs = new PairCounter();

  private long frames, matches, switches, fps, misses, frags, transfers, ascends, migrates;
  private double distanceSum;
  private boolean anyFrame;
  private int lastFrame;

  /**
   * Adds one frame.
   *
   * @param frame frame ID; a repeated ID adds to the same frame
   * @param oids object IDs
   * @param hids hypothesis IDs
   * @param dist row-major {@code oids.length x hids.length} distances, NaN or infinite = cannot
   *     pair
   */
  public void update(int frame, int[] oids, int[] hids, double[] dist) {
    if (dist.length != oids.length * hids.length)
      throw new IllegalArgumentException(
          "frame " + frame + ": distance matrix is not " + oids.length + "x" + hids.length);
    step(frame, oids, hids, dist, false, 0, null);
  }

  /**
   * One frame. In similarity mode {@code values} are similarities s, the distance is 1 − s and a
   * pair is forbidden when 1 − s &gt; maxDistance (py-motmetrics' iou_matrix); with maxDistance
   * &lt; 1 zero-similarity pairs are forbidden, so only {@code nonZero} positions are visited.
   */
  private void step(
      int frame,
      int[] oids,
      int[] hids,
      double[] values,
      boolean sim,
      double maxDistance,
      int[] nonZero) {
    int no = oids.length, nh = hids.length;
    if (!anyFrame || frame != lastFrame) frames++;
    anyFrame = true;
    lastFrame = frame;
    ensureCapacity(max(oids) + 1, max(hids) + 1);
    boolean sparse = sim && maxDistance < 1 && nonZero != null;

    for (int o : oids) objPresent[o]++;
    for (int h : hids) hypPresent[h]++;
    if (sparse) {
      for (int k : nonZero)
        if (pairable(values, k, sim, maxDistance)) pairs.add(oids[k / nh], hids[k % nh]);
    } else {
      for (int k = 0; k < no * nh; k++)
        if (pairable(values, k, sim, maxDistance)) pairs.add(oids[k / nh], hids[k % nh]);
    }

    boolean[] oMasked = new boolean[no], hMasked = new boolean[nh];
    if (no > 0 && nh > 0) {
      // Where each hypothesis sits in this frame, so step 1 finds an object's previous hypothesis
      // without scanning the row; with a hypothesis listed twice, the scan (first unmasked one).
      boolean distinct = indexHyps(hids);
      // 1. Keep previous correspondences that can still pair.
      for (int i = 0; i < no; i++) {
        int o = oids[i], hprev = lastHyp[o];
        if (hprev < 0) continue;
        int j = -1;
        if (distinct) {
          if (hprev < hypStamp.length && hypStamp[hprev] == stamp && !hMasked[hypPos[hprev]])
            j = hypPos[hprev];
        } else {
          for (int k = 0; k < nh; k++)
            if (!hMasked[k] && hids[k] == hprev) {
              j = k;
              break;
            }
        }
        if (j < 0) continue;
        if (pairable(values, i * nh + j, sim, maxDistance)) {
          oMasked[i] = true;
          hMasked[j] = true;
          everMatched[o] = true;
          hypSeen[hids[j]] = true;
          matched(o, distance(values, i * nh + j, sim));
          matches++;
        }
      }
      // 2. Minimum-cost matching of the rest, only when some remaining pair can match.
      boolean any = false;
      if (sparse) {
        for (int k : nonZero)
          if (!oMasked[k / nh] && !hMasked[k % nh] && pairable(values, k, sim, maxDistance)) {
            any = true;
            break;
          }
      } else {
        for (int k = 0; k < no * nh && !any; k++)
          any = !oMasked[k / nh] && !hMasked[k % nh] && pairable(values, k, sim, maxDistance);
      }
      if (any) {
        int[] col =
            sparse ? byComponents(values, nonZero, no, nh, oMasked, hMasked, maxDistance) : null;
        double[] rest = null;
        if (col == null) {
          rest = new double[no * nh];
          for (int i = 0; i < no; i++)
            for (int j = 0; j < nh; j++) {
              int k = i * nh + j;
              rest[k] =
                  oMasked[i] || hMasked[j] || !pairable(values, k, sim, maxDistance)
                      ? Double.NaN
                      : distance(values, k, sim);
            }
          col = lap.solveAllowingForbidden(rest, no, nh);
        }
        for (int i = 0; i < no; i++) {
          int j = col[i];
          if (j < 0) continue;
          int o = oids[i], h = hids[j];
          double d = rest != null ? rest[i * nh + j] : distance(values, i * nh + j, sim);
          boolean isSwitch = lastHyp[o] >= 0 && lastHyp[o] != h;
          if (isSwitch && !hypSeen[h]) ascends++;
          if (lastObj[h] >= 0 && lastObj[h] != o) {
            if (!everMatched[o]) migrates++;
            transfers++;
          }
          hypSeen[h] = true;
          everMatched[o] = true;
          if (isSwitch) {
            switches++;
            switchLog.add(frame, o);
            switchHypLog.add(lastHyp[o], h);
          } else matches++;
          matched(o, d);
          oMasked[i] = true;
          hMasked[j] = true;
          lastHyp[o] = h;
          lastObj[h] = o;
        }
      }
    }
    // 3. Misses, 4. false positives.
    for (int i = 0; i < no; i++) {
      if (oMasked[i]) continue;
      int o = oids[i];
      misses++;
      objFreq[o]++;
      if (tracking[o]) {
        tracking[o] = false;
        pendingMiss[o] = true;
        missStart[o] = frame;
      }
    }
    for (int j = 0; j < nh; j++) if (!hMasked[j]) fps++;
  }

  /**
   * Step 2's answer one component of the remaining pairable entries at a time ({@link
   * SparseAssignment}, forbidden elsewhere): the pairs SciPy makes on the whole matrix when the
   * optimum is unique (a lone pairable entry in its row and column is simply taken: every optimal
   * assignment uses as many pairable entries as it can); null (solve the whole matrix) when a
   * component repeats a distance.
   */
  private int[] byComponents(
      double[] values,
      int[] nonZero,
      int no,
      int nh,
      boolean[] oMasked,
      boolean[] hMasked,
      double maxDistance) {
    if (listed.length < nonZero.length) {
      listed = new int[nonZero.length];
      listedCost = new double[nonZero.length];
    }
    int n = 0;
    for (int k : nonZero) {
      if (oMasked[k / nh] || hMasked[k % nh] || !pairable(values, k, true, maxDistance)) continue;
      listed[n] = k;
      listedCost[n++] = distance(values, k, true);
    }
    return components.solve(no, nh, listed, listedCost, n, SparseAssignment.Elsewhere.FORBIDDEN);
  }

  private final SparseAssignment components = new SparseAssignment();
  private int[] listed = new int[0];
  private double[] listedCost = new double[0];

  // Per-frame position of each hypothesis: hypPos[h] is valid where hypStamp[h] == stamp.
  private int[] hypPos = new int[0], hypStamp = new int[0];
  private int stamp;

  /** Indexes this frame's hypotheses; false when one is listed twice. */
  private boolean indexHyps(int[] hids) {
    stamp++;
    int max = -1;
    for (int h : hids) max = Math.max(max, h);
    if (max >= hypPos.length) {
      int size = Math.max(max + 1, 2 * hypPos.length);
      hypPos = Arrays.copyOf(hypPos, size);
      hypStamp = Arrays.copyOf(hypStamp, size);
    }
    for (int k = 0; k < hids.length; k++) {
      int h = hids[k];
      if (hypStamp[h] == stamp) return false;
      hypStamp[h] = stamp;
      hypPos[h] = k;
    }
    return true;
  }

  private static boolean pairable(double[] v, int k, boolean sim, double maxDistance) {
    return sim ? !(1 - v[k] > maxDistance) : Double.isFinite(v[k]);
  }

  private static double distance(double[] v, int k, boolean sim) {
    return sim ? 1 - v[k] : v[k];
  }

  private void matched(int o, double d) {
    distanceSum += d;
    objFreq[o]++;
    objTracked[o]++;
    // A miss between two tracked events of the same object is one fragmentation.
    if (pendingMiss[o]) {
      frags++;
      fragLog.add(missStart[o], o);
      pendingMiss[o] = false;
    }
    tracking[o] = true;
  }

  /**
   * Adds every frame of a sequence with distance 1 − similarity, unpairable above {@code
   * maxDistance}.
   */
  public void update(TrackingSequence seq, double maxDistance) {
    // One dense buffer for every frame: step looks pairs up by position.
    double[] dense = new double[0];
    for (SequenceFrame f : seq.frames()) {
      dense = f.similarity(dense);
      step(f.frame(), f.gt(), f.pred(), dense, true, maxDistance, f.nonZero());
    }
  }

  /** CLEAR-MOT counts so far, with py-motmetrics' conventions. */
  public ClearCounts clear() {
    long objects = 0, unique = 0, mt = 0, pt = 0, ml = 0;
    for (int o = 0; o < objFreq.length; o++) {
      if (objFreq[o] == 0) continue;
      unique++;
      objects += objFreq[o];
      double ratio = (double) objTracked[o] / objFreq[o];
      if (ratio >= 0.8) mt++;
      else if (ratio >= 0.2) pt++;
      else ml++;
    }
    return ClearCounts.builder(Convention.PY_MOTMETRICS)
        .frames(frames)
        .objects(objects)
        .predictions(matches + switches + fps)
        .matches(matches)
        .switches(switches)
        .falsePositives(fps)
        .misses(misses)
        .fragmentations(frags)
        .mostlyTracked(mt)
        .partiallyTracked(pt)
        .mostlyLost(ml)
        .uniqueObjects(unique)
        .transfers(transfers)
        .ascends(ascends)
        .migrates(migrates)
        .motpSum(distanceSum)
        .build();
  }

  /** Identity counts so far: a pair counts where its distance is not NaN (py-motmetrics). */
  public IdentityCounts identity() {
    return pairs.identity(objPresent, hypPresent);
  }

  /** ID switches so far as {@code {frame, object}} pairs, in order. */
  public int[][] switchEvents() {
    return switchLog.toArray();
  }

  /**
   * The hypotheses of each switch as {@code {previous, new}} pairs (dense IDs), in the order and at
   * the indices of {@link #switchEvents()}.
   */
  public int[][] switchHypotheses() {
    return switchHypLog.toArray();
  }

  /**
   * Fragmentations so far as {@code {frame, object}} pairs: the frame where tracking was lost (the
   * first miss of the gap), counted once tracking resumed.
   */
  public int[][] fragmentationEvents() {
    return fragLog.toArray();
  }

  /**
   * Growable list of int pairs ((frame, object) or (hypothesis, hypothesis)) on primitive arrays.
   */
  private static final class ErrorLog {
    private int[] frames = new int[16], objects = new int[16];
    private int n;

    void add(int frame, int object) {
      if (n == frames.length) {
        frames = Arrays.copyOf(frames, 2 * n);
        objects = Arrays.copyOf(objects, 2 * n);
      }
      frames[n] = frame;
      objects[n++] = object;
    }

    int[][] toArray() {
      int[][] out = new int[n][];
      for (int k = 0; k < n; k++) out[k] = new int[] {frames[k], objects[k]};
      return out;
    }
  }

  private static int max(int[] ids) {
    int m = -1;
    for (int id : ids) {
      if (id < 0) throw new IllegalArgumentException("negative id " + id);
      m = Math.max(m, id);
    }
    return m;
  }

  /**
   * Grows the per-object arrays to hold object ids below {@code objects} and the per-hypothesis
   * arrays to hold hypothesis ids below {@code hyps}, at least doubling; new slots are unassigned.
   */
  private void ensureCapacity(int objects, int hyps) {
    if (objects > lastHyp.length) {
      int size = Math.max(objects, lastHyp.length * 2);
      lastHyp = grownUnassigned(lastHyp, size);
      everMatched = Arrays.copyOf(everMatched, size);
      objFreq = Arrays.copyOf(objFreq, size);
      objTracked = Arrays.copyOf(objTracked, size);
      objPresent = Arrays.copyOf(objPresent, size);
      tracking = Arrays.copyOf(tracking, size);
      pendingMiss = Arrays.copyOf(pendingMiss, size);
      missStart = Arrays.copyOf(missStart, size);
    }
    if (hyps > lastObj.length) {
      int size = Math.max(hyps, lastObj.length * 2);
      lastObj = grownUnassigned(lastObj, size);
      hypSeen = Arrays.copyOf(hypSeen, size);
      hypPresent = Arrays.copyOf(hypPresent, size);
    }
  }

  /** A copy of {@code ids} of length {@code size}, the new slots -1 (no partner). */
  private static int[] grownUnassigned(int[] ids, int size) {
    int[] out = Arrays.copyOf(ids, size);
    Arrays.fill(out, ids.length, size, -1);
    return out;
  }

  /** Pair overlap counts keyed by (object, hypothesis), an open-addressing long→long map. */
  private static final class PairCounter {
    private long[] keys = new long[64];
    private long[] counts = new long[64];
    private int size;

    void add(int o, int h) {
      long key = ((long) o << 32) | (h & 0xffffffffL);
      if (size * 2 >= keys.length) rehash();
      int mask = keys.length - 1;
      int slot = (int) (mix(key) & mask);
      while (counts[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
      if (counts[slot] == 0) {
        keys[slot] = key;
        size++;
      }
      counts[slot]++;
    }

    private static long mix(long k) {
      k ^= k >>> 33;
      k *= 0xff51afd7ed558ccdL;
      k ^= k >>> 33;
      return k;
    }

    private void rehash() {
      long[] ok = keys, oc = counts;
      keys = new long[ok.length * 2];
      counts = new long[ok.length * 2];
      int mask = keys.length - 1;
      for (int s = 0; s < ok.length; s++) {
        if (oc[s] == 0) continue;
        int slot = (int) (mix(ok[s]) & mask);
        while (counts[slot] != 0) slot = (slot + 1) & mask;
        keys[slot] = ok[s];
        counts[slot] = oc[s];
      }
    }

    IdentityCounts identity(long[] objPresent, long[] hypPresent) {
      int g = objPresent.length, p = hypPresent.length;
      long[] pair = new long[g * p];
      for (int s = 0; s < keys.length; s++)
        if (counts[s] != 0) pair[(int) (keys[s] >>> 32) * p + (int) keys[s]] += counts[s];
      return IdentityMatching.of(objPresent, hypPresent, pair);
    }
  }
}
