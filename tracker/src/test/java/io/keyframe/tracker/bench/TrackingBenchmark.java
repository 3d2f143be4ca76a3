package io.keyframe.tracker.bench;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.frames.FrameSource;
import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.clear.Convention;
import io.keyframe.metrics.clear.TrackEvalClear;
import io.keyframe.metrics.hota.Hota;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.identity.IdentityCounts;
import io.keyframe.metrics.identity.IdentityMatching;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.synth.ClinicVideoGenerator;
import io.keyframe.synth.GeneratedVideo;
import io.keyframe.synth.GeneratorSpec;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.RecommendedKeyframe;
import io.keyframe.tracker.TrackInvariants;
import io.keyframe.tracker.TrackedVideo;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTracker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the fallback tracker variants over a generated batch and prints TrackEval-style metrics
 * (CLEAR ID switches and fragmentations, IDF1, HOTA; class-agnostic, box IoU 0.5) summed over the
 * batch, then one machine-readable line per variant. The "human" who answers keyframe requests is
 * simulated from the ground truth: asked about an object at a frame, it returns the true box and ID
 * of the visible object that best overlaps the tracker's box. Every keyframe variant also gets the
 * human's labels of frame 0 (the usual start of an annotation job).
 *
 * <p>Usage: {@code TrackingBenchmark [videos] [frames] [objects] [seed] [--no-appearance]}; with
 * {@code -Dkeyframe.shared=DIR -Dkeyframe.root=REPO} it also prints each model path's frames/s.
 * Variant fps covers the whole variant (both passes for the two-pass ones) including rendering the
 * synthetic frames for the appearance cue.
 */
public final class TrackingBenchmark {
  private TrackingBenchmark() {}

  /** Sums of one variant's counts over the batch. */
  static final class Totals {
    ClearCounts clear = ClearCounts.zero(Convention.TRACKEVAL);
    IdentityCounts identity = IdentityCounts.ZERO;
    HotaCounts hota = HotaCounts.zero();
    long dupIds;
    long frames;
    double seconds;
    long humanBoxes;

    void add(AnnotationSet gt, TrackedVideo r, double secs, long boxes) {
      TrackingSequence seq =
          TrackingSequence.of(
              gt, r.tracks(), TrackingSequence.Similarity.BOX_IOU, TrackingBenchmark::evaluated);
      clear = clear.plus(TrackEvalClear.of(seq, 0.5));
      identity = identity.plus(IdentityMatching.of(seq, 0.5));
      hota = hota.plus(Hota.of(seq));
      dupIds += TrackInvariants.duplicateIds(r.tracks());
      frames += gt.video().frameCount();
      seconds += secs;
      humanBoxes += boxes;
    }

    /**
     * The variant's figures in one order, so the table and the key=value lines print the same
     * numbers: name, IDSW, Frag, IDF1, HOTA, MOTA, key boxes, duplicate IDs, frames per second.
     */
    Object[] figures(String variant) {
      return new Object[] {
        variant,
        clear.switches(),
        clear.fragmentations(),
        identity.idf1(),
        hota.hota(),
        mota(clear),
        humanBoxes,
        dupIds,
        frames / seconds
      };
    }
  }

