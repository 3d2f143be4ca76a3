package io.keyframe.scoring.queue;

/**
 * Expert minutes to review one frame: a fixed cost for looking at the frame (open, orient, check
 * the scene) plus a cost per object on it (check or redraw one box/mask, class, ID). A span costs
 * the sum of its frames.
 *
 * @param minutesPerFrame fixed minutes per frame
 * @param minutesPerObject minutes per object on the frame
 */
public record CostModel(double minutesPerFrame, double minutesPerObject) {
  public CostModel {
    if (!(minutesPerFrame >= 0) || !Double.isFinite(minutesPerFrame))
      throw new IllegalArgumentException("minutes per frame must be >= 0: " + minutesPerFrame);
    if (!(minutesPerObject >= 0) || !Double.isFinite(minutesPerObject))
      throw new IllegalArgumentException("minutes per object must be >= 0: " + minutesPerObject);
    if (minutesPerFrame + minutesPerObject == 0)
      throw new IllegalArgumentException(
          "a cost model that makes every frame free cannot spend a budget");
  }

  /**
   * Default: 0.5 min per frame + 0.25 min per object, i.e. a typical 6-object ICU frame costs 2 min
   * (our working assumption for a clinical expert checking boxes, classes and IDs; tune per team).
   */
  public static CostModel defaults() {
    return new CostModel(0.5, 0.25);
  }

  /** Minutes for one frame with {@code objects} objects. */
  public double frame(int objects) {
    return minutesPerFrame + minutesPerObject * objects;
  }
}
