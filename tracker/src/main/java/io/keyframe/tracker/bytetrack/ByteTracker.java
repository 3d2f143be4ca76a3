package io.keyframe.tracker.bytetrack;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Provenance;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.Keyframes;
import io.keyframe.tracker.RecommendedKeyframe;
import io.keyframe.tracker.Throughput;
import io.keyframe.tracker.TrackInvariants;
import io.keyframe.tracker.TrackedVideo;
import io.keyframe.tracker.VideoTracker;
import io.keyframe.tracker.appearance.ColourHistogram;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The weight-free fallback tracker: ByteTrack's two-stage association (Zhang et al., ECCV 2022)
 * with keyframe-anchored re-initialisation and ID stitching.
 *
 * <p>Per frame: predict every live object with its Kalman filter; apply the frame's keyframes (a
 * human box with an ID becomes that object's new state, keeping its ID, and takes over the
 * detection and any track already sitting there); match high-score detections to tracked and lost
 * objects by 1 - IoU (blended with a colour-histogram distance when frames are given); match
 * low-score detections to the still-unmatched tracked objects by IoU; confirm tentative objects;
 * start new ones; then stitch newly confirmed objects to lost objects of the same class by
 * extrapolated position, size and appearance. A detection continues a track only if it has the
 * track's class or gives it some probability (class confusions); the track keeps its class, so an
 * ID never changes class. The output is checked by {@link TrackInvariants}.
 *
 * <p>A tracker instance holds only settings; {@link #track} is thread-safe.
 */
public final class ByteTracker implements VideoTracker {
  /** This tracker's name in provenance. */
  public static final String NAME = "bytetrack-fallback";

  /**
   * Scales stitching costs into [0, 1), below the assignment's gate of 1: a pair at every gate's
   * edge still matches (not a setting, a property of the cost's range).
   */
  private static final double BELOW_GATE = 0.999;

  private final ByteTrackConfig config;

  public ByteTracker(ByteTrackConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public ByteTrackConfig config() {
    return config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SortedMap<String, Object> settings() {
    return config.fields();
  }

  /**
   * Tracks one video; see {@link #track(AnnotationSet, FrameImages, Keyframes, ProgressListener)}.
   *
   * @param keyframes human boxes with track IDs, checked as {@link Keyframes} (null = none)
   */
  public TrackedVideo track(
      AnnotationSet detections,
      FrameImages frames,
      List<Detection> keyframes,
      ProgressListener progress) {
    return track(detections, frames, Keyframes.of(keyframes), progress);
  }

  /**
   * Tracks one video.
   *
   * @param detections untracked per-frame detections (track IDs are ignored), with the video,
   *     provenance and label list of their source
   * @param frames pixels for appearance, or {@link FrameImages#NONE}
   * @param keyframes human boxes with track IDs (CVAT keyframes, supplied boxes); a keyframe past
   *     the video's last frame extends the tracked span
   * @param progress receives stage {@code track}, frames done and frames in all (may be null)
   */
  @Override
  public TrackedVideo track(
      AnnotationSet detections,
      FrameImages frames,
      Keyframes keyframes,
      ProgressListener progress) {
    return new Run(detections, frames == null ? FrameImages.NONE : frames, keyframes, progress)
        .execute();
  }

  /** One run's mutable state. */
  private final class Run {
    final AnnotationSet input;
    final FrameImages frames;
    final Map<Integer, List<Detection>> keyframesByFrame = new TreeMap<>();
    final Set<Integer> reservedIds = new HashSet<>();
    final ProgressListener progress;
    final List<TrackedObject> objects = new ArrayList<>();
    final Map<Integer, TrackedObject> owner = new HashMap<>();
    final List<OcclusionEvent> occlusions = new ArrayList<>();
    final Map<Long, RecommendedKeyframe> recommended = new TreeMap<>();
    int nextId = 1;
    int lastFrame;

    Run(AnnotationSet input, FrameImages frames, Keyframes keyframes, ProgressListener progress) {
      this.input = Objects.requireNonNull(input, "detections");
      this.frames = frames;
      this.progress = progress == null ? ProgressListener.NONE : progress;
      Keyframes k = keyframes == null ? Keyframes.NONE : keyframes;
      keyframesByFrame.putAll(k.byFrame());
      reservedIds.addAll(k.ids());
    }

    TrackedVideo execute() {
      Map<Integer, List<Detection>> byFrame = input.byFrame();
      int maxFrame = input.video().frameCount() - 1;
      for (int f : byFrame.keySet()) maxFrame = Math.max(maxFrame, f);
      for (int f : keyframesByFrame.keySet()) maxFrame = Math.max(maxFrame, f);
      lastFrame = maxFrame;
      Throughput clock = new Throughput();
      for (int f = 0; f <= maxFrame; f++) {
        step(f, byFrame.getOrDefault(f, List.of()));
        progress.progress("track", f + 1, maxFrame + 1);
      }
      double fps = clock.fps(maxFrame + 1);
      closeOpenOcclusions();
      return new TrackedVideo(output(), sortedOcclusions(), List.copyOf(recommended.values()), fps);
    }

    void step(int f, List<Detection> frameDets) {
      // Detections of this frame, split by score.
      List<Detection> dets = new ArrayList<>();
      for (Detection d : frameDets)
        if (d.score() >= config.scores().low() && d.boxOrMaskBox() != null) dets.add(d);
      boolean[] used = new boolean[dets.size()];
      BufferedImage image =
          config.appearance().weight() > 0 || config.stitching().enabled() ? frames.image(f) : null;
      double[][] hists = new double[dets.size()][];
      if (image != null)
        for (int i = 0; i < dets.size(); i++)
          if (dets.get(i).score() >= config.scores().high())
            hists[i] = ColourHistogram.of(image, dets.get(i).boxOrMaskBox());

      for (TrackedObject o : objects)
        if (o.active()) o.kalman.predict(o.state != TrackState.TRACKED);

      applyKeyframes(f, dets, used, image);

      // Stage 1: high-score detections vs tracked + lost objects.
      List<TrackedObject> pool = new ArrayList<>();
      for (TrackedObject o : objects)
        if ((o.state == TrackState.TRACKED || o.state == TrackState.LOST) && o.updatedFrame != f)
          pool.add(o);
      List<Integer> high = new ArrayList<>();
      List<Integer> low = new ArrayList<>();
      for (int i = 0; i < dets.size(); i++) {
        if (used[i]) continue;
        if (dets.get(i).score() >= config.scores().high()) high.add(i);
        else low.add(i);
      }
      int[] m1 = associate(pool, high, dets, hists, config.matching().limit(), true);
      for (int r = 0; r < pool.size(); r++) {
        if (m1[r] < 0) continue;
        int di = high.get(m1[r]);
        used[di] = true;
        TrackedObject o = pool.get(r);
        boolean wasLost = o.state == TrackState.LOST;
        int lastSeen = o.lastSeenFrame;
        if (wasLost && f - lastSeen - 1 <= config.lifecycle().interpolateGapFrames())
          interpolate(o, lastSeen, f, dets.get(di).boxOrMaskBox());
        update(o, f, dets.get(di), hists[di], false);
        if (wasLost) reemergedAt(o, lastSeen, f, "reemerged");
      }
      // Stage 2: low-score detections vs objects tracked in the previous frame, IoU only.
      List<TrackedObject> remaining = new ArrayList<>();
      for (TrackedObject o : pool)
        if (o.state == TrackState.TRACKED && o.updatedFrame != f) remaining.add(o);
      int[] m2 = associate(remaining, low, dets, hists, config.matching().lowLimit(), false);
      for (int r = 0; r < remaining.size(); r++) {
        if (m2[r] < 0) continue;
        int di = low.get(m2[r]);
        used[di] = true;
        update(remaining.get(r), f, dets.get(di), null, true);
      }
      for (TrackedObject o : remaining) if (o.updatedFrame != f) o.markLost();

      // Stage 3: tentative objects vs leftover high detections.
      List<TrackedObject> tentative = new ArrayList<>();
      for (TrackedObject o : objects)
        if (o.state == TrackState.TENTATIVE && o.updatedFrame != f) tentative.add(o);
      List<Integer> leftover = new ArrayList<>();
      for (int i : high) if (!used[i]) leftover.add(i);
      int[] m3 =
          associate(tentative, leftover, dets, hists, config.matching().tentativeLimit(), false);
      List<TrackedObject> confirmed = new ArrayList<>();
      for (int r = 0; r < tentative.size(); r++) {
        TrackedObject o = tentative.get(r);
        if (m3[r] < 0) {
          o.state = TrackState.REMOVED;
          continue;
        }
        int di = leftover.get(m3[r]);
        used[di] = true;
        update(o, f, dets.get(di), hists[di], false);
        confirmed.add(o);
      }
      // Stage 4: new objects; at the first frame they are confirmed at once, as in ByteTrack.
      for (int i : leftover) {
        if (used[i] || dets.get(i).score() < config.scores().newTrack()) continue;
        Detection d = dets.get(i);
        TrackedObject o =
            new TrackedObject(
                d.label(),
                d.boxOrMaskBox(),
                f,
                f == 0 ? TrackState.TRACKED : TrackState.TENTATIVE,
                config.motion());
        o.observe(
            f,
            d.boxOrMaskBox(),
            d.score(),
            false,
            false,
            hists[i],
            config.appearance().historyAlpha());
        objects.add(o);
        if (f == 0) confirmed.add(o);
      }

      confirmed = stitch(f, confirmed);
      for (TrackedObject o : confirmed) {
        if (o.id < 0) assignId(o, nextFreeId());
        recommendIfAmbiguous(f, o);
      }

      for (TrackedObject o : objects) {
        if (o.state != TrackState.LOST) continue;
        int lostFor = f - o.lastSeenFrame;
        if (lostFor > config.lifecycle().maxLostFrames()
            && !(config.stitching().enabled() && lostFor <= config.stitching().windowFrames()))
          o.state = TrackState.REMOVED;
      }
      // Removed objects with an ID stay in the owner map; drop the rest to keep per-frame work
      // flat.
      objects.removeIf(o -> o.state == TrackState.REMOVED && o.id < 0);
    }

    /**
     * Fills a short gap of a re-found object with boxes interpolated linearly, flagged occluded.
     */
    void interpolate(TrackedObject o, int lastSeen, int f, Box now) {
      Box a = o.lastBox;
      for (int g = lastSeen + 1; g < f; g++) {
        double t = (g - lastSeen) / (double) (f - lastSeen);
        Box b =
            new Box(
                a.x() + t * (now.x() - a.x()),
                a.y() + t * (now.y() - a.y()),
                a.w() + t * (now.w() - a.w()),
                a.h() + t * (now.h() - a.h()));
        o.rows.add(new TrackedObject.Row(g, b, 0.0, true, false));
      }
    }

    void update(TrackedObject o, int f, Detection d, double[] hist, boolean partial) {
      Box box = d.boxOrMaskBox();
      o.kalman.update(box);
      o.state = TrackState.TRACKED;
      o.observe(f, box, d.score(), partial, false, hist, config.appearance().historyAlpha());
    }

    /**
     * Min-cost matching of objects (rows) to detections (cols) within class; returns row -> index
     * into cols.
     */
    int[] associate(
        List<TrackedObject> objs,
        List<Integer> cols,
        List<Detection> dets,
        double[][] hists,
        double limit,
        boolean appearance) {
      int rows = objs.size();
      int n = cols.size();
      double[] cost = new double[rows * n];
      for (int r = 0; r < rows; r++) {
        TrackedObject o = objs.get(r);
        Box pred = o.kalman.box();
        for (int c = 0; c < n; c++) {
          Detection d = dets.get(cols.get(c));
          double v = Double.POSITIVE_INFINITY;
          boolean sameClass = d.label().equals(o.label);
          if (sameClass
              || d.classProbabilities().getOrDefault(o.label, 0.0)
                  >= config.matching().classGate()) {
            // A detector that confuses classes for a few frames still puts some probability on the
            // track's class: match it (at a small penalty) and keep the track's class.
            double iouCost =
                1
                    - BoxIou.of(pred, d.boxOrMaskBox())
                    + (sameClass ? 0 : config.matching().classPenalty());
            if (iouCost < limit) {
              v = iouCost;
              double[] h = hists[cols.get(c)];
              if (appearance
                  && config.appearance().weight() > 0
                  && h != null
                  && o.histogram != null) {
                double app = ColourHistogram.distance(o.histogram, h);
                // A lost object's prediction is stale, so there the look must agree too, not just
                // the place.
                if (o.state == TrackState.LOST && app > config.appearance().gate())
                  v = Double.POSITIVE_INFINITY;
                else
                  v =
                      (1 - config.appearance().weight()) * iouCost
                          + config.appearance().weight() * app * limit;
              }
            }
          }
          cost[r * n + c] = v;
        }
      }
      return GatedAssignment.solve(cost, rows, n, limit);
    }

    // ---- keyframes ----------------------------------------------------------------------------

    void applyKeyframes(int f, List<Detection> dets, boolean[] used, BufferedImage image) {
      for (Detection k : keyframesByFrame.getOrDefault(f, List.of())) {
        Box box = k.boxOrMaskBox();
        int best = -1;
        double bestIou = config.matching().keyframeIou();
        for (int i = 0; i < dets.size(); i++) {
          if (used[i] || !dets.get(i).label().equals(k.label())) continue;
          double v = BoxIou.of(box, dets.get(i).boxOrMaskBox());
          if (v >= bestIou) {
            bestIou = v;
            best = i;
          }
        }
        if (best >= 0) used[best] = true;
        TrackedObject here = null;
        double hereIou = config.matching().keyframeIou();
        for (TrackedObject o : objects) {
          if (!o.active() || o.updatedFrame == f || !o.label.equals(k.label())) continue;
          double v = BoxIou.of(box, o.kalman.box());
          if (v >= hereIou) {
            hereIou = v;
            here = o;
          }
        }
        TrackedObject own = owner.get(k.trackId());
        if (own != null && own.updatedFrame == f) continue; // validated away; defensive
        TrackedObject target;
        if (own != null) {
          if (here != null && here != own) absorbOrEnd(here, own);
          target = own;
        } else if (here != null && !here.bound) {
          assignId(here, k.trackId());
          target = here;
        } else {
          if (here != null) endObject(here);
          target = new TrackedObject(k.label(), box, f, TrackState.TRACKED, config.motion());
          objects.add(target);
          assignId(target, k.trackId());
        }
        target.bound = true;
        boolean wasLost = target.state == TrackState.LOST || target.state == TrackState.REMOVED;
        int lastSeen = target.lastSeenFrame;
        if (!objects.contains(target)) objects.add(target);
        if (wasLost
            && target.lastRowFrame() == lastSeen
            && f - lastSeen - 1 <= config.lifecycle().interpolateGapFrames())
          interpolate(target, lastSeen, f, box);
        target.kalman.initiate(box);
        target.state = TrackState.TRACKED;
        double[] hist = image == null ? null : ColourHistogram.of(image, box);
        if (hist != null) target.histogram = hist; // a human box resets the appearance model too
        target.observe(f, box, 1.0, k.occluded(), true, null, config.appearance().historyAlpha());
        if (wasLost && !target.rows.isEmpty() && lastSeen < f)
          reemergedAt(target, lastSeen, f, null);
      }
    }

    /**
     * A track sitting where a keyframe puts another ID: fold it into the right owner, or end it.
     */
    void absorbOrEnd(TrackedObject imposter, TrackedObject own) {
      if (!imposter.bound && imposter.firstRowFrame() > own.lastRowFrame()) {
        moveRows(imposter, own);
        imposter.state = TrackState.REMOVED;
        if (imposter.id >= 0) owner.remove(imposter.id, imposter);
        objects.remove(imposter);
      } else endObject(imposter);
    }

    void endObject(TrackedObject o) {
      if (o.state == TrackState.TENTATIVE) {
        o.rows.clear();
        objects.remove(o);
      }
      o.state = TrackState.REMOVED;
    }

    void moveRows(TrackedObject from, TrackedObject to) {
      to.rows.addAll(from.rows);
      to.rows.sort(Comparator.comparingInt(r -> r.frame));
      from.rows.clear();
    }

    // ---- stitching and recommendations ---------------------------------------------------------

    /**
     * Gives newly confirmed objects the ID of a lost one of their class when position, size and
     * look agree.
     */
    List<TrackedObject> stitch(int f, List<TrackedObject> fresh) {
      if (!config.stitching().enabled() || fresh.isEmpty() || f == 0) return fresh;
      List<TrackedObject> lost = new ArrayList<>();
      for (TrackedObject o : objects)
        if (o.id >= 0
            && (o.state == TrackState.LOST || o.state == TrackState.REMOVED)
            && f - o.lastSeenFrame <= config.stitching().windowFrames()) lost.add(o);
      if (lost.isEmpty()) return fresh;
      double[] cost = new double[fresh.size() * lost.size()];
      for (int r = 0; r < fresh.size(); r++)
        for (int c = 0; c < lost.size(); c++)
          cost[r * lost.size() + c] = stitchCost(fresh.get(r), lost.get(c));
      int[] match = GatedAssignment.solve(cost, fresh.size(), lost.size(), 1.0);
      List<TrackedObject> out = new ArrayList<>();
      for (int r = 0; r < fresh.size(); r++) {
        TrackedObject n = fresh.get(r);
        if (match[r] < 0) {
          out.add(n);
          continue;
        }
        TrackedObject o = lost.get(match[r]);
        int lastSeen = o.lastSeenFrame;
        moveRows(n, o);
        o.kalman = n.kalman;
        o.histogram = n.histogram;
        o.lastSeenFrame = n.lastSeenFrame;
        o.lastBox = n.lastBox;
        o.updatedFrame = f;
        o.state = TrackState.TRACKED;
        n.state = TrackState.REMOVED;
        objects.remove(n);
        reemergedAt(
            o,
            lastSeen,
            o.rows.stream()
                .filter(row -> row.frame > lastSeen)
                .findFirst()
                .map(row -> row.frame)
                .orElse(f),
            "stitched");
      }
      return out;
    }

    /**
     * Cost in [0,1) of giving lost object {@code old} to new object {@code n}; infinity when gated
     * out.
     */
    double stitchCost(TrackedObject n, TrackedObject old) {
      if (!n.label.equals(old.label) || n.firstRowFrame() <= old.lastRowFrame())
        return Double.POSITIVE_INFINITY;
      ByteTrackConfig.Stitching s = config.stitching();
      Box now = n.rows.get(0).box;
      int gap = n.firstRowFrame() - old.lastSeenFrame;
      double horizon = Math.min(gap, s.motionHorizonFrames());
      double px = old.lastBox.centerX() + old.lossVx * horizon;
      double py = old.lastBox.centerY() + old.lossVy * horizon;
      double size = Math.sqrt(old.lastBox.area());
      double dist = Math.hypot(now.centerX() - px, now.centerY() - py) / size;
      double radius =
          s.radius()
              * (1 + Math.min(gap, s.radiusGrowthCapFrames()) / (double) s.radiusGrowthFrames());
      if (dist >= radius) return Double.POSITIVE_INFINITY;
      double sizeChange = Math.abs(Math.log(now.area() / old.lastBox.area()));
      double maxSizeChange = Math.log(s.maxAreaRatio());
      if (sizeChange > maxSizeChange) return Double.POSITIVE_INFINITY;
      double geometric =
          s.distanceWeight() * dist / radius + s.sizeWeight() * sizeChange / maxSizeChange;
      if (n.histogram != null && old.histogram != null) {
        double app = ColourHistogram.distance(n.histogram, old.histogram);
        double gate = config.appearance().gate();
        if (app > gate) return Double.POSITIVE_INFINITY;
        return (1 - s.appearanceShare()) * geometric
            + s.appearanceShare() * app / gate * BELOW_GATE;
      }
      return geometric * BELOW_GATE;
    }

    void recommendIfAmbiguous(int f, TrackedObject o) {
      if (f == 0 || o.bound) return;
      Box b = o.rows.get(0).box;
      for (TrackedObject l : objects) {
        if (l == o || l.id < 0 || l.state != TrackState.LOST || !l.label.equals(o.label)) continue;
        double size = Math.sqrt(l.lastBox.area());
        double dist =
            Math.hypot(b.centerX() - l.lastBox.centerX(), b.centerY() - l.lastBox.centerY()) / size;
        if (dist < config.stitching().ambiguousBirthFactor() * config.stitching().radius()) {
          recommend(o.rows.get(0).frame, o, b, "ambiguous-birth");
          return;
        }
      }
    }

    /**
     * Records the occlusion that ended at {@code f} and, with a reason, recommends a keyframe
     * there.
     */
    void reemergedAt(TrackedObject o, int lastSeen, int f, String reason) {
      if (f - lastSeen - 1 < config.lifecycle().minOcclusionFrames()) return;
      occlusions.add(new OcclusionEvent(o.id, lastSeen + 1, f - 1, "unknown", true));
      if (reason != null) {
        Box b =
            o.rows.stream().filter(r -> r.frame == f).findFirst().map(r -> r.box).orElse(o.lastBox);
        recommend(f, o, b, reason);
      }
    }

    void recommend(int f, TrackedObject o, Box box, String reason) {
      recommended.putIfAbsent(
          ((long) f << 32) | o.id, new RecommendedKeyframe(f, o.id, o.label, box, reason));
    }

    // ---- IDs and output -----------------------------------------------------------------------

    int nextFreeId() {
      while (reservedIds.contains(nextId) || owner.containsKey(nextId)) nextId++;
      return nextId++;
    }

    void assignId(TrackedObject o, int id) {
      if (o.id >= 0) owner.remove(o.id, o);
      o.id = id;
      owner.put(id, o);
    }

    void closeOpenOcclusions() {
      for (TrackedObject o : owner.values()) {
        if (o.state == TrackState.TRACKED || o.lastSeenFrame >= lastFrame) continue;
        int end =
            Math.min(lastFrame, o.lastSeenFrame + Math.max(config.lifecycle().maxLostFrames(), 1));
        occlusions.add(new OcclusionEvent(o.id, o.lastSeenFrame + 1, end, "exit", true));
      }
    }

    List<OcclusionEvent> sortedOcclusions() {
      occlusions.sort(
          Comparator.comparingInt(OcclusionEvent::startFrame)
              .thenComparingInt(OcclusionEvent::trackId));
      return occlusions;
    }

    AnnotationSet output() {
      List<Detection> out = new ArrayList<>();
      Set<String> labels = new LinkedHashSet<>(input.labels());
      for (TrackedObject o : owner.values()) {
        labels.add(o.label);
        for (TrackedObject.Row r : o.rows)
          out.add(
              new Detection(
                  r.frame,
                  o.id,
                  o.label,
                  r.box,
                  null,
                  r.score,
                  Map.of(),
                  -1,
                  r.partial,
                  false,
                  r.keyframe));
      }
      Provenance p = input.provenance();
      Provenance tracked =
          new Provenance(
              p.kind(), p.source(), p.modelSha256(), p.time(), "keyframe-tracker/bytetrack");
      return TrackInvariants.check(
          new AnnotationSet(input.video(), tracked, List.copyOf(labels), out));
    }
  }
}
