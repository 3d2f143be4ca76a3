package io.keyframe.scoring.signal;

import io.keyframe.dataset.FrozenArray;

/**
 * k-center greedy core-set selection: repeatedly take the point farthest from everything taken so
 * far (Sener &amp; Savarese 2018, Active Learning for Convolutional Neural Networks: A Core-Set
 * Approach).
 *
 * @param order indices of the chosen centres, in the order taken
 * @param radius for each point, its distance to the nearest centre when selection stopped; for a
 *     centre, its distance to the earlier centres at the moment it was taken (first centre: +inf)
 */
public record KCenterGreedy(FrozenArray.OfInt order, FrozenArray.OfDouble radius) {
  /** Number of centres taken. */
  public int size() {
    return order.length();
  }

  /** The {@code k}-th centre taken. */
  public int centre(int k) {
    return order.get(k);
  }

  /** The radius of point {@code i}. */
  public double radius(int i) {
    return radius.get(i);
  }

  /**
   * Runs k-center greedy over {@code points}, starting from {@code first}.
   *
   * @param k how many centres to take (capped at the number of points)
   */
  public static KCenterGreedy select(double[][] points, int k, int first) {
    int n = points.length;
    if (n == 0) return new KCenterGreedy(new FrozenArray.OfInt(), new FrozenArray.OfDouble());
    if (first < 0 || first >= n)
      throw new IllegalArgumentException("first centre out of range: " + first);
    k = Math.min(Math.max(k, 1), n);
    double[] minDist = new double[n];
    double[] radius = new double[n];
    java.util.Arrays.fill(minDist, Double.POSITIVE_INFINITY);
    int[] order = new int[k];
    boolean[] centre = new boolean[n];
    int next = first;
    int taken = 0;
    while (taken < k && next >= 0) {
      order[taken++] = next;
      centre[next] = true;
      radius[next] = minDist[next];
      double[] p = points[next];
      int far = -1;
      double farDist = -1;
      for (int i = 0; i < n; i++) {
        double d = FrameEmbedding.distance(points[i], p);
        if (d < minDist[i]) minDist[i] = d;
        if (!centre[i] && minDist[i] > farDist) {
          farDist = minDist[i];
          far = i;
        }
      }
      next = far;
    }
    order = java.util.Arrays.copyOf(order, taken);
    for (int i = 0; i < n; i++) if (!centre[i]) radius[i] = minDist[i];
    return new KCenterGreedy(new FrozenArray.OfInt(order), new FrozenArray.OfDouble(radius));
  }
}
