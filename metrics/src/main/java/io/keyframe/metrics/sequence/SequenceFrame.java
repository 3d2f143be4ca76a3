package io.keyframe.metrics.sequence;

import java.util.Arrays;

/**
 * One frame of a tracking sequence, its similarity matrix kept sparse: most pairs of a frame do not
 * overlap, and every metric here needs only the pairs that do (a zero similarity adds nothing to
 * HOTA's sums, and pairs no ID match with). A 1,800-frame x 100-object sequence held densely was
 * 144 MB of mostly zeros, touched page by page; sparse it is a few MB.
 *
 * <p>Unlike keyframe's result records, the arrays are shared, not copied: every metric reads them
 * once per frame in its hot loop. Treat them as read-only.
 *
 * @param frame frame index (0-based in keyframe; any increasing integer for hand-built data)
 * @param gt dense ground-truth IDs present in this frame, in input order
 * @param pred dense predicted IDs present in this frame, in input order
 * @param nonZero ascending row-major indices {@code i * pred.length + j} of the non-zero
 *     similarities (box or mask IoU)
 * @param values the similarity at each index of {@code nonZero}, none of them zero or NaN
 */
public record SequenceFrame(int frame, int[] gt, int[] pred, int[] nonZero, double[] values) {
  public SequenceFrame {
    if (nonZero.length != values.length)
      throw new IllegalArgumentException(
          "frame "
              + frame
              + ": "
              + nonZero.length
              + " non-zero positions but "
              + values.length
              + " values");
    int n = gt.length * pred.length;
    for (int k = 0; k < nonZero.length; k++) {
      if (nonZero[k] < 0 || nonZero[k] >= n || (k > 0 && nonZero[k] <= nonZero[k - 1]))
        throw new IllegalArgumentException(
            "frame " + frame + ": bad or unordered non-zero index " + nonZero[k]);
      if (values[k] == 0 || Double.isNaN(values[k]))
        throw new IllegalArgumentException(
            "frame " + frame + ": similarity at " + nonZero[k] + " is " + values[k]);
    }
  }

  /**
   * A frame from its dense row-major {@code gt.length x pred.length} similarity matrix.
   *
   * @throws IllegalArgumentException when the matrix has the wrong size or a NaN
   */
  public static SequenceFrame ofDense(int frame, int[] gt, int[] pred, double[] similarity) {
    if (similarity.length != gt.length * pred.length)
      throw new IllegalArgumentException(
          "frame "
              + frame
              + ": similarity has "
              + similarity.length
              + " entries, expected "
              + gt.length
              + "x"
              + pred.length);
    int n = 0;
    for (double v : similarity) {
      if (Double.isNaN(v))
        throw new IllegalArgumentException("frame " + frame + ": similarity is NaN");
      if (v != 0) n++;
    }
    int[] nonZero = new int[n];
    double[] values = new double[n];
    n = 0;
    for (int k = 0; k < similarity.length; k++)
      if (similarity[k] != 0) {
        nonZero[n] = k;
        values[n++] = similarity[k];
      }
    return new SequenceFrame(frame, gt, pred, nonZero, values);
  }

  /** The dense row-major {@code gt.length x pred.length} similarity matrix (a new array). */
  public double[] similarity() {
    return similarity(new double[0]);
  }

  /**
   * The dense row-major similarity matrix written into {@code buffer}'s first {@code gt.length x
   * pred.length} entries, or into a new array when {@code buffer} is shorter: metrics that look
   * pairs up reuse one small buffer for every frame.
   */
  public double[] similarity(double[] buffer) {
    int n = gt.length * pred.length;
    double[] out = buffer.length >= n ? buffer : new double[n];
    Arrays.fill(out, 0, n, 0.0);
    for (int k = 0; k < nonZero.length; k++) out[nonZero[k]] = values[k];
    return out;
  }

  /** Similarity of the i-th ground-truth object and the j-th prediction of this frame. */
  public double similarity(int i, int j) {
    if (i < 0 || i >= gt.length || j < 0 || j >= pred.length)
      throw new IndexOutOfBoundsException("pair (" + i + ", " + j + ") of frame " + frame);
    int k = Arrays.binarySearch(nonZero, i * pred.length + j);
    return k >= 0 ? values[k] : 0.0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SequenceFrame f
        && frame == f.frame
        && Arrays.equals(gt, f.gt)
        && Arrays.equals(pred, f.pred)
        && Arrays.equals(nonZero, f.nonZero)
        && Arrays.equals(values, f.values);
  }

  @Override
  public int hashCode() {
    return ((frame * 31 + Arrays.hashCode(gt)) * 31 + Arrays.hashCode(pred)) * 31
        + Arrays.hashCode(nonZero);
  }

  @Override
  public String toString() {
    return "SequenceFrame["
        + frame
        + ", "
        + gt.length
        + " x "
        + pred.length
        + ", "
        + nonZero.length
        + " non-zero]";
  }
}
