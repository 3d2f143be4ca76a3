package io.keyframe.synth;

import io.keyframe.dataset.FrozenArray;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out one video's scene from the spec: a room, equipment placed where it belongs (monitors on
 * the wall, poles and wheelchairs on the floor, rails by the bed) avoiding overlaps where room
 * allows, some movable equipment wheeled around and out of view, and people and carts crossing.
 */
final class SceneBuilder {
  private static final int[] SCRUBS = {0x3f7fbf, 0x2e9c8a, 0x6b5fb5, 0x4a8c3f, 0xffffff, 0x8fa9c9};
  private static final int[] SKIN = {0xf1c27d, 0xe0ac69, 0xc68642, 0x8d5524, 0xffdbac};

  private final GeneratorSpec spec;
  private final int video;
  private final int w;
  private final int h;
  private final double scale;

  SceneBuilder(GeneratorSpec spec, int video) {
    this.spec = spec;
    this.video = video;
    this.w = spec.width();
    this.h = spec.height();
    this.scale = h / 360.0;
  }

  Scene build() {
    SplittableRandom r = SeedSequence.stream(spec.seed(), video, "scene");
    Video v = new Video(spec.videoId(video), spec.fps(), w, h, spec.frames(), "");
    Room room = room(r);
    List<SceneObject> objects = objects(SeedSequence.stream(spec.seed(), video, "objects"));
    List<Occluder> occluders = occluders(SeedSequence.stream(spec.seed(), video, "occluders"));
    return new Scene(v, room, objects, occluders);
  }

  private Room room(SplittableRandom r) {
    int horizon = (int) Math.round(h * SeedSequence.uniform(r, 0.55, 0.62));
    int[] walls = {0xdfe6e9, 0xe8e0d0, 0xd8e4dc, 0xe4e4ec};
    int[] floors = {0x9e9a8e, 0x8c9aa0, 0xa89c88};
    int[] window = {
      (int) (w * SeedSequence.uniform(r, 0.55, 0.68)),
      (int) (h * 0.07),
      (int) (w * 0.22),
      (int) (h * 0.28)
    };
    int[] bed = {
      (int) (w * SeedSequence.uniform(r, 0.10, 0.22)),
      (int) (h * 0.42),
      (int) (w * 0.42),
      (int) (h * 0.30)
    };
    return new Room(
        horizon,
        walls[r.nextInt(walls.length)],
        floors[r.nextInt(floors.length)],
        new FrozenArray.OfInt(window),
        new FrozenArray.OfInt(bed));
  }

  private List<SceneObject> objects(SplittableRandom r) {
    ObjectClass[] classes = ObjectClass.values().clone();
    // The first classes of a video are the clinically important ones, in a seed-dependent order.
    for (int i = classes.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      ObjectClass t = classes[i];
      classes[i] = classes[j];
      classes[j] = t;
    }
    List<SceneObject> out = new ArrayList<>(spec.objects());
    List<int[]> placed = new ArrayList<>();
    boolean exitShown = false;
    for (int i = 0; i < spec.objects(); i++) {
      ObjectClass c = i < 5 ? core(i) : classes[i % classes.length];
      Sprite s = c.sprite(scale * SeedSequence.uniform(r, 0.85, 1.15));
      int[] box = place(r, c, s, placed);
      placed.add(box);
      // The first movable object always wanders and leaves first, so every video with one shows
      // an exit and a re-entry.
      boolean moving = c.movable() && (!exitShown || r.nextDouble() < spec.movingFraction());
      Trajectory t =
          moving ? wander(r, box[0], box[1], s, !exitShown) : Trajectory.fixed(box[0], box[1]);
      exitShown |= moving;
      int bottom = box[1] + s.height();
      out.add(new SceneObject(i + 1, c, s, t, (moving ? 100_000 : 0) + bottom));
    }
    return out;
  }

  /** The five classes the product is about come first, so even small scenes have them. */
  private static ObjectClass core(int i) {
    return switch (i) {
      case 0 -> ObjectClass.BED_RAIL;
      case 1 -> ObjectClass.IV_POLE;
      case 2 -> ObjectClass.VITAL_SIGNS_MONITOR;
      case 3 -> ObjectClass.BREATHING_TUBE;
      default -> ObjectClass.HUMIDIFIER;
    };
  }

