package io.keyframe.spark.agreement;

import io.keyframe.dataset.Detection;
import io.keyframe.scoring.qa.ObjectMatch;
import io.keyframe.scoring.qa.ObjectMatching;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Rows of {@code agreement_objects}: each object of one video as two raters' matching paired it
 * (matched with the same class, mislabelled, or drawn by one rater only), frame schema with {@code
 * video_id} last.
 */
final class AgreementObjectRows {
  static final String MATCHED = "matched", MISLABELLED = "mislabelled";
  static final String ONLY_A = "only_a", ONLY_B = "only_b";

  private AgreementObjectRows() {}

  static List<Row> of(String video, String raterA, String raterB, ObjectMatching m) {
    List<Row> out = new ArrayList<>(m.matches().size() + m.onlyA().size() + m.onlyB().size());
    for (ObjectMatch x : m.matches())
      out.add(
          RowFactory.create(
              raterA,
              raterB,
              x.frame(),
              x.a().label().equals(x.b().label()) ? MATCHED : MISLABELLED,
              x.a().trackId(),
              x.a().label(),
              x.b().trackId(),
              x.b().label(),
              x.iou(),
              video));
    for (Detection d : m.onlyA())
      out.add(
          RowFactory.create(
              raterA, raterB, d.frame(), ONLY_A, d.trackId(), d.label(), null, null, null, video));
    for (Detection d : m.onlyB())
      out.add(
          RowFactory.create(
              raterA, raterB, d.frame(), ONLY_B, null, null, d.trackId(), d.label(), null, video));
    return out;
  }
}
