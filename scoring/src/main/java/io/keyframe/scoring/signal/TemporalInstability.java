package io.keyframe.scoring.signal;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Temporal instability of tracks: box jumps between consecutive frames, box wobble (the second
 * difference of the box corners, which is 0 for a still or steadily moving object and large for a
 * hand-jittered one), flicker of presence (short gaps), longer gaps after which the object is back
 * where it vanished (every frame of the gap: present all along, but not labelled), class flips
 * within a track (and every frame carrying a class other than the track's usual one), and ID
 * changes (a new ID starting where another just ended) or ID swaps (two tracks whose positions fit
 * each other's past better than their own), the failure modes that CLEAR-MOT counts as
 * fragmentations and ID switches (Bernardin &amp; Stiefelhagen 2008).
 *
 * <p>A frame's value is the number of events found there (each counts 1; wobble counts up to 1,
 * linearly in the corners' summed second difference over {@code wobble} box sizes; a frame inside a
 * gone-in-place gap or an unusual-class run counts 0.5 per object). The source is the delivered
 * labels (first annotator), or the tracker output when there are no labels: other annotators' or
 * the tracker's own instability says nothing about the labels being checked (the tracker's
 * disagreement is {@link ModelTrackerDisagreement}'s job). Events name the track IDs.
 *
 * @param jump centre displacement between consecutive frames, in units of the box's size (sqrt of
 *     mean area), above which a move counts as a jump
 * @param maxFlickerGap longest absence (in frames) that counts as flicker rather than occlusion
 * @param reidGap how many frames back a vanished track may be the same object as a new or swapped
 *     ID
 * @param wobble summed |second difference| of the four box corners coordinates, in box sizes, that
 *     counts as a full wobble event
 */
