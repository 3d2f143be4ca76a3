package io.keyframe.tracker.bytetrack;

/**
 * Settings of the fallback tracker. Defaults follow ByteTrack's MOT17 settings where one exists.
 *
 * @param highScore detections at or above this score enter the first association (ByteTrack's
 *     {@code track_thresh}, 0.5)
 * @param lowScore detections between this and {@code highScore} enter the second association only
 *     (0.1)
 * @param newTrackScore a leftover high detection starts a new track at or above this (0.6)
 * @param matchLimit first-stage cost limit; the cost is 1 - IoU, blended with appearance when
 *     pixels are available (ByteTrack's {@code match_thresh}, 0.8)
 * @param lowMatchLimit second-stage (low-score) cost limit, 1 - IoU (0.5)
 * @param tentativeMatchLimit cost limit for confirming a tentative track (0.7)
 * @param maxLostFrames a lost track is dropped after this many unmatched frames (ByteTrack's {@code
 *     track_buffer}, 30)
 * @param appearanceWeight weight of the colour-histogram distance in the first-stage cost (0 = IoU
 *     only)
 * @param stitching carry IDs over gaps longer than {@code maxLostFrames} or where IoU fails, by
 *     class, predicted position and appearance
 * @param stitchWindowFrames how long a lost object stays a stitching candidate
 * @param stitchRadius gate on the distance between a new track and a lost one's extrapolated
 *     centre, in units of the lost box's size (sqrt of its area)
 * @param minOcclusionFrames a loss shorter than this is a detector miss, not an occlusion event
 * @param keyframeIou minimum IoU for a keyframe box to take over a detection or an existing track
 * @param interpolateGapFrames a lost object found again after at most this many missing frames gets
 *     linearly interpolated boxes (score 0, flagged occluded) over the gap; 0 = off
 */
public record ByteTrackConfig(
    double highScore,
    double lowScore,
    double newTrackScore,
    double matchLimit,
    double lowMatchLimit,
    double tentativeMatchLimit,
    int maxLostFrames,
    double appearanceWeight,
    boolean stitching,
    int stitchWindowFrames,
    double stitchRadius,
    int minOcclusionFrames,
    double keyframeIou,
    int interpolateGapFrames) {
  public ByteTrackConfig {
    if (!(lowScore >= 0 && lowScore <= highScore && highScore <= 1))
      throw new IllegalArgumentException(
          "need 0 <= lowScore <= highScore <= 1: " + lowScore + ", " + highScore);
    if (!(newTrackScore >= 0 && newTrackScore <= 1))
      throw new IllegalArgumentException("newTrackScore not in [0,1]");
    for (double limit : new double[] {matchLimit, lowMatchLimit, tentativeMatchLimit})
      if (!(limit > 0 && limit <= 1))
        throw new IllegalArgumentException("match limits must lie in (0,1]: " + limit);
    if (maxLostFrames < 0) throw new IllegalArgumentException("maxLostFrames is negative");
    if (!(appearanceWeight >= 0 && appearanceWeight <= 1))
      throw new IllegalArgumentException("appearanceWeight not in [0,1]: " + appearanceWeight);
    if (stitchWindowFrames < 0)
      throw new IllegalArgumentException("stitchWindowFrames is negative");
    if (!(stitchRadius > 0)) throw new IllegalArgumentException("stitchRadius must be > 0");
    if (minOcclusionFrames < 1)
      throw new IllegalArgumentException("minOcclusionFrames must be >= 1");
    if (!(keyframeIou > 0 && keyframeIou <= 1))
      throw new IllegalArgumentException("keyframeIou not in (0,1]");
    if (interpolateGapFrames < 0)
      throw new IllegalArgumentException("interpolateGapFrames is negative");
  }

  /** ByteTrack's defaults, appearance on (used only when frames are given), stitching on. */
  public static ByteTrackConfig defaults() {
    return new ByteTrackConfig(0.5, 0.1, 0.6, 0.8, 0.5, 0.7, 30, 0.3, true, 300, 3.0, 3, 0.5, 0);
  }

  /** A copy with stitching switched on or off. */
  public ByteTrackConfig withStitching(boolean on) {
    return new ByteTrackConfig(
        highScore,
        lowScore,
        newTrackScore,
        matchLimit,
        lowMatchLimit,
        tentativeMatchLimit,
        maxLostFrames,
        appearanceWeight,
        on,
        stitchWindowFrames,
        stitchRadius,
        minOcclusionFrames,
        keyframeIou,
        interpolateGapFrames);
  }

  /** A copy that interpolates gaps of up to {@code frames} missing frames (0 = off). */
  public ByteTrackConfig withInterpolation(int frames) {
    return new ByteTrackConfig(
        highScore,
        lowScore,
        newTrackScore,
        matchLimit,
        lowMatchLimit,
        tentativeMatchLimit,
        maxLostFrames,
        appearanceWeight,
        stitching,
        stitchWindowFrames,
        stitchRadius,
        minOcclusionFrames,
        keyframeIou,
        frames);
  }

  /** A copy with another appearance weight (0 = geometry only). */
  public ByteTrackConfig withAppearanceWeight(double weight) {
    return new ByteTrackConfig(
        highScore,
        lowScore,
        newTrackScore,
        matchLimit,
        lowMatchLimit,
        tentativeMatchLimit,
        maxLostFrames,
        weight,
        stitching,
        stitchWindowFrames,
        stitchRadius,
        minOcclusionFrames,
        keyframeIou,
        interpolateGapFrames);
  }
}
