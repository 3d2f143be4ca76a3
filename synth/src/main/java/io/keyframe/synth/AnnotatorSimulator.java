package io.keyframe.synth;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Track;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A human annotator simulated from the ground truth: boxes (no masks) with CVAT flags, same track
 * ids as the truth, and faults drawn from an {@link AnnotatorProfile}. Every injected fault is
 * returned; everything else is copied from the truth exactly.
 */
public final class AnnotatorSimulator {
  private AnnotatorSimulator() {}

  /** An annotator's labels and the faults put into them. */
  public record Output(AnnotationSet annotations, List<InjectedFault> faults) {
    public Output {
      faults = List.copyOf(faults);
    }
  }

  /** Simulates {@code profile} labelling the video whose truth is {@code gt}. */
  public static Output simulate(
      AnnotationSet gt,
      List<OcclusionEvent> occlusions,
      AnnotatorProfile profile,
      SplittableRandom r) {
    return simulate(TruthIndex.of(gt), occlusions, profile, r);
  }

  static Output simulate(
      TruthIndex index,
      List<OcclusionEvent> occlusions,
      AnnotatorProfile profile,
      SplittableRandom r) {
    AnnotationSet gt = index.set();
    Video video = gt.video();
    String vid = video.id(), who = profile.name();
    List<InjectedFault> faults = new ArrayList<>();
    Map<Integer, List<Detection>> kept = new HashMap<>();
    Set<Integer> droppedWhole = new HashSet<>();
    List<Track> tracks = index.tracks();
    for (Track t : tracks) {
      int id = t.id(), first = t.firstFrame(), last = t.lastFrame();
      // Draw every decision up front so one fault's outcome does not shift the others' draws.
      boolean missAll = r.nextDouble() < profile.missTrackRate();
      boolean wrong = r.nextDouble() < profile.wrongClassRate();
      boolean missSpan = r.nextDouble() < profile.missSpanRate();
      boolean jitter = r.nextDouble() < profile.jitterRate();
      int[] missRange = span(r, first, last, 5, 40);
      int[] jitterRange = span(r, first, last, 10, 120);
      long jitterSeed = r.nextLong();
      TrackFaults trackFaults = new TrackFaults(who, vid, id, faults);
      if (missAll) {
        trackFaults.add(InjectedFault.Kind.MISSED, first, last, "whole track");
        droppedWhole.add(id);
        continue;
      }
      String label = t.label();
      if (wrong) {
        String other = ObjectClass.ofLabel(label).confusedWith().label();
        trackFaults.add(InjectedFault.Kind.WRONG_CLASS, first, last, label + "->" + other);
        label = other;
      }
      if (missSpan) {
        missRange = clipToDetections(t, missRange);
        if (missRange != null)
          trackFaults.add(InjectedFault.Kind.MISSED, missRange[0], missRange[1], "span skipped");
      }
      if (jitter) {
        jitterRange = clipToDetections(t, jitterRange);
        if (jitterRange != null)
          trackFaults.add(
              InjectedFault.Kind.BOX_JITTER,
              jitterRange[0],
              jitterRange[1],
              "sigma=" + profile.jitterSigma() + "px");
      }
      SplittableRandom jr = new SplittableRandom(jitterSeed);
      List<Detection> mine = new ArrayList<>(t.detections().size());
      for (Detection d : t.detections()) {
        int f = d.frame();
        if (missSpan && missRange != null && f >= missRange[0] && f <= missRange[1]) continue;
        Box box = d.box();
        if (jitter && jitterRange != null && f >= jitterRange[0] && f <= jitterRange[1])
          box = jittered(box, profile.jitterSigma(), video, jr);
        mine.add(
            new Detection(f, id, label, box, null, 1.0, Map.of(), -1, d.occluded(), false, true));
      }
      kept.put(id, mine);
    }
    swaps(index, occlusions, profile, r, kept, droppedWhole, faults);
    List<Detection> all = new ArrayList<>();
    for (Track t : tracks) {
      List<Detection> ds = kept.get(t.id());
      if (ds != null) all.addAll(ds);
    }
    Provenance prov = Provenance.annotator(who, null, GroundTruthBuilder.TOOL);
    return new Output(new AnnotationSet(video, prov, gt.labels(), all), faults);
  }

