package io.keyframe.scoring.signal;

import io.keyframe.dataset.Box;
import io.keyframe.metrics.assignment.LinearAssignment;
import io.keyframe.metrics.iou.BoxIou;

/**
 * The metrics module's IoU and SciPy-exact assignment behind {@link BoxMatcher}: pairs below the
 * IoU threshold are forbidden edges, as in py-motmetrics, so the assignment maximises matches
 * first.
 */
final class MetricsMatcher implements BoxMatcher {
  @Override
  public double iou(Box a, Box b) {
    return BoxIou.of(a, b);
  }

  @Override
  public int[] assign(double[][] iou, double minIou) {
    int rows = iou.length;
    int cols = rows == 0 ? 0 : iou[0].length;
    double[] cost = new double[rows * cols];
    for (int i = 0; i < rows; i++)
      for (int j = 0; j < cols; j++)
        cost[i * cols + j] = iou[i][j] >= minIou ? 1 - iou[i][j] : Double.NaN;
    // LinearAssignment keeps work arrays and is not thread-safe: one per call.
    return new LinearAssignment().solveAllowingForbidden(cost, rows, cols);
  }
}
