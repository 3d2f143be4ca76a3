package io.keyframe.metrics.sequence;

/**
 * One frame of a tracking sequence. Most pairs of a frame do not overlap, so the positions of the
 * non-zero similarities are kept too and metric loops visit only those.
 *
 * <p>Unlike keyframe's result records, the arrays are shared, not copied: every metric reads them
 * once per frame in its hot loop, and copying {@code similarity} there would cost more than the
 * sparse visit it serves. Treat them as read-only.
 *
 * @param frame frame index (0-based in keyframe; any increasing integer for hand-built data)
 * @param gt dense ground-truth IDs present in this frame, in input order
 * @param pred dense predicted IDs present in this frame, in input order
 * @param similarity row-major {@code gt.length x pred.length} similarity (box or mask IoU)
 * @param nonZero ascending indices into {@code similarity} of its non-zero entries
 */
public record SequenceFrame(int frame, int[] gt, int[] pred, double[] similarity, int[] nonZero) {
  public SequenceFrame {
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
    for (int k : nonZero)
      if (k < 0 || k >= similarity.length)
        throw new IllegalArgumentException("frame " + frame + ": bad non-zero index " + k);
  }

  /** A frame; the non-zero positions are found here. */
  public SequenceFrame(int frame, int[] gt, int[] pred, double[] similarity) {
    this(frame, gt, pred, similarity, nonZeros(frame, similarity));
  }

  private static int[] nonZeros(int frame, double[] s) {
    int n = 0;
    for (double v : s) {
      if (Double.isNaN(v))
        throw new IllegalArgumentException("frame " + frame + ": similarity is NaN");
      if (v != 0) n++;
    }
    int[] out = new int[n];
    n = 0;
    for (int k = 0; k < s.length; k++) if (s[k] != 0) out[n++] = k;
    return out;
  }

  /** Similarity of the i-th ground-truth object and the j-th prediction of this frame. */
  public double similarity(int i, int j) {
    return similarity[i * pred.length + j];
  }
}
