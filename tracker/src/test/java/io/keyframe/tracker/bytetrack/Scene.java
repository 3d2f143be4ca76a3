package io.keyframe.tracker.bytetrack;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-built scenes: boxes moving at constant speed, hidden over given frame spans. */
final class Scene {
  record Mover(
      int gtId,
      String label,
      double x0,
      double y0,
      double vx,
      double vy,
      double w,
      double h,
      int hideFrom,
      int hideTo) {
    Box at(int f) {
      return new Box(x0 + vx * f, y0 + vy * f, w, h);
    }

    boolean visible(int f) {
      return f < hideFrom || f > hideTo;
    }
  }

  static AnnotationSet detections(int frames, double noise, long seed, Mover... movers) {
    Random rnd = new Random(seed);
    List<Detection> out = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Mover m : movers) if (!labels.contains(m.label())) labels.add(m.label());
    for (int f = 0; f < frames; f++)
      for (Mover m : movers) {
        if (!m.visible(f)) continue;
        Box b = m.at(f);
        Box jittered =
            new Box(
                b.x() + rnd.nextGaussian() * noise,
                b.y() + rnd.nextGaussian() * noise,
                b.w(),
                b.h());
        out.add(Detection.builder(f, m.label()).box(jittered).score(0.9).build());
      }
    Video v = new Video("scene", 30, 1280, 720, frames, "");
    return new AnnotationSet(v, Provenance.model("sim", "ab", null, "test"), labels, out);
  }

  static Mover mover(int id, String label, double x0, double y0, double vx, double vy) {
    return new Mover(id, label, x0, y0, vx, vy, 60, 120, Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  static Mover hidden(Mover m, int from, int to) {
    return new Mover(m.gtId(), m.label(), m.x0(), m.y0(), m.vx(), m.vy(), m.w(), m.h(), from, to);
  }

  private Scene() {}
}