public record TemporalInstability(double jump, int maxFlickerGap, int reidGap, double wobble)
    implements Signal {
  /**
   * Weight of a frame inside a suspect span (a class other than the track's usual one, an object
   * gone in place).
   */
  private static final double HALF = 0.5;

  public TemporalInstability {
    if (!(jump > 0)) throw new IllegalArgumentException("jump must be > 0: " + jump);
    if (maxFlickerGap < 1)
      throw new IllegalArgumentException("maxFlickerGap must be >= 1: " + maxFlickerGap);
    if (reidGap < 1) throw new IllegalArgumentException("reidGap must be >= 1: " + reidGap);
    if (!(wobble > 0)) throw new IllegalArgumentException("wobble must be > 0: " + wobble);
  }

  /**
   * Defaults: a jump is half a box size per frame; gaps up to 3 frames flicker; re-ID looks 30
   * frames back; a wobble of a quarter box size counts fully.
   */
  public TemporalInstability() {
    this(0.5, 3, 30, 0.25);
  }

  @Override
  public String name() {
    return "temporal";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    return MissingInput.when(trackSources(evidence).isEmpty(), MissingInput.TRACKED_DETECTIONS);
  }

  private static List<AnnotationSet> trackSources(VideoEvidence e) {
    List<AnnotationSet> out = new ArrayList<>();
    if (e.labels().isPresent()) out.add(e.labels().get());
    else if (e.tracker() != null) out.add(e.tracker());
    out.removeIf(s -> s.detections().stream().allMatch(d -> d.trackId() == Detection.UNTRACKED));
    return out;
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    FrameScores.Builder out = new FrameScores.Builder(evidence.frameCount());
    for (AnnotationSet s : trackSources(evidence)) {
      FrameScores one = scoreSource(evidence.perFrame(s), evidence.frameCount());
      for (int f = 0; f < one.frameCount(); f++)
        if (one.value(f) > 0 && one.value(f) >= out.get(f)) {
          out.max(f, one.value(f)).objects(f, one.objectsAt(f));
        }
    }
    return out.build();
  }

  private FrameScores scoreSource(List<List<Detection>> frames, int n) {
    FrameScores.Builder b = new FrameScores.Builder(n);
    Map<Integer, String> usual = usualClass(frames);
    Map<Integer, Detection> last = new HashMap<>();
    Map<Integer, Detection> beforeLast = new HashMap<>();
    for (int f = 0; f < frames.size(); f++) {
      List<Detection> now = new ArrayList<>();
      for (Detection d : frames.get(f))
        if (d.trackId() >= 0 && !d.outside() && d.boxOrMaskBox() != null) now.add(d);
      for (Detection d : now) {
        Detection p = last.get(d.trackId());
        if (p == null) {
          newTrack(d, now, last, f, b);
          continue;
        }
        int gap = f - p.frame();
        if (gap == 1 && distance(p.boxOrMaskBox(), d.boxOrMaskBox()) > jump)
          event(b, f, d.trackId());
        if (gap > 1 && gap - 1 <= maxFlickerGap) event(b, f, d.trackId());
        if (gap - 1 > maxFlickerGap && distance(p.boxOrMaskBox(), d.boxOrMaskBox()) <= 1)
          for (int g = p.frame() + 1; g < f; g++) b.add(g, HALF).object(g, d.trackId());
        if (!p.label().equals(d.label())) event(b, f, d.trackId());
        if (!d.label().equals(usual.get(d.trackId()))) b.add(f, HALF).object(f, d.trackId());
        Detection q = beforeLast.get(d.trackId());
        if (gap == 1 && q != null && p.frame() - q.frame() == 1) wobble(q, p, d, b);
      }
      swaps(now, last, f, b);
      for (Detection d : now) {
        Detection p = last.put(d.trackId(), d);
        if (p != null) beforeLast.put(d.trackId(), p);
      }
    }
    return b.build();
  }

  /** Each track's most frequent class (ties: the first seen). */
  private static Map<Integer, String> usualClass(List<List<Detection>> frames) {
    Map<Integer, Map<String, Integer>> counts = new HashMap<>();
    for (List<Detection> frame : frames)
      for (Detection d : frame)
        if (d.trackId() >= 0)
          counts
              .computeIfAbsent(d.trackId(), k -> new java.util.LinkedHashMap<>())
              .merge(d.label(), 1, Integer::sum);
    Map<Integer, String> out = new HashMap<>();
    counts.forEach(
        (id, c) ->
            out.put(id, c.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey()));
    return out;
  }

  /**
   * Second difference of the corners at the middle frame {@code p} of three consecutive boxes,
   * skipped when either step is a jump (already counted).
   */
  private void wobble(Detection q, Detection p, Detection d, FrameScores.Builder b) {
    Box x = q.boxOrMaskBox(), y = p.boxOrMaskBox(), z = d.boxOrMaskBox();
    if (distance(x, y) > jump || distance(y, z) > jump) return;
    double acc =
        Math.abs(x.x() - 2 * y.x() + z.x())
            + Math.abs(x.y() - 2 * y.y() + z.y())
            + Math.abs(x.x2() - 2 * y.x2() + z.x2())
            + Math.abs(x.y2() - 2 * y.y2() + z.y2());
    double v = Math.min(1, acc / Math.sqrt(y.area()) / wobble);
    if (v > 0) {
      b.add(p.frame(), v);
      if (v >= 0.5) b.object(p.frame(), p.trackId());
    }
  }

  /**
   * A track seen for the first time: an ID change if a track absent from this frame vanished nearby
   * shortly before.
   */
  private void newTrack(
      Detection d,
      List<Detection> now,
      Map<Integer, Detection> last,
      int f,
      FrameScores.Builder b) {
    if (last.isEmpty()) return;
    for (Detection p : last.values()) {
      if (f - p.frame() <= 1 || f - p.frame() > reidGap)
        continue; // still present last frame, or too long ago
      boolean present = now.stream().anyMatch(x -> x.trackId() == p.trackId());
      if (!present && distance(p.boxOrMaskBox(), d.boxOrMaskBox()) <= 1) {
        event(b, f, d.trackId());
        b.object(f, p.trackId());
        return;
      }
    }
  }

  /**
   * Two tracks whose boxes fit each other's last positions much better than their own: an ID swap.
   */
  private void swaps(
      List<Detection> now, Map<Integer, Detection> last, int f, FrameScores.Builder b) {
    for (int i = 0; i < now.size(); i++) {
      Detection a = now.get(i);
      Detection pa = last.get(a.trackId());
      if (pa == null || f - pa.frame() > reidGap) continue;
      for (int j = i + 1; j < now.size(); j++) {
        Detection c = now.get(j);
        Detection pc = last.get(c.trackId());
        if (pc == null || f - pc.frame() > reidGap) continue;
        double own =
            distance(pa.boxOrMaskBox(), a.boxOrMaskBox())
                + distance(pc.boxOrMaskBox(), c.boxOrMaskBox());
        double crossed =
            distance(pc.boxOrMaskBox(), a.boxOrMaskBox())
                + distance(pa.boxOrMaskBox(), c.boxOrMaskBox());
        if (own > jump && crossed < own / 2) {
          event(b, f, a.trackId());
          b.object(f, c.trackId());
        }
      }
    }
  }

  private static void event(FrameScores.Builder b, int f, int id) {
    b.add(f, 1).object(f, id);
  }

  /** Centre distance in units of the boxes' size, sqrt of their mean area. */
  static double distance(Box a, Box c) {
    double scale = Math.sqrt((a.area() + c.area()) / 2);
    return Math.hypot(a.centerX() - c.centerX(), a.centerY() - c.centerY()) / scale;
  }
}
