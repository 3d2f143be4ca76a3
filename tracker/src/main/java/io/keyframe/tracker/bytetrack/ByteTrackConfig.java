package io.keyframe.tracker.bytetrack;

import io.keyframe.tracker.TrackerConfig;
import java.io.Serializable;

/**
 * Every setting of the fallback tracker, in groups. Defaults follow ByteTrack (Zhang et al., ECCV
 * 2022; {@code yolox/tracker/byte_tracker.py} and {@code kalman_filter.py}, MOT17 arguments) where
 * ByteTrack has the setting; the rest are keyframe's own and say why they are what they are. The
 * whole record goes into each run's provenance ({@link TrackerConfig#fields}).
 *
 * @param scores which detections enter which association
 * @param matching cost limits and gates of the associations and of keyframe take-over
 * @param appearance the colour-histogram cue (used only when pixels are given)
 * @param lifecycle how long objects live unseen and what a loss counts as
 * @param stitching carrying IDs over gaps that the Kalman prediction cannot bridge
 * @param motion the Kalman filter's noise
 */
public record ByteTrackConfig(
    Scores scores,
    Matching matching,
    Appearance appearance,
    Lifecycle lifecycle,
    Stitching stitching,
    Motion motion)
    implements TrackerConfig, Serializable {

  /**
   * @param high detections at or above this enter the first association. 0.5: ByteTrack's {@code
   *     track_thresh} for MOT17.
   * @param low detections from this up to {@code high} enter the second association only. 0.1:
   *     {@code BYTETracker.update} keeps {@code scores > 0.1} as its low-score set.
   * @param newTrack a leftover high detection starts a track at or above this. 0.6: ByteTrack's
   *     {@code det_thresh = track_thresh + 0.1}.
   */
  public record Scores(double high, double low, double newTrack) implements Serializable {
    public Scores {
      if (!(low >= 0 && low <= high && high <= 1))
        throw new IllegalArgumentException("need 0 <= low <= high <= 1: " + low + ", " + high);
      unit("newTrack score", newTrack, true);
    }
  }

  /**
   * @param limit first-stage cost limit; the cost is 1 - IoU, blended with appearance when pixels
   *     are given. 0.8: ByteTrack's {@code match_thresh}.
   * @param lowLimit second-stage (low-score detections) limit on 1 - IoU. 0.5: the {@code thresh}
   *     of ByteTrack's second {@code linear_assignment}.
   * @param tentativeLimit limit for confirming a tentative track. 0.7: ByteTrack's {@code thresh}
   *     for unconfirmed tracks.
   * @param classGate a detection of another class may continue a track when it gives the track's
   *     class at least this probability. 0.1 (keyframe's): during a confusion the detector's
   *     runner-up class keeps well above this, unrelated classes sit near 0.
   * @param classPenalty added to the cost of such a cross-class match, so a same-class detection at
   *     similar overlap wins. 0.1 (keyframe's): the size of the class gate, small next to 1 - IoU.
   * @param keyframeIou minimum IoU for a keyframe box to take over a detection or a track. 0.5: the
   *     overlap at which MOTChallenge's CLEAR-MOT counts a match.
   */
  public record Matching(
      double limit,
      double lowLimit,
      double tentativeLimit,
      double classGate,
      double classPenalty,
      double keyframeIou)
      implements Serializable {
    public Matching {
      unit("match limit", limit, false);
      unit("lowLimit", lowLimit, false);
      unit("tentativeLimit", tentativeLimit, false);
      unit("classGate", classGate, true);
      if (!(classPenalty >= 0 && classPenalty < 1))
        throw new IllegalArgumentException("classPenalty not in [0,1): " + classPenalty);
      unit("keyframeIou", keyframeIou, false);
    }
  }

  /**
   * @param weight share of the colour-histogram distance in the first-stage cost (0 = IoU only, as
   *     ByteTrack). 0.3 (keyframe's): position stays the main cue, the look breaks ties between
   *     neighbours of one class.
   * @param historyAlpha weight of a new look in a track's running histogram. 0.1: the 0.9 / 0.1
   *     exponential smoothing of JDE and FairMOT's appearance features.
   * @param gate Bhattacharyya distance above which two looks are different objects (re-finding a
   *     lost object, stitching). 0.5 (keyframe's): halfway between identical (0) and disjoint (1)
   *     colours; lighting changes in one room stay below it.
   */
  public record Appearance(double weight, double historyAlpha, double gate)
      implements Serializable {
    public Appearance {
      unit("appearance weight", weight, true);
      unit("historyAlpha", historyAlpha, false);
      unit("appearance gate", gate, false);
    }
  }

  /**
   * @param maxLostFrames a lost track is dropped after this many unmatched frames. 30: ByteTrack's
   *     {@code track_buffer} (one second at 30 fps).
   * @param minOcclusionFrames a loss shorter than this is a detector miss, not an occlusion event.
   *     3 (keyframe's): one or two missed frames are detector flicker, not something hiding the
   *     object.
   * @param interpolateGapFrames a lost object found again after at most this many missing frames
   *     gets linearly interpolated boxes (score 0, flagged occluded) over the gap; 0 = off (the
   *     default, as ByteTrack's online output; {@link #anchored} fills up to {@code
   *     maxLostFrames}).
   */
  public record Lifecycle(int maxLostFrames, int minOcclusionFrames, int interpolateGapFrames)
      implements Serializable {
    public Lifecycle {
      if (maxLostFrames < 0) throw new IllegalArgumentException("maxLostFrames is negative");
      if (minOcclusionFrames < 1)
        throw new IllegalArgumentException("minOcclusionFrames must be >= 1");
      if (interpolateGapFrames < 0)
        throw new IllegalArgumentException("interpolateGapFrames is negative");
    }
  }

  /**
   * Stitching gives a newly confirmed object the ID of a lost object of its class when position,
   * size and look agree. Distances are in units of the lost box's size (the square root of its
   * area), so the gates hold for near and far objects alike.
   *
   * @param enabled stitch at all (off = plain ByteTrack)
   * @param windowFrames how long a lost object stays a candidate. 300 (keyframe's): ten seconds at
   *     30 fps; people and carts stand in front of a bed or monitor for seconds, not minutes.
   * @param radius gate on the distance between the new box and the lost one's extrapolated centre.
   *     3.0 (keyframe's): an object reappearing behind an occluder comes out within about its own
   *     size of where it went in, plus the occluder's width.
   * @param motionHorizonFrames the lost velocity is extrapolated for at most this many frames. 15
   *     (keyframe's): half a second; occluded objects (a pushed IV pole) usually stop.
   * @param radiusGrowthFrames the radius grows by one {@code radius} per this many frames lost. 150
   *     (keyframe's): five seconds; the longer the gap, the further an object may have been moved.
   * @param radiusGrowthCapFrames the growth stops after this many frames lost. 300: the window, so
   *     the gate is at most three radii.
   * @param maxAreaRatio area ratio between lost and new box beyond which they are different
   *     objects. 2.5 (keyframe's): partial occlusion and perspective change a box's area by up to
   *     about two.
   * @param distanceWeight weight of the distance (over the radius) in the geometric cost. 0.7
   *     (keyframe's): an occluded box's size is less reliable than its position.
   * @param sizeWeight weight of the size change (over its gate) in the geometric cost. 0.3: the
   *     rest of the geometric cost, so that it stays below 1.
   * @param appearanceShare share of the appearance distance in the cost when pixels are given, the
   *     rest being geometry. 0.5 (keyframe's): neither cue alone separates two beds of one colour
   *     or two poles side by side.
   * @param ambiguousBirthFactor a new track born within this many radii of a lost track of its
   *     class gets a recommended keyframe ({@code ambiguous-birth}). 2.0 (keyframe's): twice the
   *     stitching gate, so near misses of the gate reach a human too.
   */
  public record Stitching(
      boolean enabled,
      int windowFrames,
      double radius,
      int motionHorizonFrames,
      int radiusGrowthFrames,
      int radiusGrowthCapFrames,
      double maxAreaRatio,
      double distanceWeight,
      double sizeWeight,
      double appearanceShare,
      double ambiguousBirthFactor)
      implements Serializable {
    public Stitching {
      if (windowFrames < 0) throw new IllegalArgumentException("stitch windowFrames is negative");
      if (!(radius > 0)) throw new IllegalArgumentException("stitch radius must be > 0");
      if (motionHorizonFrames < 0)
        throw new IllegalArgumentException("motionHorizonFrames is negative");
      if (radiusGrowthFrames < 1)
        throw new IllegalArgumentException("radiusGrowthFrames must be >= 1");
      if (radiusGrowthCapFrames < 0)
        throw new IllegalArgumentException("radiusGrowthCapFrames is negative");
      if (!(maxAreaRatio > 1)) throw new IllegalArgumentException("maxAreaRatio must be > 1");
      if (!(distanceWeight >= 0 && sizeWeight >= 0 && distanceWeight + sizeWeight <= 1))
        throw new IllegalArgumentException(
            "need distanceWeight, sizeWeight >= 0 with a sum <= 1: "
                + distanceWeight
                + ", "
                + sizeWeight);
      unit("appearanceShare", appearanceShare, true);
      if (!(ambiguousBirthFactor >= 0))
        throw new IllegalArgumentException("ambiguousBirthFactor is negative");
    }

    Stitching enabled(boolean on) {
      return new Stitching(
          on,
          windowFrames,
          radius,
          motionHorizonFrames,
          radiusGrowthFrames,
          radiusGrowthCapFrames,
          maxAreaRatio,
          distanceWeight,
          sizeWeight,
          appearanceShare,
          ambiguousBirthFactor);
    }
  }

  /**
   * Process and measurement noise of the constant-velocity Kalman filter, per unit of box height.
   *
   * @param positionNoise 1/20: ByteTrack's (and SORT's) {@code _std_weight_position}
   * @param velocityNoise 1/160: ByteTrack's {@code _std_weight_velocity}
   */
  public record Motion(double positionNoise, double velocityNoise) implements Serializable {
    public Motion {
      if (!(positionNoise > 0) || !(velocityNoise > 0))
        throw new IllegalArgumentException(
            "Kalman noise weights must be > 0: " + positionNoise + ", " + velocityNoise);
    }
  }

  public ByteTrackConfig {
    if (scores == null
        || matching == null
        || appearance == null
        || lifecycle == null
        || stitching == null
        || motion == null) throw new IllegalArgumentException("every settings group is required");
  }

  /** Checks {@code v} lies in [0,1], or in (0,1] when zero is not allowed. */
  private static void unit(String name, double v, boolean zeroAllowed) {
    if (!((zeroAllowed ? v >= 0 : v > 0) && v <= 1))
      throw new IllegalArgumentException(
          name + " not in " + (zeroAllowed ? "[0,1]" : "(0,1]") + ": " + v);
  }

  /** ByteTrack's defaults, appearance on (used only when frames are given), stitching on. */
  public static ByteTrackConfig defaults() {
    return new ByteTrackConfig(
        new Scores(0.5, 0.1, 0.6),
        new Matching(0.8, 0.5, 0.7, 0.1, 0.1, 0.5),
        new Appearance(0.3, 0.1, 0.5),
        new Lifecycle(30, 3, 0),
        new Stitching(true, 300, 3.0, 15, 150, 300, 2.5, 0.7, 0.3, 0.5, 2.0),
        new Motion(1.0 / 20, 1.0 / 160));
  }

  /** Plain ByteTrack: no stitching, no gap filling ({@code track --keyframes none}). */
  public static ByteTrackConfig plain() {
    return defaults().withStitching(false);
  }

  /**
   * For runs anchored by keyframes ({@code track --keyframes auto} or a file): stitching on, and
   * gaps as long as the lost buffer filled with interpolated boxes flagged occluded, so a short
   * occlusion leaves no hole in the track.
   */
  public static ByteTrackConfig anchored() {
    ByteTrackConfig d = defaults();
    return d.withInterpolation(d.lifecycle().maxLostFrames());
  }

  /** A copy with stitching switched on or off. */
  public ByteTrackConfig withStitching(boolean on) {
    return new ByteTrackConfig(
        scores, matching, appearance, lifecycle, stitching.enabled(on), motion);
  }

  /** A copy that interpolates gaps of up to {@code frames} missing frames (0 = off). */
  public ByteTrackConfig withInterpolation(int frames) {
    return new ByteTrackConfig(
        scores,
        matching,
        appearance,
        new Lifecycle(lifecycle.maxLostFrames(), lifecycle.minOcclusionFrames(), frames),
        stitching,
        motion);
  }

  /** A copy with another appearance weight (0 = geometry only). */
  public ByteTrackConfig withAppearanceWeight(double weight) {
    return new ByteTrackConfig(
        scores,
        matching,
        new Appearance(weight, appearance.historyAlpha(), appearance.gate()),
        lifecycle,
        stitching,
        motion);
  }

  /** A copy with other stitching settings. */
  public ByteTrackConfig withStitching(Stitching s) {
    return new ByteTrackConfig(scores, matching, appearance, lifecycle, s, motion);
  }
}
