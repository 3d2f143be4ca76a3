package io.keyframe.scoring.qa;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.metrics.agreement.Agreement;
import io.keyframe.metrics.agreement.CohenKappa;
import io.keyframe.metrics.agreement.Weighting;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.clear.MotAccumulator;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.sequence.TrackingSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Per-annotator, per-class scorecards: accuracy against a reference (ground truth where given, else
 * the consensus of the video's annotators), agreement with the consensus and with the other
 * annotators, correction rate against the model's pre-annotation, throughput and cost. Every count
 * is kept per video, ratios are taken of sums, and confidence intervals resample videos (the
 * independent unit; frames of one video are not independent). Precision, recall and ID switches
 * come from metrics' CLEAR-MOT per class, HOTA (Luiten et al. 2021) from metrics' HOTA per class
 * with counts summed over classes; kappa and the bootstrap from metrics too. Annotators are ranked
 * by HOTA, which weighs detection, association (ID consistency) and localisation together.
 */
public final class Scorecards {
  /** Progress stage name. */
  public static final String STAGE = "scorecard";

  private Scorecards() {}

  public static Scorecard compute(
      List<VideoLabels> videos, TimeLog times, ScorecardOptions o, ProgressListener progress) {
    if (videos.isEmpty()) throw new IllegalArgumentException("no videos to score");
    TreeSet<String> labelSet = new TreeSet<>();
    TreeSet<String> people = new TreeSet<>();
    boolean anyGt = false, anyConsensusRef = false;
    for (VideoLabels v : videos) {
      for (AnnotationSet s : v.annotators()) {
        labelSet.addAll(s.labels());
        people.add(s.provenance().source());
      }
      if (v.reference() != null) {
        labelSet.addAll(v.reference().labels());
        anyGt = true;
      } else anyConsensusRef = true;
    }
    List<String> labels = List.copyOf(labelSet);
    int k = labels.size();
    Map<String, List<Tally>> perPerson = new LinkedHashMap<>();
    for (String p : people) perPerson.put(p, new ArrayList<>());

    int done = 0;
    for (VideoLabels v : videos) {
      AnnotationSet consensus =
          v.annotators().size() >= 2
              ? ConsensusMerger.merge(v.annotators(), o.consensus()).merged()
              : null;
      for (AnnotationSet a : v.annotators()) {
        AnnotationSet reference = v.reference() != null ? v.reference() : consensus;
        if (v.reference() == null && o.leaveOneOut() && v.annotators().size() >= 3) {
          List<AnnotationSet> others = new ArrayList<>(v.annotators());
          others.remove(a);
          reference = ConsensusMerger.merge(others, o.consensus()).merged();
        }
        Tally t = new Tally(k);
        String who = a.provenance().source();
        Map<String, TrackingSequence> perClass =
            TrackingSequence.perClass(reference, a, TrackingSequence.Similarity.BOX_IOU, labels);
        for (int c = 0; c < k; c++) {
          TrackingSequence seq = perClass.get(labels.get(c));
          MotAccumulator acc = new MotAccumulator();
          acc.update(seq, 1 - o.matchIou());
          ClearCounts cc = acc.clear();
          t.tp[c] = cc.detections();
          t.fp[c] = cc.falsePositives();
          t.fn[c] = cc.misses();
          t.sw[c] = cc.switches();
          t.hota[c] = Hota.of(seq);
        }
        if (consensus != null) {
          for (Detection d : ObjectMatching.inView(consensus.detections()))
            t.consObjects[labels.indexOf(d.label())]++;
          for (ObjectMatch m : ObjectMatching.of(a, consensus, o.matchIou()).matches()) {
            int ca = labels.indexOf(m.a().label()), cc = labels.indexOf(m.b().label());
            t.consCm[ca][cc]++;
            t.consIouSum[cc] += m.iou();
            t.consIouN[cc]++;
            if (ca == cc) t.consSame[cc]++;
          }
        }
        for (AnnotationSet b : v.annotators()) {
          if (b == a) continue;
          for (ObjectMatch m : ObjectMatching.of(a, b, o.matchIou()).matches()) {
            t.othersCm[labels.indexOf(m.a().label())][labels.indexOf(m.b().label())]++;
            t.othersIouSum += m.iou();
            t.othersIouN++;
          }
        }
        if (v.preAnnotation() != null) {
          ObjectMatching pm = ObjectMatching.of(v.preAnnotation(), a, o.matchIou());
          long unchanged =
              pm.matches().stream()
                  .filter(m -> m.a().label().equals(m.b().label()) && m.iou() >= o.unchangedIou())
                  .count();
          t.preTotal = pm.matches().size() + pm.onlyA().size() + pm.onlyB().size();
          t.corrections = t.preTotal - unchanged;
        }
        t.seconds = times.seconds(who, v.videoId());
        t.frames = a.video().frameCount();
        t.objects = ObjectMatching.inView(a.detections()).size();
        perPerson.get(who).add(t);
      }
      progress.progress(STAGE, ++done, videos.size());
    }

    List<ScorecardRow> rows = new ArrayList<>();
    for (var e : perPerson.entrySet()) {
      List<Tally> ts = e.getValue();
      rows.add(row(e.getKey(), ScorecardRow.ALL, -1, ts, k, o));
      for (int c = 0; c < k; c++) rows.add(row(e.getKey(), labels.get(c), c, ts, k, o));
    }
    List<ScorecardRow> ranked =
        new ArrayList<>(
            rows.stream()
                .filter(r -> r.label().equals(ScorecardRow.ALL) && !r.smallSample())
                .toList());
    ranked.sort(
        Comparator.comparingDouble(
                (ScorecardRow r) -> Double.isNaN(r.hota().value()) ? -1 : r.hota().value())
            .reversed()
            .thenComparing(ScorecardRow::annotator));
    for (int i = 0; i < ranked.size(); i++) {
      ScorecardRow r = ranked.get(i);
      rows.set(rows.indexOf(r), r.withRank(i + 1));
    }
    String refKind =
        anyGt && anyConsensusRef
            ? "ground truth where given, else consensus"
            : anyGt
                ? "ground truth"
                : o.leaveOneOut() ? "consensus of the other annotators" : "consensus";
    return new Scorecard(refKind, rows, o);
  }

  private static ScorecardRow row(
      String who, String label, int c, List<Tally> ts, int k, ScorecardOptions o) {
    int n = ts.size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    int lo = c < 0 ? 0 : c, hi = c < 0 ? k : c + 1;
    ToDoubleFunction<int[]> precision =
        idx -> ratio(idx, ts, t -> sum(t.tp, lo, hi), t -> sum(t.tp, lo, hi) + sum(t.fp, lo, hi));
    ToDoubleFunction<int[]> recall =
        idx -> ratio(idx, ts, t -> sum(t.tp, lo, hi), t -> sum(t.tp, lo, hi) + sum(t.fn, lo, hi));
    ToDoubleFunction<int[]> iouCons =
        idx -> ratio(idx, ts, t -> sum(t.consIouSum, lo, hi), t -> sum(t.consIouN, lo, hi));
    ToDoubleFunction<int[]> kappaCons = idx -> kappa(idx, ts, k, true);
    ToDoubleFunction<int[]> hota =
        idx -> {
          HotaCounts h = HotaCounts.zero();
          for (int i : idx) for (int x = lo; x < hi; x++) h = h.plus(ts.get(i).hota[x]);
          double v = h.hota();
          return Double.isFinite(v) ? v : Double.NaN;
        };
    PercentileBootstrap b = o.bootstrap();
    double p = precision.applyAsDouble(all), r = recall.applyAsDouble(all);
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : Double.NaN;
    long refObjects = (long) total(ts, t -> sum(t.tp, lo, hi) + sum(t.fn, lo, hi));
    long annObjects = (long) total(ts, t -> sum(t.tp, lo, hi) + sum(t.fp, lo, hi));
    long switches = (long) total(ts, t -> sum(t.sw, lo, hi));
    // A video without timing (NaN seconds) makes the total NaN: no rate per hour and no cost.
    double hours = total(ts, t -> t.seconds) / 3600;
    boolean small = n < o.minVideos() || refObjects < o.minObjects();
    boolean allRow = c < 0;
    return ScorecardRow.builder(who, label)
        .videos(n)
        .referenceObjects(refObjects)
        .annotatorObjects(annObjects)
        .precision(estimate(p, b, n, precision))
        .recall(estimate(r, b, n, recall))
        .f1(f1)
        .hota(estimate(hota.applyAsDouble(all), b, n, hota))
        .idSwitches(switches)
        .iouVsConsensus(estimate(iouCons.applyAsDouble(all), b, n, iouCons))
        .kappaVsConsensus(
            allRow
                ? estimate(kappaCons.applyAsDouble(all), b, n, kappaCons)
                : Estimate.of(Double.NaN))
        .classAgreement(
            ratio(all, ts, t -> sum(t.consSame, lo, hi), t -> sum(t.consObjects, lo, hi)))
        .kappaVsOthers(allRow ? kappa(all, ts, k, false) : Double.NaN)
        .iouVsOthers(allRow ? ratio(all, ts, t -> t.othersIouSum, t -> t.othersIouN) : Double.NaN)
        .correctionRate(allRow ? ratio(all, ts, t -> t.corrections, t -> t.preTotal) : Double.NaN)
        .framesPerHour(allRow && hours > 0 ? total(ts, t -> t.frames) / hours : Double.NaN)
        .objectsPerHour(allRow && hours > 0 ? total(ts, t -> t.objects) / hours : Double.NaN)
        .costPerVideo(allRow ? hours * o.hourlyRate() / n : Double.NaN)
        .smallSample(small)
        .rank(0)
        .build();
  }

  private static Estimate estimate(
      double value, PercentileBootstrap b, int n, ToDoubleFunction<int[]> stat) {
    if (Double.isNaN(value)) return Estimate.of(value);
    PercentileBootstrap.Interval ci = b.interval(n, stat);
    return new Estimate(value, ci.low(), ci.high());
  }

  /** The sum of {@code f} over the videos, in order (plain addition, as {@link #ratio} sums). */
  private static double total(List<Tally> ts, ToDoubleFunction<Tally> f) {
    double s = 0;
    for (Tally t : ts) s += f.applyAsDouble(t);
    return s;
  }

  private static double ratio(
      int[] idx, List<Tally> ts, ToDoubleFunction<Tally> num, ToDoubleFunction<Tally> den) {
    double a = 0, d = 0;
    for (int i : idx) {
      a += num.applyAsDouble(ts.get(i));
      d += den.applyAsDouble(ts.get(i));
    }
    return d == 0 ? Double.NaN : a / d;
  }

  private static double kappa(int[] idx, List<Tally> ts, int k, boolean vsConsensus) {
    double[][] cm = new double[k][k];
    double total = 0;
    for (int i : idx) {
      double[][] src = vsConsensus ? ts.get(i).consCm : ts.get(i).othersCm;
      for (int x = 0; x < k; x++)
        for (int y = 0; y < k; y++) {
          cm[x][y] += src[x][y];
          total += src[x][y];
        }
    }
    if (total == 0) return Double.NaN;
    Agreement a = CohenKappa.fromConfusion(cm, Weighting.NONE);
    return a.isDefined() ? a.value() : Double.NaN;
  }

  private static double sum(double[] a, int lo, int hi) {
    double s = 0;
    for (int i = lo; i < hi; i++) s += a[i];
    return s;
  }

  /** Counts of one annotator on one video; every ratio is formed from sums of these. */
  private static final class Tally {
    final double[] tp, fp, fn, sw, consIouSum, consIouN, consObjects, consSame;
    final double[][] consCm, othersCm;
    final HotaCounts[] hota;
    double othersIouSum, othersIouN, corrections, preTotal, seconds, frames, objects;

    Tally(int k) {
      tp = new double[k];
      fp = new double[k];
      fn = new double[k];
      sw = new double[k];
      consIouSum = new double[k];
      consIouN = new double[k];
      consObjects = new double[k];
      consSame = new double[k];
      consCm = new double[k][k];
      othersCm = new double[k][k];
      hota = new HotaCounts[k];
    }
  }
}
