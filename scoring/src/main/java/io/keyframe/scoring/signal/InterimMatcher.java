package io.keyframe.scoring.signal;

import io.keyframe.dataset.Box;
import java.util.Arrays;

/** Stand-in until metrics' IoU and Hungarian assignment land on main: IoU plus greedy matching. */
final class InterimMatcher implements BoxMatcher {
  @Override
  public double iou(Box a, Box b) {
    double iw = Math.min(a.x2(), b.x2()) - Math.max(a.x(), b.x());
    double ih = Math.min(a.y2(), b.y2()) - Math.max(a.y(), b.y());
    if (iw <= 0 || ih <= 0) return 0;
    double inter = iw * ih;
    return inter / (a.area() + b.area() - inter);
  }

  @Override
  public int[] assign(double[][] iou, double minIou) {
    int rows = iou.length;
    int cols = rows == 0 ? 0 : iou[0].length;
    int[] out = new int[rows];
    Arrays.fill(out, -1);
    boolean[] used = new boolean[cols];
    while (true) {
      int bi = -1, bj = -1;
      double best = minIou;
      for (int i = 0; i < rows; i++)
        if (out[i] < 0)
          for (int j = 0; j < cols; j++)
            if (!used[j] && iou[i][j] >= best && (bi < 0 || iou[i][j] > best)) {
              best = iou[i][j];
              bi = i;
              bj = j;
            }
      if (bi < 0) return out;
      out[bi] = bj;
      used[bj] = true;
    }
  }
}