  private int[] place(SplittableRandom r, ObjectClass c, Sprite s, List<int[]> placed) {
    int[] best = null;
    for (int attempt = 0; attempt < 40; attempt++) {
      int bottom = (int) Math.round(h * SeedSequence.uniform(r, c.bottomMin(), c.bottomMax()));
      int x = r.nextInt(Math.max(1, w - s.width()));
      int y = Math.max(0, bottom - s.height());
      best = new int[] {x, y, s.width(), s.height()};
      boolean free = true;
      for (int[] p : placed)
        if (x < p[0] + p[2] + 2
            && p[0] < x + s.width() + 2
            && y < p[1] + p[3] + 2
            && p[1] < y + s.height() + 2) {
          free = false;
          break;
        }
      if (free) return best;
    }
    return best; // crowded scene: overlap is allowed, depth decides who hides whom
  }

  /** Dwell, roll somewhere else, sometimes out of view and back later. */
  private Trajectory wander(SplittableRandom r, int x0, int y0, Sprite s, boolean exitFirst) {
    int n = spec.frames();
    double fps = spec.fps();
    Waypoints path = new Waypoints();
    path.at(0, x0, y0);
    int frame = (int) (fps * SeedSequence.uniform(r, 1, 6));
    double x = x0;
    while (frame < n) {
      double target;
      boolean exit = r.nextDouble() < 0.4 || exitFirst;
      exitFirst = false;
      if (exit) target = r.nextBoolean() ? -s.width() - 4 : w + 4;
      else target = r.nextInt(Math.max(1, w - s.width()));
      double speed = SeedSequence.uniform(r, 30, 70) * scale / fps; // px per frame
      frame = path.move(frame, x, target, y0, speed);
      x = target;
      frame += (int) (fps * SeedSequence.uniform(r, exit ? 2 : 2, exit ? 7 : 9));
      if (exit) {
        // Come back in on the same side it left.
        double back =
            target < 0
                ? r.nextInt(Math.max(1, w / 2))
                : w / 2.0 + r.nextInt(Math.max(1, w / 2 - s.width()));
        frame = path.move(frame, x, back, y0, speed);
        x = back;
        frame += (int) (fps * SeedSequence.uniform(r, 2, 8));
      }
    }
    return path.trajectory();
  }

  private List<Occluder> occluders(SplittableRandom r) {
    double minutes = spec.frames() / spec.fps() / 60.0;
    int people = (int) Math.round(spec.peoplePerMinute() * minutes);
    int carts = (int) Math.round(spec.cartsPerMinute() * minutes);
    if (spec.peoplePerMinute() > 0 && spec.frames() >= 2 * spec.fps()) people = Math.max(1, people);
    List<Occluder> out = new ArrayList<>(people + carts);
    for (int i = 0; i < people; i++) out.add(crossing(r, "person", person(r)));
    for (int i = 0; i < carts; i++) out.add(crossing(r, "cart", cart(r)));
    return out;
  }

  private Occluder crossing(SplittableRandom r, String kind, List<Sprite> poses) {
    Sprite s = poses.get(0);
    double fps = spec.fps();
    int start = r.nextInt(Math.max(1, spec.frames() - (int) fps));
    boolean rightwards = r.nextBoolean();
    double xa = rightwards ? -s.width() - 2 : w + 2;
    double xb = rightwards ? w + 2 : -s.width() - 2;
    double feet = h * SeedSequence.uniform(r, 0.9, 1.08);
    double y = feet - s.height();
    double speed =
        SeedSequence.uniform(r, kind.equals("cart") ? 35 : 45, kind.equals("cart") ? 70 : 100)
            * scale
            / fps;
    Waypoints path = new Waypoints();
    int frame = start;
    double x = xa;
    if (r.nextDouble() < 0.4) {
      // Stops in front of the equipment for a while: long, full occlusions.
      double stop = SeedSequence.uniform(r, 0.1, 0.9) * (w - s.width());
      frame = path.move(frame, x, stop, y, speed);
      frame += (int) (fps * SeedSequence.uniform(r, 1, 5));
      x = stop;
    }
    frame = path.move(frame, x, xb, y, speed);
    return new Occluder(kind, poses, path.trajectory(), start, Math.min(frame, spec.frames() - 1));
  }

  /**
   * The keyframes of a path, in time order: a point at a frame that is not after the last one
   * replaces it (a zero-length move keeps the later point).
   */
  private static final class Waypoints {
    private final List<Integer> frames = new ArrayList<>();
    private final List<double[]> points = new ArrayList<>();

