package io.keyframe.metrics.sequence;

/**
 * One frame of a tracking sequence.
 *
 * @param frame frame index (0-based in keyframe; any increasing integer for hand-built data)
 * @param gt dense ground-truth IDs present in this frame, in input order
 * @param pred dense predicted IDs present in this frame, in input order
 * @param similarity row-major {@code gt.length x pred.length} similarity (box or mask IoU)
 */
public record SequenceFrame(int frame, int[] gt, int[] pred, double[] similarity) {
  public SequenceFrame {
    if (similarity.length != gt.length * pred.length)
      throw new IllegalArgumentException(
          "frame " + frame + ": similarity has " + similarity.length + " entries, expected "
              + gt.length + "x" + pred.length);
  }

  /** Similarity of the i-th ground-truth object and the j-th prediction of this frame. */
  public double similarity(int i, int j) {
    return similarity[i * pred.length + j];
  }
}
