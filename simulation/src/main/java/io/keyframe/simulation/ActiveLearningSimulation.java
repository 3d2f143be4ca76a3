package io.keyframe.simulation;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.identity.IdentityCounts;
import io.keyframe.metrics.identity.IdentityMatching;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.scoring.queue.BatchScores;
import io.keyframe.scoring.queue.FrameRef;
import io.keyframe.scoring.queue.LabelQueue;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.SignalWeights;
import io.keyframe.scoring.signal.Signal;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The pre-annotation loop, simulated. For every seed a world of videos is built; its videos are
 * split into batches processed in order; in each batch every strategy picks its budgeted frames, a
 * simulated expert replaces the delivered labels on those frames with the truth, and we count the
 * erroneous object-frames it fixed. Label quality (IDF1, HOTA vs truth, from {@code metrics}) is
 * measured over all batches so far for the combined queue and for random sampling.
 */
public final class ActiveLearningSimulation {
  /** Strategy name of the combined queue. */
  public static final String COMBINED = "combined";

  /** Strategy name of uniform random sampling. */
  public static final String RANDOM = "random";

  /** Strategy name of the oracle that knows the errors: the ceiling any queue could reach. */
  public static final String ORACLE = "oracle";

  private ActiveLearningSimulation() {}

  /**
   * Runs the simulation.
   *
   * @param world builds the videos of one seed (e.g. the synthetic generator)
   */
  public static SimulationReport run(
      LongFunction<List<SimulatedVideo>> world, SimulationOptions o, ProgressListener progress) {
    List<BatchOutcome> out = new ArrayList<>();
    long done = 0;
    for (long seed : o.seeds()) {
      List<SimulatedVideo> videos = world.apply(seed);
      if (videos.isEmpty())
        throw new IllegalArgumentException(
            "the simulated world of seed " + seed + " has no videos");
      List<List<SimulatedVideo>> batches = new ArrayList<>();
      for (int b = 0; b < Math.min(o.batches(), videos.size()); b++) batches.add(new ArrayList<>());
      for (int i = 0; i < videos.size(); i++) batches.get(i % batches.size()).add(videos.get(i));
      Map<String, SignalWeights> strategies = strategies(videos, o);
      for (String s : List.of(COMBINED, RANDOM, ORACLE))
        out.addAll(runStrategy(s, strategies.get(s), seed, batches, o, true));
      for (Map.Entry<String, SignalWeights> e : strategies.entrySet())
        if (e.getValue() != null && !e.getKey().equals(COMBINED))
          out.addAll(runStrategy(e.getKey(), e.getValue(), seed, batches, o, false));
      progress.progress("simulate", ++done, o.seeds().size());
    }
    return new SimulationReport(out);
  }

  private static Map<String, SignalWeights> strategies(
      List<SimulatedVideo> videos, SimulationOptions o) {
    Map<String, SignalWeights> s = new LinkedHashMap<>();
    s.put(COMBINED, o.queue().weights());
    s.put(RANDOM, null);
    s.put(ORACLE, null);
    if (o.eachSignal())
      for (Signal sig : SignalWeights.SIGNALS)
        if (videos.stream().anyMatch(v -> sig.inapplicable(v.evidence()).isEmpty()))
          s.put(sig.name(), SignalWeights.only(sig.name()));
    return s;
  }

