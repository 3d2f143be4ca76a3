package io.keyframe.metrics.vos;

/**
 * J, F and J&amp;F of one object over the frames evaluated (means of per-frame values, in [0,1];
 * SA-V's evaluator prints them ×100).
 *
 * @param objectId the ground-truth object (masklet) ID
 * @param j mean region similarity
 * @param f mean contour accuracy
 * @param frames frames averaged
 */
public record ObjectScore(int objectId, double j, double f, int frames) {
  /** (J + F) / 2. */
  public double jf() {
    return (j + f) / 2;
  }
}
