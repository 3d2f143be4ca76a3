package io.keyframe.tracker.bytetrack;

import io.keyframe.dataset.Box;

/**
 * Constant-velocity Kalman filter on the box state (cx, cy, aspect, height) and their velocities,
 * with noise scaled by box height, as in SORT/DeepSORT/ByteTrack (Wojke et al. 2017). One instance
 * holds one object's mean and covariance; arrays are primitive because this runs per object per
 * frame.
 */
final class KalmanBoxFilter {
  // The aspect-ratio noise (1e-2, 1e-5, 1e-1) and the initial-covariance factors (2, 10) are part
  // of
  // the filter as SORT and ByteTrack define it, not settings.
  private final double stdPosition;
  private final double stdVelocity;

  final double[] mean = new double[8];
  final double[] cov = new double[64];

  KalmanBoxFilter(Box box, ByteTrackConfig.Motion motion) {
    this.stdPosition = motion.positionNoise();
    this.stdVelocity = motion.velocityNoise();
    initiate(box);
  }

  /**
   * Resets the state to {@code box} with zero velocity: a keyframe is a fresh conditioning state.
   */
  void initiate(Box box) {
    double[] z = measurement(box);
    java.util.Arrays.fill(mean, 0);
    System.arraycopy(z, 0, mean, 0, 4);
    double h = z[3];
    double[] std = {
      2 * stdPosition * h, 2 * stdPosition * h, 1e-2, 2 * stdPosition * h,
      10 * stdVelocity * h, 10 * stdVelocity * h, 1e-5, 10 * stdVelocity * h
    };
    java.util.Arrays.fill(cov, 0);
    for (int i = 0; i < 8; i++) cov[i * 8 + i] = std[i] * std[i];
  }

  /** Advances one frame; {@code freezeHeight} zeroes the height velocity (lost objects). */
  void predict(boolean freezeHeight) {
    if (freezeHeight) mean[7] = 0;
    double h = mean[3];
    double[] q = {
      stdPosition * h, stdPosition * h, 1e-2, stdPosition * h,
      stdVelocity * h, stdVelocity * h, 1e-5, stdVelocity * h
    };
    for (int i = 0; i < 4; i++) mean[i] += mean[i + 4];
    // P' = F P F^T with F = [[I, I], [0, I]]: add velocity rows/cols into position rows/cols.
    double[] p = cov.clone();
    for (int r = 0; r < 8; r++)
      for (int c = 0; c < 8; c++) {
        double v = p[r * 8 + c];
        if (r < 4) v += p[(r + 4) * 8 + c];
        if (c < 4) v += p[r * 8 + c + 4];
        if (r < 4 && c < 4) v += p[(r + 4) * 8 + c + 4];
        cov[r * 8 + c] = v;
      }
    for (int i = 0; i < 8; i++) cov[i * 8 + i] += q[i] * q[i];
  }

  /** Corrects the state with an observed box. */
  void update(Box box) {
    double[] z = measurement(box);
    double h = mean[3];
    double[] r = {stdPosition * h, stdPosition * h, 1e-1, stdPosition * h};
    double[] s = new double[16];
    for (int i = 0; i < 4; i++)
      for (int j = 0; j < 4; j++) s[i * 4 + j] = cov[i * 8 + j] + (i == j ? r[i] * r[i] : 0);
    double[] sInv = invert4(s);
    // K = P H^T S^-1 (8x4)
    double[] k = new double[32];
    for (int i = 0; i < 8; i++)
      for (int j = 0; j < 4; j++) {
        double v = 0;
        for (int m = 0; m < 4; m++) v += cov[i * 8 + m] * sInv[m * 4 + j];
        k[i * 4 + j] = v;
      }
    double[] innov = new double[4];
    for (int i = 0; i < 4; i++) innov[i] = z[i] - mean[i];
    for (int i = 0; i < 8; i++) {
      double v = 0;
      for (int j = 0; j < 4; j++) v += k[i * 4 + j] * innov[j];
      mean[i] += v;
    }
    // P -= K H P  (H P = first four rows of P)
    double[] p = cov.clone();
    for (int i = 0; i < 8; i++)
      for (int j = 0; j < 8; j++) {
        double v = 0;
        for (int m = 0; m < 4; m++) v += k[i * 4 + m] * p[m * 8 + j];
        cov[i * 8 + j] = p[i * 8 + j] - v;
      }
  }

  /** The box the current mean describes. */
  Box box() {
    double h = Math.max(1e-3, mean[3]);
    double w = Math.max(1e-3, mean[2] * h);
    return new Box(mean[0] - w / 2, mean[1] - h / 2, w, h);
  }

  double velocityX() {
    return mean[4];
  }

  double velocityY() {
    return mean[5];
  }

  private static double[] measurement(Box b) {
    return new double[] {b.centerX(), b.centerY(), b.w() / b.h(), b.h()};
  }

  /** Inverse of a symmetric positive-definite 4x4 matrix by Gauss-Jordan with partial pivoting. */
  static double[] invert4(double[] a) {
    double[] m = a.clone();
    double[] inv = new double[16];
    for (int i = 0; i < 4; i++) inv[i * 4 + i] = 1;
    for (int col = 0; col < 4; col++) {
      int pivot = col;
      for (int r = col + 1; r < 4; r++)
        if (Math.abs(m[r * 4 + col]) > Math.abs(m[pivot * 4 + col])) pivot = r;
      if (Math.abs(m[pivot * 4 + col]) < 1e-300)
        throw new ArithmeticException("singular innovation covariance");
      if (pivot != col)
        for (int c = 0; c < 4; c++) {
          double t = m[col * 4 + c];
          m[col * 4 + c] = m[pivot * 4 + c];
          m[pivot * 4 + c] = t;
          t = inv[col * 4 + c];
          inv[col * 4 + c] = inv[pivot * 4 + c];
          inv[pivot * 4 + c] = t;
        }
      double d = m[col * 4 + col];
      for (int c = 0; c < 4; c++) {
        m[col * 4 + c] /= d;
        inv[col * 4 + c] /= d;
      }
      for (int r = 0; r < 4; r++) {
        if (r == col) continue;
        double f = m[r * 4 + col];
        if (f == 0) continue;
        for (int c = 0; c < 4; c++) {
          m[r * 4 + c] -= f * m[col * 4 + c];
          inv[r * 4 + c] -= f * inv[col * 4 + c];
        }
      }
    }
    return inv;
  }
}