  /** Ground truth counts where something of the object is visible; predictions always count. */
  static boolean evaluated(Detection d) {
    return d.visibility() < 0 || d.visibility() > 0;
  }

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    boolean appearance = true;
    int interpolate = 0;
    for (String a : args)
      if (a.equals("--no-appearance")) appearance = false;
      else if (a.startsWith("--interpolate=")) interpolate = Integer.parseInt(a.substring(14));
      else positional.add(a);
    int videos = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 10;
    int frames = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 900;
    int objects = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 30;
    long seed = positional.size() > 3 ? Long.parseLong(positional.get(3)) : 7;
    GeneratorSpec spec = GeneratorSpec.of(videos, frames, objects, seed);
    ClinicVideoGenerator gen = new ClinicVideoGenerator(spec);
    ByteTrackConfig base =
        ByteTrackConfig.defaults()
            .withAppearanceWeight(appearance ? 0.3 : 0)
            .withInterpolation(interpolate);
    ByteTrackConfig plain = base.withStitching(false);
    Map<String, Totals> totals = new LinkedHashMap<>();
    for (String v :
        List.of("no-reinit", "reinit-gt-occlusions", "reinit-auto", "stitching", "auto+stitching"))
      totals.put(v, new Totals());
    long occlusionEvents = 0;
    // Every setting the variants share (stitching variants switch stitching.enabled on): the same
    // form a track run writes to tracker.json.
    System.out.println(
        "tracker_config="
            + new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(new ByteTracker(plain).settings()));
    System.out.printf(
        Locale.ROOT,
        "batch: %d videos x %d frames x %d objects, seed %d, appearance %s, gap interpolation %d%n",
        videos,
        frames,
        objects,
        seed,
        appearance ? "on" : "off",
        interpolate);
    for (int i = 0; i < videos; i++) {
      GeneratedVideo gv = gen.generate(i);
      AnnotationSet gt = gv.groundTruth();
      AnnotationSet dets = gv.model();
      occlusionEvents += gv.occlusions().size();
      try (FrameSource renderer = gv.renderer()) {
        FrameImages images = appearance ? FrameImages.of(renderer) : FrameImages.NONE;
        Human human = new Human(gt);
        List<Detection> first = human.frame(0);

        timed(
            totals.get("no-reinit"),
            gt,
            () -> new ByteTracker(plain).track(dets, images, List.of(), null),
            0);

        List<Detection> gtKeys = new ArrayList<>(first);
        for (OcclusionEvent o : gv.occlusions()) {
          Detection d = human.object(o.trackId(), o.reemergenceFrame());
          if (d != null) gtKeys.add(d);
        }
        List<Detection> gtKeysDedup = Human.dedup(gtKeys);
        timed(
            totals.get("reinit-gt-occlusions"),
            gt,
            () -> new ByteTracker(plain).track(dets, images, gtKeysDedup, null),
            gtKeysDedup.size());

        long t0 = System.nanoTime();
        TrackedVideo pass1 = new ByteTracker(plain).track(dets, images, first, null);
        List<Detection> autoKeys =
            Human.dedup(concat(first, human.answer(pass1.recommendedKeyframes())));
        TrackedVideo pass2 = new ByteTracker(plain).track(dets, images, autoKeys, null);
        totals.get("reinit-auto").add(gt, pass2, (System.nanoTime() - t0) / 1e9, autoKeys.size());

        timed(
            totals.get("stitching"),
            gt,
            () -> new ByteTracker(base).track(dets, images, List.of(), null),
            0);

        t0 = System.nanoTime();
        TrackedVideo s1 = new ByteTracker(base).track(dets, images, first, null);
        List<Detection> sKeys = Human.dedup(concat(first, human.answer(s1.recommendedKeyframes())));
        TrackedVideo s2 = new ByteTracker(base).track(dets, images, sKeys, null);
        totals.get("auto+stitching").add(gt, s2, (System.nanoTime() - t0) / 1e9, sKeys.size());
      }
      System.out.printf(Locale.ROOT, "video %d/%d done%n", i + 1, videos);
    }
    System.out.printf(Locale.ROOT, "ground-truth occlusion events: %d%n", occlusionEvents);
    System.out.printf(
        Locale.ROOT,
        "%-22s %6s %6s %7s %7s %7s %8s %8s%n",
        "variant",
        "IDSW",
        "Frag",
        "IDF1",
        "HOTA",
        "MOTA",
        "keyboxes",
        "fps");
    printVariants(totals, "%1$-22s %2$6d %3$6d %4$7.4f %5$7.4f %6$7.4f %7$8d %9$8.1f%n");
    String shared = System.getProperty("keyframe.shared");
    if (shared != null)
      for (String line :
          ModelPathSpeed.measure(
              java.nio.file.Path.of(shared),
              java.nio.file.Path.of(System.getProperty("keyframe.root", "."))))
        System.out.println(line);
    long baseSw = totals.get("no-reinit").clear.switches();
    for (String v : List.of("reinit-gt-occlusions", "reinit-auto", "stitching", "auto+stitching")) {
      long sw = totals.get(v).clear.switches();
      System.out.printf(
          Locale.ROOT,
          "idsw ratio %s / no-reinit = %.3f (%.1f%% fewer)%n",
          v,
          sw / (double) Math.max(1, baseSw),
          100.0 * (baseSw - sw) / Math.max(1, baseSw));
    }
    printVariants(
        totals,
        "variant=%1$s idsw=%2$d frag=%3$d idf1=%4$.4f hota=%5$.4f dup_ids=%8$d fps=%9$.1f%n");
  }

  /**
   * One line per variant; {@code format} picks its columns by argument index from {@link
   * Totals#figures}.
   */
  private static void printVariants(Map<String, Totals> totals, String format) {
    for (var e : totals.entrySet())
      System.out.printf(Locale.ROOT, format, e.getValue().figures(e.getKey()));
  }

  private static double mota(ClearCounts c) {
    return 1 - (c.misses() + c.falsePositives() + c.switches()) / (double) Math.max(1, c.objects());
  }

  private static void timed(
      Totals t, AnnotationSet gt, java.util.function.Supplier<TrackedVideo> run, long boxes) {
    long t0 = System.nanoTime();
    TrackedVideo r = run.get();
    t.add(gt, r, (System.nanoTime() - t0) / 1e9, boxes);
  }

  private static List<Detection> concat(List<Detection> a, List<Detection> b) {
    List<Detection> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The simulated annotator who answers keyframe requests from the ground truth. */
  static final class Human {
    private final Map<Integer, List<Detection>> byFrame;

    Human(AnnotationSet gt) {
      this.byFrame = gt.byFrame();
    }

    private static boolean visible(Detection d) {
      return !d.outside() && d.box() != null && (d.visibility() < 0 || d.visibility() >= 0.3);
    }

    /** Every clearly visible object of {@code frame}, with its true ID. */
    List<Detection> frame(int frame) {
      List<Detection> out = new ArrayList<>();
      for (Detection d : byFrame.getOrDefault(frame, List.of())) if (visible(d)) out.add(key(d));
      return out;
    }

    /** Object {@code id} at {@code frame} if clearly visible there, else null. */
    Detection object(int id, int frame) {
      for (Detection d : byFrame.getOrDefault(frame, List.of()))
        if (d.trackId() == id && visible(d)) return key(d);
      return null;
    }

    /**
     * For each request, the visible true object that best overlaps the tracker's box (IoU >= 0.3).
     */
    List<Detection> answer(List<RecommendedKeyframe> requests) {
      List<Detection> out = new ArrayList<>();
      for (RecommendedKeyframe k : requests) {
        Detection best = null;
        double bestIou = 0.3;
        for (Detection d : byFrame.getOrDefault(k.frame(), List.of())) {
          if (!visible(d)) continue;
          double v = BoxIou.of(k.box(), d.box());
          if (v >= bestIou) {
            bestIou = v;
            best = d;
          }
        }
        if (best != null) out.add(key(best));
      }
      return out;
    }

    private static Detection key(Detection d) {
      return Detection.of(d.frame(), d.trackId(), d.label(), d.box()).withFlags(false, false, true);
    }

    static List<Detection> dedup(List<Detection> keys) {
      Set<Long> seen = new HashSet<>();
      List<Detection> out = new ArrayList<>();
      for (Detection d : keys) if (seen.add(((long) d.frame() << 32) | d.trackId())) out.add(d);
      return out;
    }
  }
}