    void at(int frame, double x, double y) {
      if (!frames.isEmpty() && frames.get(frames.size() - 1) >= frame) {
        points.set(points.size() - 1, new double[] {x, y});
        return;
      }
      frames.add(frame);
      points.add(new double[] {x, y});
    }

    /**
     * From {@code from} at {@code frame} to {@code to} at {@code speed} px per frame; the arrival.
     */
    int move(int frame, double from, double to, double y, double speed) {
      at(frame, from, y);
      int arrival = frame + Math.max(1, (int) Math.ceil(Math.abs(to - from) / speed));
      at(arrival, to, y);
      return arrival;
    }

    Trajectory trajectory() {
      int[] fs = new int[frames.size()];
      double[] xs = new double[fs.length], ys = new double[fs.length];
      for (int i = 0; i < fs.length; i++) {
        fs[i] = frames.get(i);
        xs[i] = points.get(i)[0];
        ys[i] = points.get(i)[1];
      }
      return new Trajectory(fs, xs, ys);
    }
  }

  private List<Sprite> person(SplittableRandom r) {
    double s = scale * SeedSequence.uniform(r, 0.75, 1.05);
    int ph = px(240, s), pw = px(70, s);
    int scrubs = SCRUBS[r.nextInt(SCRUBS.length)], skin = SKIN[r.nextInt(SKIN.length)];
    int pants = darker(scrubs);
    int head = px(32, s), torsoTop = head - 2, torsoH = px(95, s);
    int legTop = torsoTop + torsoH, legH = ph - legTop, legW = px(18, s);
    int cx = pw / 2;
    List<Sprite> poses = new ArrayList<>(2);
    for (int pose = 0; pose < 2; pose++) {
      int spread = pose == 0 ? px(14, s) : px(3, s);
      List<Part> parts = new ArrayList<>();
      parts.add(Part.rect(clamp(cx - spread - legW, pw - legW), legTop, legW, legH, pants));
      parts.add(Part.rect(clamp(cx + spread, pw - legW), legTop, legW, legH, pants));
      parts.add(
          Part.rect(
              Math.max(0, cx - px(26, s)), torsoTop, Math.min(pw, px(52, s)), torsoH, scrubs));
      parts.add(Part.rect(0, torsoTop + px(6, s), Math.max(1, px(9, s)), px(70, s), skin));
      parts.add(
          Part.rect(
              pw - Math.max(1, px(9, s)),
              torsoTop + px(6, s),
              Math.max(1, px(9, s)),
              px(70, s),
              skin));
      parts.add(Part.oval(cx - head / 2, 0, head, head, skin));
      poses.add(new Sprite(pw, ph, parts));
    }
    return poses;
  }

  private List<Sprite> cart(SplittableRandom r) {
    double s = scale * SeedSequence.uniform(r, 0.85, 1.2);
    int cw = px(120, s), ch = px(92, s);
    int wheel = px(14, s);
    int body = r.nextBoolean() ? 0xc0c6cc : 0xd6d0c0;
    List<Part> parts = new ArrayList<>();
    parts.add(Part.rect(0, px(10, s), px(8, s), px(40, s), 0x707070));
    parts.add(Part.rect(px(8, s), px(20, s), cw - px(8, s), px(8, s), darker(body)));
    parts.add(Part.rect(px(12, s), px(28, s), cw - px(16, s), ch - wheel - px(28, s), body));
    parts.add(Part.rect(px(16, s), px(44, s), cw - px(24, s), px(4, s), darker(body)));
    parts.add(Part.oval(px(14, s), ch - wheel, wheel, wheel, 0x222222));
    parts.add(Part.oval(cw - wheel - px(4, s), ch - wheel, wheel, wheel, 0x222222));
    return List.of(new Sprite(cw, ch, parts));
  }

  /** A length designed at scale 1, in pixels at scale {@code s}. */
  private static int px(double designed, double s) {
    return (int) Math.round(designed * s);
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(v, max));
  }

  static int darker(int rgb) {
    int rr = (rgb >> 16) & 255, gg = (rgb >> 8) & 255, bb = rgb & 255;
    return ((rr * 3 / 4) << 16) | ((gg * 3 / 4) << 8) | (bb * 3 / 4);
  }
}
