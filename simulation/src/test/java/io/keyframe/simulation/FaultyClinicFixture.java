package io.keyframe.simulation;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test-only stand-in for the synthetic generator: static clinic equipment, people walking across
 * and hiding it, a delivered annotator with recorded faults (wrong-class spans, missed spans,
 * shifted boxes, new IDs after occlusion), a careful second annotator, a detector with class
 * probabilities that is less sure under occlusion, and a tracker that sometimes switches IDs.
 */
final class FaultyClinicFixture {
  static final List<String> CLASSES =
      List.of("bed_rail", "iv_pole", "monitor", "breathing_tube", "humidifier");
  private static final int W = 320, H = 180;

  private FaultyClinicFixture() {}

  /** Confusable partner class. */
  static String confusable(String c) {
    return switch (c) {
      case "iv_pole" -> "humidifier";
      case "humidifier" -> "iv_pole";
      case "bed_rail" -> "breathing_tube";
      case "breathing_tube" -> "bed_rail";
      default -> "humidifier";
    };
  }

  static List<SimulatedVideo> world(long seed, int videos, int frames, int objects) {
    List<SimulatedVideo> out = new ArrayList<>();
    for (int v = 0; v < videos; v++)
      out.add(video(new Random(seed * 7919 + v), "fx-" + seed + "-" + v, frames, objects));
    return out;
  }

  private record Person(int start, double speed, double y) {
    Box at(int f) {
      double x = -40 + (f - start) * speed;
      return new Box(x, y, 40, 120);
    }
  }

  static SimulatedVideo video(Random rnd, String id, int frames, int objects) {
    Video video = new Video(id, 15, W, H, frames, "");
    Box[] boxes = new Box[objects];
    String[] cls = new String[objects];
    for (int o = 0; o < objects; o++) {
      boxes[o] =
          new Box(
              10 + rnd.nextDouble() * (W - 50),
              20 + rnd.nextDouble() * (H - 80),
              24 + rnd.nextInt(12),
              30 + rnd.nextInt(20));
      cls[o] = CLASSES.get(o % CLASSES.size());
    }
    List<Person> people = new ArrayList<>();
    for (int p = 0, t = rnd.nextInt(30); t < frames; p++, t += 40 + rnd.nextInt(60))
      people.add(new Person(t, 4 + rnd.nextDouble() * 3, rnd.nextDouble() * (H - 120)));

    // Truth: object o at frame f with the visible fraction left by the people in front of it.
    List<Detection> truth = new ArrayList<>();
    double[][] vis = new double[objects][frames];
    List<OcclusionEvent> events = new ArrayList<>();
    for (int o = 0; o < objects; o++) {
      int hiddenFrom = -1;
      for (int f = 0; f < frames; f++) {
        double covered = 0;
        for (Person p : people)
          if (f >= p.start()) covered = Math.max(covered, overlap(boxes[o], p.at(f)));
        vis[o][f] = 1 - covered;
        boolean hidden = covered >= 0.6;
        if (hidden && hiddenFrom < 0) hiddenFrom = f;
        if (!hidden && hiddenFrom >= 0) {
          events.add(new OcclusionEvent(o + 1, hiddenFrom, f - 1, "person", true));
          hiddenFrom = -1;
        }
        if (!hidden)
          truth.add(
              new Detection(
                  f,
                  o + 1,
                  cls[o],
                  boxes[o],
                  null,
                  1,
                  Map.of(),
                  vis[o][f],
                  covered > 0.2,
                  false,
                  false));
      }
      if (hiddenFrom >= 0)
        events.add(new OcclusionEvent(o + 1, hiddenFrom, frames - 1, "person", true));
    }
    AnnotationSet truthSet =
        new AnnotationSet(video, Provenance.groundTruth("fixture"), CLASSES, truth);

    List<InjectedError> errors = new ArrayList<>();
    AnnotationSet delivered =
        annotate(rnd, video, truth, events, frames, objects, 0.35, errors, "annotator-B");
    AnnotationSet second =
        annotate(rnd, video, truth, events, frames, objects, 0.1, new ArrayList<>(), "annotator-A");
    AnnotationSet model = detect(rnd, video, truth, vis, frames, objects);
    AnnotationSet tracker = track(rnd, video, truth, events);
    VideoEvidence ev = new VideoEvidence(video, model, tracker, List.of(delivered, second), events);
    return new SimulatedVideo(truthSet, ev, errors);
  }

  private static double overlap(Box obj, Box occ) {
    double iw = Math.min(obj.x2(), occ.x2()) - Math.max(obj.x(), occ.x());
    double ih = Math.min(obj.y2(), occ.y2()) - Math.max(obj.y(), occ.y());
    return iw <= 0 || ih <= 0 ? 0 : iw * ih / obj.area();
  }

  private static int[] span(Random rnd, int frames, int min, int max) {
    int len = min + rnd.nextInt(max - min + 1);
    int s = rnd.nextInt(Math.max(1, frames - len));
    return new int[] {s, Math.min(frames - 1, s + len - 1)};
  }

