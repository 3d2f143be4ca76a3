package io.keyframe.metrics.motchallenge;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.clear.TrackEvalClear;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.metrics.tracking.ScopeCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * TrackEval's MOTChallenge 2D box evaluation (Luiten et al., TrackEval, {@code
 * datasets/mot_challenge_2d_box.py} {@code get_preprocessed_seq_data}; the official MOTChallenge
 * kit). Per frame, before any metric:
 *
 * <ol>
 *   <li>predictions are matched to all ground truth of the frame, whatever its class or marking:
 *       Hungarian assignment maximising IoU over pairs with IoU ≥ 0.5 − ε; predictions matched to a
 *       distractor class (person on vehicle, static person, distractor, reflection; MOT20 also
 *       non-MOT vehicle) are removed;
 *   <li>ground truth is kept only where its {@code conf} column, truncated to an integer, is not 0
 *       (zero-marked = ignore) and its class is the evaluated one.
 * </ol>
 *
 * MOT15 has no classes: only step 2's zero-marked rows are dropped. The frames are the sequence's
 * ({@code seqinfo.ini} {@code seqLength}), empty ones included. CLEAR-MOT then follows TrackEval's
 * {@code clear.py} ({@link TrackEvalClear}), identity and HOTA TrackEval's, all at similarity
 * threshold 0.5.
 *
 * <p>As in TrackEval, predictions must be class-less (class -1, {@code object}) or of an evaluated
 * class; numeric ground-truth classes outside 1..13 are refused. Labels that are not MOTChallenge
 * classes (e.g. a {@code labels.txt} class list) can be evaluated by name; they are never
 * distractors.
 *
 * @param benchmark whose rules (distractor list, MOT15's no-preprocessing)
 * @param classes the classes to score, each giving one result (TrackEval: {@code pedestrian})
 */
public record MotChallengeProtocol(MotChallengeBenchmark benchmark, List<String> classes) {
  /** TrackEval's matching and metric threshold. */
  public static final double THRESHOLD = 0.5;

  private static final double EPS = Math.ulp(1.0);

  public MotChallengeProtocol {
    if (benchmark == null) throw new IllegalArgumentException("benchmark is null");
    classes = List.copyOf(classes);
    if (classes.isEmpty()) throw new IllegalArgumentException("no class to evaluate");
  }

  /** MOTChallenge's own setting: pedestrians only. */
  public static MotChallengeProtocol pedestrians(MotChallengeBenchmark benchmark) {
    return new MotChallengeProtocol(benchmark, List.of("pedestrian"));
  }

  /**
   * One result per evaluated class, named after the video (one class) or {@code video/class}.
   *
   * @throws IllegalArgumentException for a prediction of another class or a numeric ground-truth
   *     class outside 1..13
   */
  public List<ScopeCounts> evaluate(AnnotationSet gt, AnnotationSet pred) {
    List<ScopeCounts> out = new ArrayList<>();
    for (String c : classes) {
      String name = classes.size() == 1 ? gt.video().id() : gt.video().id() + "/" + c;
      TrackingSequence seq = sequence(gt, pred, c);
      out.add(TrackingEvaluation.trackEval(THRESHOLD).evaluate(seq, name));
    }
    return out;
  }

  /** The preprocessed sequence of one class: what TrackEval's metrics see. */
  public TrackingSequence sequence(AnnotationSet gt, AnnotationSet pred, String cls) {
    int frames = gt.video().frameCount();
    // TrackEval's timesteps are seqinfo.ini's seqLength; a prediction past them (TrackEval refuses
    // it) is kept here as a false positive rather than lost.
    for (Detection d : gt.detections()) frames = Math.max(frames, d.frame() + 1);
    for (Detection d : pred.detections()) frames = Math.max(frames, d.frame() + 1);
    List<List<Detection>> g = byFrame(gt.detections(), frames);
    List<List<Detection>> p = byFrame(pred.detections(), frames);
    boolean preprocess = benchmark != MotChallengeBenchmark.MOT15;
    List<Integer> distractors = benchmark.distractors();
    LinearAssignment lap = new LinearAssignment();
    TrackingSequence.Builder b = new TrackingSequence.Builder(gt.video().id());
    int[] nextUntracked = {Integer.MIN_VALUE / 2};
    for (int t = 0; t < frames; t++) {
      List<Detection> gd = g.get(t);
      List<Detection> pd = new ArrayList<>();
      for (Detection d : p.get(t)) {
        int id = MotChallengeClasses.idOf(d.label());
        if (id == -1 || MotChallengeClasses.same(d.label(), cls)) pd.add(d);
        else if (!classes.stream().anyMatch(c -> MotChallengeClasses.same(d.label(), c)))
          throw new IllegalArgumentException(
              "prediction of class '"
                  + d.label()
                  + "' at frame "
                  + t
                  + ": MOTChallenge evaluates only "
                  + String.join(", ", classes)
                  + " (TrackEval refuses this too)");
      }
      double[] all = iou(gd, pd);
      boolean[] removed = new boolean[pd.size()];
      if (preprocess && !gd.isEmpty() && !pd.isEmpty()) {
        for (Detection d : gd) {
          int id = MotChallengeClasses.idOf(d.label());
          if (id != 0 && (id < 1 || id > MotChallengeClasses.NAMES.size()))
            throw new IllegalArgumentException(
                "ground-truth class "
                    + d.label()
                    + " at frame "
                    + t
                    + " is not a MOTChallenge class (1..13); TrackEval refuses it too");
        }
        int ng = gd.size(), np = pd.size();
        double[] cost = new double[ng * np];
        for (int k = 0; k < cost.length; k++) cost[k] = all[k] < THRESHOLD - EPS ? 0 : -all[k];
        int[] col = lap.solve(cost, ng, np);
        for (int i = 0; i < ng; i++) {
          int j = col[i];
          if (j < 0 || !(-cost[i * np + j] > EPS)) continue;
          if (distractors.contains(MotChallengeClasses.idOf(gd.get(i).label()))) removed[j] = true;
        }
      }
      List<Integer> keptGt = new ArrayList<>(), keptPred = new ArrayList<>();
      for (int i = 0; i < gd.size(); i++) {
        Detection d = gd.get(i);
        boolean zeroMarked = (long) d.score() == 0;
        if (zeroMarked) continue;
        if (preprocess && !MotChallengeClasses.same(d.label(), cls)) continue;
        keptGt.add(i);
      }
      for (int j = 0; j < pd.size(); j++) if (!removed[j]) keptPred.add(j);
      double[] sim = new double[keptGt.size() * keptPred.size()];
      for (int a = 0; a < keptGt.size(); a++)
        for (int c = 0; c < keptPred.size(); c++)
          sim[a * keptPred.size() + c] = all[keptGt.get(a) * pd.size() + keptPred.get(c)];
      b.frame(t, ids(gd, keptGt, nextUntracked), ids(pd, keptPred, nextUntracked), sim);
    }
    return b.build();
  }

  private static List<List<Detection>> byFrame(List<Detection> ds, int frames) {
    List<List<Detection>> out = new ArrayList<>(frames);
    for (int t = 0; t < frames; t++) out.add(new ArrayList<>());
    for (Detection d : ds) if (!d.outside()) out.get(d.frame()).add(d);
    return out;
  }

  private static int[] ids(List<Detection> ds, List<Integer> keep, int[] nextUntracked) {
    int[] out = new int[keep.size()];
    for (int k = 0; k < out.length; k++) {
      int id = ds.get(keep.get(k)).trackId();
      out[k] = id == Detection.UNTRACKED ? nextUntracked[0]++ : id;
    }
    return out;
  }

  private static double[] iou(List<Detection> gd, List<Detection> pd) {
    double[] out = new double[gd.size() * pd.size()];
    if (out.length > 0) BoxIou.matrix(corners(gd), gd.size(), corners(pd), pd.size(), out);
    return out;
  }

  private static double[] corners(List<Detection> ds) {
    double[] c = new double[4 * ds.size()];
    for (int k = 0; k < ds.size(); k++) {
      Box box = ds.get(k).boxOrMaskBox();
      if (box == null) continue; // an empty mask overlaps nothing
      c[4 * k] = box.x();
      c[4 * k + 1] = box.y();
      c[4 * k + 2] = box.x() + box.w();
      c[4 * k + 3] = box.y() + box.h();
    }
    return c;
  }
}
