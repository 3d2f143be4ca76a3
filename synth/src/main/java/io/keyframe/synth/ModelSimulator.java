package io.keyframe.synth;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FileHash;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Track;
import io.keyframe.dataset.Video;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A customer's detector simulated from the ground truth: per-frame untracked boxes around the
 * <em>visible</em> part of each object (the mask's bounding box plus measurement noise), scores and
 * per-class probabilities that fall with occlusion, misses concentrated at occlusions, class
 * confusions and false positives (some on people). Misses, confusions and false positives are
 * recorded as faults; fully hidden objects are never detected and that is not a fault.
 */
public final class ModelSimulator {
  private static final ObjectClass[] CLASSES = ObjectClass.values();

  private ModelSimulator() {}

  /** The detector's output and the faults put into it. */
  public record Output(AnnotationSet detections, List<InjectedFault> faults) {
    public Output {
      faults = List.copyOf(faults);
    }
  }

  /** Simulates {@code profile} running over the scene whose truth is {@code gt}. */
  public static Output simulate(
      Scene scene, AnnotationSet gt, ModelProfile profile, SplittableRandom r) {
    return simulate(scene, TruthIndex.of(gt), profile, r);
  }

  static Output simulate(Scene scene, TruthIndex index, ModelProfile profile, SplittableRandom r) {
    AnnotationSet gt = index.set();
    Video video = gt.video();
    String vid = video.id(), who = profile.name();
    List<InjectedFault> faults = new ArrayList<>();
    // Confusion spans per track, drawn first in track-id order.
    Map<Integer, int[]> confused = new HashMap<>();
    List<Track> tracks = index.tracks();
    for (Track t : tracks) {
      boolean yes = r.nextDouble() < profile.confusionRate();
      int len = 10 + r.nextInt(51);
      int room = Math.max(0, t.lastFrame() - t.firstFrame() + 1 - len);
      int s = t.firstFrame() + (room == 0 ? 0 : r.nextInt(room + 1));
      if (!yes) continue;
      int[] span =
          AnnotatorSimulator.clipToDetections(
              t, new int[] {s, Math.min(t.lastFrame(), s + len - 1)});
      if (span == null) continue;
      confused.put(t.id(), span);
      String other = ObjectClass.ofLabel(t.label()).confusedWith().label();
      faults.add(
          new InjectedFault(
              who,
              InjectedFault.Kind.CLASS_CONFUSION,
              vid,
              span[0],
              span[1],
              List.of(t.id()),
              t.label() + "->" + other));
    }
    List<Detection> out = new ArrayList<>();
    // Open miss runs per track: {start, end, min visibility * 1000}.
    Map<Integer, int[]> missRun = new LinkedHashMap<>();
    Map<Integer, List<Detection>> byFrame = index.byFrame();
    for (int f = 0; f < video.frameCount(); f++) {
      for (Detection d : byFrame.getOrDefault(f, List.of())) {
        double v = d.visibility();
        double pMiss = profile.missRate() + profile.occlusionMissRate() * (1 - v);
        double u = r.nextDouble();
        double g1 = SeedSequence.gaussian(r),
            g2 = SeedSequence.gaussian(r),
            g3 = SeedSequence.gaussian(r);
        double g4 = SeedSequence.gaussian(r), g5 = SeedSequence.gaussian(r);
        int alt = r.nextInt(CLASSES.length);
        if (v <= 0) {
          closeRun(missRun, d.trackId(), f, who, vid, faults);
          continue;
        }
        if (u < pMiss) {
          int[] run = missRun.get(d.trackId());
          int vis = (int) Math.round(v * 1000);
          if (run != null && run[1] == f - 1) {
            run[1] = f;
            run[2] = Math.min(run[2], vis);
          } else {
            closeRun(missRun, d.trackId(), f, who, vid, faults);
            missRun.put(d.trackId(), new int[] {f, f, vis});
          }
          continue;
        }
        closeRun(missRun, d.trackId(), f, who, vid, faults);
        Box seen = d.mask().bbox().orElse(d.box());
        double n = profile.boxNoise();
        Box box =
            noisy(
                seen,
                n * seen.w() * g1,
                n * seen.h() * g2,
                n * seen.w() * g3,
                n * seen.h() * g4,
                video);
        double p = Math.max(0.05, Math.min(0.99, 0.5 + 0.45 * v + 0.05 * g5));
        String truth = d.label();
        int[] span = confused.get(d.trackId());
        boolean swap = span != null && f >= span[0] && f <= span[1];
        String said = swap ? ObjectClass.ofLabel(truth).confusedWith().label() : truth;
        String second = swap ? truth : ObjectClass.ofLabel(truth).confusedWith().label();
        out.add(detection(f, said, second, CLASSES[alt].label(), p, box));
      }
      falsePositives(scene, f, profile, r, out, faults, who, vid);
    }
    for (Integer id : new ArrayList<>(missRun.keySet()))
      closeRun(missRun, id, Integer.MAX_VALUE, who, vid, faults);
    String hash = FileHash.sha256(profile.toString().getBytes(StandardCharsets.UTF_8));
    Provenance prov = Provenance.model(who, hash, null, GroundTruthBuilder.TOOL);
    return new Output(new AnnotationSet(video, prov, gt.labels(), out), faults);
  }

  private static void closeRun(
      Map<Integer, int[]> runs,
      int id,
      int frame,
      String who,
      String vid,
      List<InjectedFault> faults) {
    int[] run = runs.remove(id);
    if (run == null) return;
    faults.add(
        new InjectedFault(
            who,
            InjectedFault.Kind.MISSED_DETECTION,
            vid,
            run[0],
            run[1],
            List.of(id),
            String.format(Locale.ROOT, "min visibility %.3f", run[2] / 1000.0)));
  }

  private static void falsePositives(
      Scene scene,
      int f,
      ModelProfile profile,
      SplittableRandom r,
      List<Detection> out,
      List<InjectedFault> faults,
      String who,
      String vid) {
    // Poisson count by inversion; StrictMath keeps it identical everywhere.
    double limit = StrictMath.exp(-profile.falsePositivesPerFrame()), prod = r.nextDouble();
    int count = 0;
    while (prod > limit && count < 20) {
      count++;
      prod *= r.nextDouble();
    }
    Video v = scene.video();
    for (int i = 0; i < count; i++) {
      ObjectClass c = CLASSES[r.nextInt(CLASSES.length)];
      Sprite size = c.sprite(v.height() / 360.0);
      double x = r.nextInt(Math.max(1, v.width() - size.width()));
      double y = r.nextInt(Math.max(1, v.height() - size.height()));
      String where = "background";
      List<Occluder> present = scene.occluders().stream().filter(o -> o.presentAt(f)).toList();
      boolean onPerson = r.nextBoolean() && !present.isEmpty();
      if (onPerson) {
        Occluder o = present.get(r.nextInt(present.size()));
        x = o.trajectory().x(f) + o.spriteAt(f).width() / 4.0;
        y = o.trajectory().y(f) + o.spriteAt(f).height() / 3.0;
        where = o.kind();
      }
      double p = SeedSequence.uniform(r, 0.3, 0.65);
      Box raw = new Box(x, y, size.width(), size.height());
      Box box = noisy(raw, 0, 0, 0, 0, v);
      if (box == null) continue;
      out.add(
          detection(
              f,
              c.label(),
              c.confusedWith().label(),
              CLASSES[(c.ordinal() + 1) % CLASSES.length].label(),
              p,
              box));
      faults.add(
          new InjectedFault(
              who,
              InjectedFault.Kind.FALSE_POSITIVE,
              vid,
              f,
              f,
              List.of(),
              String.format(
                  Locale.ROOT,
                  "%s on %s at %.2f,%.2f,%.2f,%.2f",
                  c.label(),
                  where,
                  box.x(),
                  box.y(),
                  box.w(),
                  box.h())));
    }
  }

  /** A detection whose probabilities are {@code p} for its label, the rest split 0.6/0.4. */
  private static Detection detection(
      int f, String label, String second, String third, double p, Box box) {
    double rest = 1 - p;
    Map<String, Double> probs = new LinkedHashMap<>();
    double score = round4(p);
    probs.put(label, score);
    if (!second.equals(label)) probs.put(second, round4(rest * 0.6));
    if (!third.equals(label) && !third.equals(second)) probs.put(third, round4(rest * 0.4));
    return new Detection(
        f, Detection.UNTRACKED, label, box, null, score, probs, -1, false, false, false);
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  /** Box moved by the given corner offsets, clipped to the frame, to 0.01 px; null if empty. */
  private static Box noisy(Box b, double dx1, double dy1, double dx2, double dy2, Video v) {
    double x1 = AnnotatorSimulator.round2(Math.max(0, b.x() + dx1));
    double y1 = AnnotatorSimulator.round2(Math.max(0, b.y() + dy1));
    double x2 = AnnotatorSimulator.round2(Math.min(v.width(), b.x2() + dx2));
    double y2 = AnnotatorSimulator.round2(Math.min(v.height(), b.y2() + dy2));
    // Keep at least one pixel per side, each side on its own.
    if (x2 - x1 < 1) x2 = Math.min(v.width(), x1 + 1);
    if (y2 - y1 < 1) y2 = Math.min(v.height(), y1 + 1);
    double bw = AnnotatorSimulator.round2(x2 - x1), bh = AnnotatorSimulator.round2(y2 - y1);
    if (bw <= 0 || bh <= 0) return null;
    return new Box(x1, y1, bw, bh);
  }
}