  /** After an occlusion ends, exchange the object's id with its nearest same-class neighbour. */
  private static void swaps(
      TruthIndex index,
      List<OcclusionEvent> occlusions,
      AnnotatorProfile profile,
      SplittableRandom r,
      Map<Integer, List<Detection>> kept,
      Set<Integer> droppedWhole,
      List<InjectedFault> faults) {
    AnnotationSet gt = index.set();
    Map<Integer, List<Detection>> byFrame = index.byFrame();
    Set<Integer> swapped = new HashSet<>();
    List<OcclusionEvent> ordered = new ArrayList<>(occlusions);
    ordered.sort(
        java.util.Comparator.comparingInt(OcclusionEvent::endFrame)
            .thenComparingInt(OcclusionEvent::trackId));
    int lastFrame = gt.video().frameCount() - 1;
    for (OcclusionEvent e : ordered) {
      if (e.cause().equals("exit") || e.cause().equals("object")) continue;
      boolean go = r.nextDouble() < profile.idSwapRate();
      int a = e.trackId(), at = e.reemergenceFrame();
      if (!go || at > lastFrame || swapped.contains(a) || droppedWhole.contains(a)) continue;
      List<Detection> here = byFrame.getOrDefault(at, List.of());
      Detection da = here.stream().filter(d -> d.trackId() == a).findFirst().orElse(null);
      if (da == null) continue;
      Detection best = null;
      double bestDist = 0.35 * gt.video().width();
      for (Detection d : here) {
        if (d.trackId() == a || swapped.contains(d.trackId()) || droppedWhole.contains(d.trackId()))
          continue;
        if (!d.label().equals(da.label())) continue;
        double dist =
            StrictMath.hypot(
                d.box().centerX() - da.box().centerX(), d.box().centerY() - da.box().centerY());
        if (dist < bestDist) {
          bestDist = dist;
          best = d;
        }
      }
      if (best == null) continue;
      int b = best.trackId();
      List<Detection> la = kept.get(a), lb = kept.get(b);
      List<Detection> na = new ArrayList<>(), nb = new ArrayList<>();
      for (Detection d : la)
        (d.frame() >= at ? nb : na).add(d.frame() >= at ? d.withTrackId(b) : d);
      for (Detection d : lb)
        (d.frame() >= at ? na : nb).add(d.frame() >= at ? d.withTrackId(a) : d);
      kept.put(a, na);
      kept.put(b, nb);
      swapped.add(a);
      swapped.add(b);
      faults.add(
          new InjectedFault(
              profile.name(),
              InjectedFault.Kind.ID_SWAP,
              gt.video().id(),
              at,
              lastFrame,
              List.of(a, b),
              "after " + e.cause() + " occlusion ending at frame " + e.endFrame()));
    }
  }

  /** Records the faults one annotator puts into one track of one video. */
  private record TrackFaults(String who, String video, int trackId, List<InjectedFault> into) {
    void add(InjectedFault.Kind kind, int startFrame, int endFrame, String detail) {
      into.add(new InjectedFault(who, kind, video, startFrame, endFrame, List.of(trackId), detail));
    }
  }

  /** A span of {@code min..max} frames inside {@code [first, last]}. */
  private static int[] span(SplittableRandom r, int first, int last, int min, int max) {
    int len = min + r.nextInt(max - min + 1);
    int room = Math.max(0, last - first + 1 - len);
    int s = first + (room == 0 ? 0 : r.nextInt(room + 1));
    return new int[] {s, Math.min(last, s + len - 1)};
  }

  /** Shrinks a span to the frames where the track has detections; null when none. */
  static int[] clipToDetections(Track t, int[] range) {
    int s = -1, e = -1;
    for (Detection d : t.detections())
      if (d.frame() >= range[0] && d.frame() <= range[1]) {
        if (s < 0) s = d.frame();
        e = d.frame();
      }
    return s < 0 ? null : new int[] {s, e};
  }

  /** The box with Gaussian noise on each coordinate, clipped to the frame, to 0.01 px. */
  static Box jittered(Box b, double sigma, Video v, SplittableRandom r) {
    double x1 = b.x() + sigma * SeedSequence.gaussian(r);
    double y1 = b.y() + sigma * SeedSequence.gaussian(r);
    double x2 = b.x2() + sigma * SeedSequence.gaussian(r);
    double y2 = b.y2() + sigma * SeedSequence.gaussian(r);
    x1 = round2(Math.max(0, Math.min(x1, v.width() - 1)));
    y1 = round2(Math.max(0, Math.min(y1, v.height() - 1)));
    x2 = round2(Math.min(v.width(), Math.max(x2, x1 + 1)));
    y2 = round2(Math.min(v.height(), Math.max(y2, y1 + 1)));
    return new Box(x1, y1, round2(x2 - x1), round2(y2 - y1));
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
