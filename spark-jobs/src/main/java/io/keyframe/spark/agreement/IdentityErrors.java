package io.keyframe.spark.agreement;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.metrics.occlusion.OcclusionAwareErrors;
import io.keyframe.metrics.sequence.TrackingSequence;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The occlusion-aware identity errors of one prediction source in one video, all classes together,
 * as they travel from an executor to the driver: its {@code id_switches} rows and the counts of
 * switches and fragmentations within an occlusion or its window. The classification is metrics'
 * {@link OcclusionAwareErrors} (py-motmetrics' CLEAR-MOT rules).
 *
 * @param pred prediction source
 * @param switchRows {@code id_switches} rows (frame schema, {@code video_id} last)
 * @param switchesAfterOcclusion switches within an occlusion of their object or the window after it
 * @param fragmentationsAfterOcclusion fragmentations within an occlusion of their object or the
 *     window after it
 */
public record IdentityErrors(
    String pred,
    List<Row> switchRows,
    long switchesAfterOcclusion,
    long fragmentationsAfterOcclusion)
    implements Serializable {
  public IdentityErrors {
    Objects.requireNonNull(pred, "pred");
    switchRows = List.copyOf(switchRows);
    if (switchesAfterOcclusion < 0 || fragmentationsAfterOcclusion < 0)
      throw new IllegalArgumentException("negative count");
  }

  /**
   * Box IoU at {@code threshold} (py-motmetrics' distance limit 1 − threshold) over every class;
   * {@code occlusions} are the reference's events (track IDs = reference IDs).
   *
   * @throws io.keyframe.dataset.BadAnnotationException when a side repeats a track ID within a
   *     frame
   */
  public static IdentityErrors of(
      String video,
      String pred,
      AnnotationSet reference,
      AnnotationSet prediction,
      double threshold,
      List<OcclusionEvent> occlusions,
      int window) {
    TrackingSequence seq =
        TrackingSequence.of(reference, prediction, TrackingSequence.Similarity.BOX_IOU, d -> true);
    OcclusionAwareErrors errors = OcclusionAwareErrors.of(seq, 1 - threshold, occlusions, window);
    List<Row> rows = new ArrayList<>();
    for (OcclusionAwareErrors.Error e : errors.errors())
      if (e.kind().equals("switch"))
        rows.add(
            RowFactory.create(
                pred,
                e.frame(),
                e.gtTrackId(),
                e.oldPredId(),
                e.newPredId(),
                e.nearOcclusion(),
                video));
    return new IdentityErrors(
        pred, rows, errors.switchesNearOcclusion(), errors.fragmentationsNearOcclusion());
  }
}
