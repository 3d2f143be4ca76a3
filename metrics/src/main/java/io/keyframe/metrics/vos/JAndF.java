package io.keyframe.metrics.vos;

import io.keyframe.dataset.Mask;
import io.keyframe.metrics.iou.MaskIou;
import java.util.List;

/**
 * J&amp;F for video object segmentation (Perazzi et al. 2016; Pont-Tuset et al. 2017 "The 2017
 * DAVIS Challenge"), as SA-V's {@code sav_benchmark}: per object, the mean over annotated frames of
 * J (mask IoU, 1 when both masks are empty) and F ({@link BoundaryF}); by default the first and
 * last annotated frames are skipped, as in DAVIS semi-supervised and SA-V val/test evaluation. A
 * video's (and a dataset's) J and F are means over objects.
 *
 * @param skipFirstAndLast drop the first and last annotated frame of each object
 */
public record JAndF(boolean skipFirstAndLast) {

  /** SA-V / DAVIS semi-supervised setting. */
  public static JAndF semiSupervised() {
    return new JAndF(true);
  }

  /** Scores one object: {@code pred[k]} against {@code gt[k]} for each annotated frame k. */
  public ObjectScore score(int objectId, Mask[] gt, Mask[] pred) {
    if (gt.length != pred.length)
      throw new IllegalArgumentException("gt has " + gt.length + " frames, pred " + pred.length);
    int from = skipFirstAndLast ? 1 : 0, to = skipFirstAndLast ? gt.length - 1 : gt.length;
    double j = 0, f = 0;
    int n = 0;
    for (int k = from; k < to; k++) {
      j += MaskIou.jaccard(pred[k], gt[k]);
      f += BoundaryF.of(pred[k], gt[k]).f();
      n++;
    }
    return new ObjectScore(objectId, n == 0 ? Double.NaN : j / n, n == 0 ? Double.NaN : f / n, n);
  }

  /** Mean J over objects. */
  public static double meanJ(List<ObjectScore> scores) {
    return scores.stream().mapToDouble(ObjectScore::j).average().orElse(Double.NaN);
  }

  /** Mean F over objects. */
  public static double meanF(List<ObjectScore> scores) {
    return scores.stream().mapToDouble(ObjectScore::f).average().orElse(Double.NaN);
  }

  /** (mean J + mean F) / 2, SA-V's global score. */
  public static double meanJF(List<ObjectScore> scores) {
    return (meanJ(scores) + meanF(scores)) / 2;
  }
}