  private static AnnotationSet annotate(
      Random rnd,
      Video video,
      List<Detection> truth,
      List<OcclusionEvent> events,
      int frames,
      int objects,
      double rate,
      List<InjectedError> errors,
      String who) {
    Map<Integer, int[]> wrong = new HashMap<>(),
        missed = new HashMap<>(),
        shifted = new HashMap<>();
    Map<Integer, Integer> swapFrom = new HashMap<>();
    for (int o = 1; o <= objects; o++) {
      if (rnd.nextDouble() < rate) wrong.put(o, span(rnd, frames, 8, 25));
      if (rnd.nextDouble() < rate) missed.put(o, span(rnd, frames, 4, 15));
      if (rnd.nextDouble() < rate) shifted.put(o, span(rnd, frames, 4, 12));
    }
    for (OcclusionEvent e : events)
      if (e.reemergenceFrame() < frames
          && !swapFrom.containsKey(e.trackId())
          && rnd.nextDouble() < rate * 1.5) swapFrom.put(e.trackId(), e.reemergenceFrame());
    wrong.forEach((o, s) -> errors.add(new InjectedError("wrong_class", o, s[0], s[1])));
    missed.forEach((o, s) -> errors.add(new InjectedError("missed_span", o, s[0], s[1])));
    shifted.forEach((o, s) -> errors.add(new InjectedError("shifted_box", o, s[0], s[1])));
    // An ID switch is visible where it happens (as CLEAR-MOT counts it), not on every later frame.
    swapFrom.forEach((o, f) -> errors.add(new InjectedError("id_swap", o, f, f)));
    List<Detection> out = new ArrayList<>();
    for (Detection d : truth) {
      int o = d.trackId(), f = d.frame();
      if (in(missed.get(o), f)) continue;
      Detection l = Detection.of(f, o, d.label(), d.box()).withFlags(d.occluded(), false, false);
      if (in(wrong.get(o), f)) l = l.withLabel(confusable(d.label()));
      if (in(shifted.get(o), f))
        l =
            l.withBox(
                new Box(d.box().x() + 0.6 * d.box().w(), d.box().y(), d.box().w(), d.box().h()));
      if (swapFrom.containsKey(o) && f >= swapFrom.get(o)) l = l.withTrackId(1000 + o);
      out.add(l);
    }
    return new AnnotationSet(video, Provenance.annotator(who, null, "fixture"), CLASSES, out);
  }

  private static boolean in(int[] s, int f) {
    return s != null && f >= s[0] && f <= s[1];
  }

  private static AnnotationSet detect(
      Random rnd, Video video, List<Detection> truth, double[][] vis, int frames, int objects) {
    Map<Integer, int[]> confused = new HashMap<>();
    for (int o = 1; o <= objects; o++)
      if (rnd.nextDouble() < 0.15) confused.put(o, span(rnd, frames, 5, 15));
    List<Detection> out = new ArrayList<>();
    for (Detection d : truth) {
      double v = vis[d.trackId() - 1][d.frame()];
      if (rnd.nextDouble() < 0.02 + 0.6 * (1 - v)) continue;
      String other = confusable(d.label());
      double p = v > 0.95 ? 0.85 + 0.12 * rnd.nextDouble() : 0.45 + 0.35 * rnd.nextDouble() * v;
      String label = d.label();
      if (in(confused.get(d.trackId()), d.frame())) {
        label = other;
        p = 1 - p;
      }
      Map<String, Double> probs = new HashMap<>();
      probs.put(d.label(), Math.max(p, 0.01));
      probs.put(other, Math.max(1 - p - 0.02, 0.01));
      probs.put(d.label().equals("monitor") ? "bed_rail" : "monitor", 0.02);
      String top = probs.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
      Box b = d.box();
      double n = 0.03;
      Box noisy =
          new Box(
              b.x() + rnd.nextGaussian() * n * b.w(),
              b.y() + rnd.nextGaussian() * n * b.h(),
              b.w(),
              b.h());
      double score = Math.min(1, Math.max(0, probs.get(top) * (0.6 + 0.4 * v)));
      out.add(
          new Detection(
              d.frame(),
              Detection.UNTRACKED,
              label.equals(top) ? label : top,
              noisy,
              null,
              score,
              probs,
              -1,
              false,
              false,
              false));
    }
    for (int f = 0; f < frames; f++)
      if (rnd.nextDouble() < 0.03)
        out.add(
            new Detection(
                f,
                Detection.UNTRACKED,
                "monitor",
                new Box(rnd.nextDouble() * 280, rnd.nextDouble() * 140, 25, 30),
                null,
                0.35,
                Map.of("monitor", 0.4, "bed_rail", 0.35, "iv_pole", 0.25),
                -1,
                false,
                false,
                false));
    return new AnnotationSet(
        video, Provenance.model("fixture-detector", "00", null, "fixture"), CLASSES, out);
  }

  private static AnnotationSet track(
      Random rnd, Video video, List<Detection> truth, List<OcclusionEvent> events) {
    Map<Integer, Integer> switchAt = new HashMap<>();
    for (OcclusionEvent e : events)
      if (!switchAt.containsKey(e.trackId()) && rnd.nextDouble() < 0.3)
        switchAt.put(e.trackId(), e.reemergenceFrame());
    List<Detection> out = new ArrayList<>();
    for (Detection d : truth) {
      int id =
          switchAt.containsKey(d.trackId()) && d.frame() >= switchAt.get(d.trackId())
              ? 2000 + d.trackId()
              : d.trackId();
      Box b = d.box();
      out.add(
          Detection.of(
              d.frame(),
              id,
              d.label(),
              new Box(b.x() + rnd.nextGaussian(), b.y() + rnd.nextGaussian(), b.w(), b.h())));
    }
    return new AnnotationSet(video, Provenance.annotator("tracker", null, "fixture"), CLASSES, out);
  }
}
