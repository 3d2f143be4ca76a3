package io.keyframe.spark.output;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Detections rows for the writer tests: one gt pole (track 1) on every frame of each video. */
final class OnePoleDetections {
  private OnePoleDetections() {}

  /** {@code frames} rows per video, frame 0 a keyframe. */
  static Dataset<Row> of(SparkSession spark, int frames, String... videos) {
    List<Row> rows = new ArrayList<>();
    for (String v : videos)
      for (int frame = 0; frame < frames; frame++)
        rows.add(
            RowFactory.create(
                "gt",
                frame,
                1,
                "iv_pole",
                10.0,
                20.0,
                30.0,
                40.0,
                1.0,
                null,
                0,
                0,
                false,
                false,
                frame == 0,
                null,
                -1.0,
                v));
    return spark.createDataFrame(rows, Table.DETECTIONS.frameSchema());
  }
}