  private static List<BatchOutcome> runStrategy(
      String name,
      SignalWeights weights,
      long seed,
      List<List<SimulatedVideo>> batches,
      SimulationOptions o,
      boolean quality) {
    List<BatchOutcome> out = new ArrayList<>();
    List<AnnotationSet> truthSoFar = new ArrayList<>();
    List<AnnotationSet> labelsSoFar = new ArrayList<>();
    for (int b = 0; b < batches.size(); b++) {
      List<SimulatedVideo> batch = batches.get(b);
      List<FrameRef> picked =
          name.equals(ORACLE)
              ? oracle(batch, o.queue())
              : weights == null
                  ? random(batch, o.queue(), seed * 1_000_003L + b)
                  : queue(batch, o.queue().withWeights(weights));
      Map<String, Set<Integer>> reviewed = new HashMap<>();
      for (FrameRef r : picked)
        reviewed.computeIfAbsent(r.videoId(), k -> new HashSet<>()).add(r.frame());
      long caught = 0, total = 0;
      int touched = 0, faults = 0;
      List<AnnotationSet> fixed = new ArrayList<>();
      Map<String, long[]> byKind = new java.util.TreeMap<>();
      for (SimulatedVideo v : batch) {
        Set<Integer> mine = reviewed.getOrDefault(v.evidence().video().id(), Set.of());
        for (InjectedError e : v.errors()) {
          faults++;
          java.util.BitSet frames = v.frames(e);
          long in = 0;
          for (int f = frames.nextSetBit(0); f >= 0; f = frames.nextSetBit(f + 1))
            if (mine.contains(f)) in++;
          caught += in;
          total += frames.cardinality();
          if (in > 0) touched++;
          long[] k = byKind.computeIfAbsent(e.kind(), x -> new long[2]);
          k[0] += in;
          k[1] += frames.cardinality();
        }
        if (quality) fixed.add(expertFix(v, mine));
      }
      double idf1Before = Double.NaN,
          idf1After = Double.NaN,
          hotaBefore = Double.NaN,
          hotaAfter = Double.NaN;
      if (quality) {
        for (SimulatedVideo v : batch) truthSoFar.add(v.truth());
        List<AnnotationSet> before = new ArrayList<>(labelsSoFar);
        for (SimulatedVideo v : batch) before.add(v.evidence().annotators().get(0));
        labelsSoFar.addAll(fixed);
        double[] q0 = quality(truthSoFar, before);
        double[] q1 = quality(truthSoFar, labelsSoFar);
        idf1Before = q0[0];
        hotaBefore = q0[1];
        idf1After = q1[0];
        hotaAfter = q1[1];
      }
      out.add(
          new BatchOutcome(
              name,
              seed,
              b,
              picked.size(),
              caught,
              total,
              touched,
              faults,
              idf1Before,
              idf1After,
              hotaBefore,
              hotaAfter,
              byKind));
    }
    return out;
  }

  private static List<FrameRef> queue(List<SimulatedVideo> batch, QueueOptions o) {
    List<VideoEvidence> ev = batch.stream().map(SimulatedVideo::evidence).toList();
    BatchScores scores = LabelQueue.score(ev, o.weights(), ProgressListener.NONE);
    return LabelQueue.select(scores, o).frames();
  }

  private static List<FrameRef> random(List<SimulatedVideo> batch, QueueOptions o, long seed) {
    List<FrameRef> all = new ArrayList<>();
    for (SimulatedVideo v : batch)
      for (int f = 0; f < v.evidence().frameCount(); f++)
        all.add(new FrameRef(v.evidence().video().id(), f));
    Collections.shuffle(all, new Random(seed));
    return all.subList(0, Math.min(all.size(), o.budget().frames(all.size())));
  }

  /** The budgeted frames with the most erroneous object-frames (ties: video, then frame order). */
  private static List<FrameRef> oracle(List<SimulatedVideo> batch, QueueOptions o) {
    List<FrameRef> all = new ArrayList<>();
    Map<FrameRef, Integer> errors = new HashMap<>();
    for (SimulatedVideo v : batch) {
      int[] e = v.errorsPerFrame();
      for (int f = 0; f < e.length; f++) {
        FrameRef r = new FrameRef(v.evidence().video().id(), f);
        all.add(r);
        errors.put(r, e[f]);
      }
    }
    all.sort(java.util.Comparator.comparingInt((FrameRef r) -> -errors.get(r)));
    return all.subList(0, Math.min(all.size(), o.budget().frames(all.size())));
  }

