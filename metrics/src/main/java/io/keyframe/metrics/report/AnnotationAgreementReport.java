package io.keyframe.metrics.report;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.metrics.agreement.CohenKappa;
import io.keyframe.metrics.agreement.TrackAgreement;
import io.keyframe.metrics.agreement.Weighting;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.metrics.bootstrap.PercentileBootstrap.Interval;
import io.keyframe.metrics.vos.JAndF;
import io.keyframe.metrics.vos.MaskletMatching;
import io.keyframe.metrics.vos.Masklets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code agreement} command's output for two or more annotation files of the same video: each
 * file after the first is compared with the first. SA-V masklet JSON pairs are matched by masklet
 * and scored with J, F and J&amp;F; other formats (MOT, CVAT, COCO) are matched per frame by IoU
 * and scored with class kappa and box/mask IoU ({@link TrackAgreement}).
 *
 * @param trackPairs per compared file: track agreement (empty for SA-V input)
 * @param maskletPairs per compared file: masklet matching (empty for other formats)
 * @param names file names, first = reference
 * @param kappaIntervals per track pair: bootstrap interval of the class kappa over matched pairs
 */
public record AnnotationAgreementReport(
    List<String> names,
    List<TrackAgreement> trackPairs,
    List<MaskletMatching.Result> maskletPairs,
    List<Interval> kappaIntervals) {

  /** Masklets must overlap this much on average to count as the same object. */
  public static final double MASKLET_MIN_IOU = 0.1;

  /** Objects must overlap this much in a frame to be matched. */
  public static final double OBJECT_MIN_IOU = 0.5;

  public AnnotationAgreementReport {
    names = List.copyOf(names);
    trackPairs = List.copyOf(trackPairs);
    maskletPairs = List.copyOf(maskletPairs);
    kappaIntervals = List.copyOf(kappaIntervals);
  }

  /** Reads the files (the first is the reference) and compares. */
  public static AnnotationAgreementReport of(List<Path> files) throws IOException {
    if (files.size() < 2)
      throw new IllegalArgumentException(
          "agreement needs at least two annotation files (one per annotator), got " + files.size());
    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
    if (isSav(files.get(0))) {
      Masklets ref = Masklets.readSav(files.get(0));
      List<MaskletMatching.Result> out = new ArrayList<>();
      MaskletMatching m = new MaskletMatching(MASKLET_MIN_IOU, JAndF.semiSupervised());
      for (Path f : files.subList(1, files.size())) out.add(m.match(ref, Masklets.readSav(f)));
      return new AnnotationAgreementReport(names, List.of(), out, List.of());
    }
    AnnotationSet ref = AnnotationFiles.read(files.get(0));
    List<TrackAgreement> out = new ArrayList<>();
    List<Interval> cis = new ArrayList<>();
    PercentileBootstrap boot = PercentileBootstrap.standard();
    for (Path f : files.subList(1, files.size())) {
      TrackAgreement t = TrackAgreement.of(ref, AnnotationFiles.read(f), OBJECT_MIN_IOU);
      out.add(t);
      cis.add(
          t.classes() == null
              ? new Interval(Double.NaN, Double.NaN, 0, 0)
              : boot.interval(
                  t.classes().items().size(),
                  idx ->
                      CohenKappa.of(t.classes().selectItems(idx), 0, 1, Weighting.NONE).value()));
    }
    return new AnnotationAgreementReport(names, out, List.of(), cis);
  }

  private static boolean isSav(Path file) throws IOException {
    if (!file.getFileName().toString().endsWith(".json")) return false;
    try (var in = Files.newBufferedReader(file)) {
      char[] head = new char[4096];
      int n = in.read(head);
      return n > 0 && new String(head, 0, n).contains("\"masklet");
    }
  }

  public String toText() {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < maskletPairs.size(); k++) {
      MaskletMatching.Result r = maskletPairs.get(k);
      b.append(
          String.format(
              Locale.ROOT,
              "%s vs %s: %d masklets matched (mean IoU >= %.2f)%n",
              names.get(0),
              names.get(k + 1),
              r.pairs().size(),
              MASKLET_MIN_IOU));
      b.append(
          String.format(
              Locale.ROOT,
              "%-10s %-8s %8s %8s %8s %8s%n",
              "reference",
              "other",
              "meanIoU",
              "J",
              "F",
              "J&F"));
      for (MaskletMatching.Pair p : r.pairs())
        b.append(
            String.format(
                Locale.ROOT,
                "%-10d %-8d %8.4f %8.4f %8.4f %8.4f%n",
                p.reference(),
                p.other(),
                p.meanIou(),
                p.score().j(),
                p.score().f(),
                p.score().jf()));
      if (!r.pairs().isEmpty())
        b.append(
            String.format(
                Locale.ROOT,
                "mean over matched: J %.4f  F %.4f  J&F %.4f%n",
                r.meanJ(),
                r.meanF(),
                r.meanJF()));
      b.append("unmatched in ")
          .append(names.get(0))
          .append(": ")
          .append(r.unmatchedReference())
          .append('\n');
      b.append("unmatched in ")
          .append(names.get(k + 1))
          .append(": ")
          .append(r.unmatchedOther())
          .append('\n');
    }
    for (int k = 0; k < trackPairs.size(); k++) {
      TrackAgreement t = trackPairs.get(k);
      Interval ci = kappaIntervals.get(k);
      b.append(
          String.format(
              Locale.ROOT,
              "%s vs %s: %d matched objects (IoU >= %.2f), unmatched %d / %d%n",
              names.get(0),
              names.get(k + 1),
              t.matched(),
              OBJECT_MIN_IOU,
              t.unmatchedA(),
              t.unmatchedB()));
      b.append(
          String.format(
              Locale.ROOT,
              "mean box IoU %s, mean mask IoU %s%n",
              num(t.meanBoxIou()),
              num(t.meanMaskIou())));
      b.append("class kappa: ").append(t.classKappa().format(6));
      if (ci.isDefined())
        b.append(String.format(Locale.ROOT, "  [95%% CI %.4f, %.4f]", ci.low(), ci.high()));
      b.append('\n');
      b.append(
          String.format(
              Locale.ROOT,
              "%-8s %-16s %7s %8s %8s %8s%n",
              "track",
              "label",
              "frames",
              "matched",
              "meanIoU",
              "partner"));
      for (TrackAgreement.ObjectAgreement o : t.perObject())
        b.append(
            String.format(
                Locale.ROOT,
                "%-8d %-16s %7d %8d %8s %8s%n",
                o.trackId(),
                o.label(),
                o.frames(),
                o.matchedFrames(),
                num(o.meanIou()),
                o.mostMatchedTrackB() < 0 ? "-" : Integer.toString(o.mostMatchedTrackB())));
    }
    return b.toString();
  }

  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
  }

  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("reference", names.get(0));
    List<Object> cmp = new ArrayList<>();
    for (int k = 0; k < maskletPairs.size(); k++) {
      MaskletMatching.Result r = maskletPairs.get(k);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("other", names.get(k + 1));
      List<Object> pairs = new ArrayList<>();
      for (MaskletMatching.Pair p : r.pairs()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("reference", p.reference());
        x.put("other", p.other());
        x.put("mean_iou", p.meanIou());
        x.put("j", p.score().j());
        x.put("f", p.score().f());
        x.put("jf", p.score().jf());
        x.put("frames", p.score().frames());
        pairs.add(x);
      }
      m.put("matched", pairs);
      m.put("mean_j", ReportJson.finite(r.meanJ()));
      m.put("mean_f", ReportJson.finite(r.meanF()));
      m.put("mean_jf", ReportJson.finite(r.meanJF()));
      m.put("unmatched_reference", r.unmatchedReference());
      m.put("unmatched_other", r.unmatchedOther());
      cmp.add(m);
    }
    for (int k = 0; k < trackPairs.size(); k++) {
      TrackAgreement t = trackPairs.get(k);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("other", names.get(k + 1));
      m.put("matched", t.matched());
      m.put("unmatched_reference", t.unmatchedA());
      m.put("unmatched_other", t.unmatchedB());
      m.put("mean_box_iou", ReportJson.finite(t.meanBoxIou()));
      m.put("mean_mask_iou", ReportJson.finite(t.meanMaskIou()));
      m.put("class_kappa", ReportJson.agreement(t.classKappa()));
      Interval ci = kappaIntervals.get(k);
      m.put("class_kappa_ci", ci.isDefined() ? Map.of("low", ci.low(), "high", ci.high()) : null);
      List<Object> objs = new ArrayList<>();
      for (TrackAgreement.ObjectAgreement o : t.perObject()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("track", o.trackId());
        x.put("label", o.label());
        x.put("frames", o.frames());
        x.put("matched_frames", o.matchedFrames());
        x.put("mean_iou", ReportJson.finite(o.meanIou()));
        x.put("partner", o.mostMatchedTrackB() < 0 ? null : o.mostMatchedTrackB());
        objs.add(x);
      }
      m.put("objects", objs);
      cmp.add(m);
    }
    root.put("comparisons", cmp);
    return ReportJson.indented(root);
  }
}