  /**
   * What the expert does on the reviewed frames: each becomes the truth, in the labels' own ID
   * namespace (truth object o gets the label ID most often matched to o over the video), and a
   * label track that carries the wrong ID there is renamed from that frame on, as an expert merges
   * tracks after spotting an ID switch.
   */
  static AnnotationSet expertFix(SimulatedVideo v, Set<Integer> reviewed) {
    AnnotationSet labels = v.evidence().annotators().get(0);
    if (reviewed.isEmpty()) return labels;
    int n = v.evidence().frameCount();
    Map<Integer, List<Detection>> truth = v.truth().byFrame();
    List<List<Detection>> work = new ArrayList<>();
    for (int f = 0; f < n; f++) work.add(new ArrayList<>());
    for (Detection d : labels.detections()) if (d.frame() < n) work.get(d.frame()).add(d);
    // matched[f]: truth track id -> label detection
    List<Map<Integer, Detection>> matched = new ArrayList<>();
    Map<Integer, Map<Integer, Integer>> votes = new HashMap<>();
    int maxId = 0;
    for (Detection d : labels.detections()) maxId = Math.max(maxId, d.trackId());
    for (int f = 0; f < n; f++) {
      Map<Integer, Detection> m = match(truth.getOrDefault(f, List.of()), work.get(f));
      matched.add(m);
      m.forEach(
          (o, d) ->
              votes.computeIfAbsent(o, k -> new HashMap<>()).merge(d.trackId(), 1, Integer::sum));
    }
    Map<Integer, Integer> intended = new HashMap<>();
    Set<Integer> usedIds = new HashSet<>();
    for (Map.Entry<Integer, Map<Integer, Integer>> e : votes.entrySet()) {
      int best =
          e.getValue().entrySet().stream()
              .max(
                  Map.Entry.<Integer, Integer>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
              .get()
              .getKey();
      if (best >= 0 && usedIds.add(best)) intended.put(e.getKey(), best);
    }
    List<Integer> frames = new ArrayList<>(reviewed);
    Collections.sort(frames);
    int[] nextId = {maxId + 1};
    for (int f : frames) {
      if (f < 0 || f >= n) continue;
      for (Detection t : truth.getOrDefault(f, List.of())) {
        // an object the labels never had gets a fresh ID
        int want = intended.computeIfAbsent(t.trackId(), k -> nextId[0]++);
        Detection l = matched.get(f).get(t.trackId());
        if (l != null && l.trackId() != want && l.trackId() >= 0)
          rename(work, l.trackId(), want, f);
      }
      List<Detection> fixedFrame = new ArrayList<>();
      for (Detection t : truth.getOrDefault(f, List.of()))
        if (labels.labels().contains(t.label()))
          fixedFrame.add(t.withTrackId(intended.get(t.trackId())));
      work.set(f, fixedFrame);
    }
    List<Detection> out = new ArrayList<>();
    work.forEach(out::addAll);
    for (Detection d : labels.detections()) if (d.frame() >= n) out.add(d);
    return labels.withDetections(out);
  }

  /**
   * Renames label track {@code from} to {@code to} on frames >= {@code f} where {@code to} is not
   * already present.
   */
  private static void rename(List<List<Detection>> work, int from, int to, int f) {
    for (int g = f; g < work.size(); g++) {
      List<Detection> frame = work.get(g);
      if (frame.stream().anyMatch(d -> d.trackId() == to)) continue;
      frame.replaceAll(d -> d.trackId() == from ? d.withTrackId(to) : d);
    }
  }

  /** Truth track id -> the label detection matched to it (IoU >= 0.5, metrics' assignment). */
  private static Map<Integer, Detection> match(List<Detection> truth, List<Detection> labels) {
    Map<Integer, Detection> out = new HashMap<>();
    if (truth.isEmpty() || labels.isEmpty()) return out;
    double[] cost = new double[truth.size() * labels.size()];
    for (int i = 0; i < truth.size(); i++)
      for (int j = 0; j < labels.size(); j++) {
        var a = truth.get(i).boxOrMaskBox();
        var b = labels.get(j).boxOrMaskBox();
        double iou = a == null || b == null ? 0 : BoxIou.of(a, b);
        cost[i * labels.size() + j] = iou >= 0.5 ? 1 - iou : Double.NaN;
      }
    int[] m = new LinearAssignment().solveAllowingForbidden(cost, truth.size(), labels.size());
    for (int i = 0; i < m.length; i++)
      if (m[i] >= 0) out.put(truth.get(i).trackId(), labels.get(m[i]));
    return out;
  }

  /** {IDF1, HOTA} of labels vs truth, counts summed over videos. */
  static double[] quality(List<AnnotationSet> truth, List<AnnotationSet> labels) {
    IdentityCounts id = IdentityCounts.ZERO;
    HotaCounts hota = HotaCounts.zero();
    for (int i = 0; i < truth.size(); i++) {
      TrackingSequence seq =
          TrackingSequence.of(
              truth.get(i), labels.get(i), TrackingSequence.Similarity.BOX_IOU, d -> true);
      id = id.plus(IdentityMatching.of(seq, 0.5));
      hota = hota.plus(Hota.of(seq));
    }
    return new double[] {id.idf1(), hota.hota()};
  }
}
