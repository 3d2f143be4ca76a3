package io.keyframe.spark;

import io.keyframe.spark.output.StagedTableWriter;
import io.keyframe.spark.output.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A seeded batch of ground truth ("gt") and a jittery prediction ("model") with occasional ID
 * switches and misses, written as a {@code detections} table; input for job tests that need volume
 * rather than hand-checked values.
 */
public final class TrackingBatch {
  private TrackingBatch() {}

  /** Writes the batch under {@code root} and returns the detections table path to feed a job. */
  public static String write(
      SparkSession spark, Path root, int videos, int frames, int objects, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    String[] labels = {"bed_rail", "iv_pole", "monitor"};
    for (int v = 0; v < videos; v++) {
      String video = String.format("v%03d", v);
      for (int o = 0; o < objects; o++) {
        String label = labels[o % labels.length];
        double x = 40.0 * o, y = 20.0 + 5 * (o % 7);
        int predId = 100 + o;
        for (int f = 0; f < frames; f++) {
          rows.add(
              RowFactory.create(
                  "gt",
                  f,
                  o + 1,
                  label,
                  x,
                  y,
                  30.0,
                  60.0,
                  1.0,
                  null,
                  0,
                  0,
                  false,
                  false,
                  f % 25 == 0,
                  null,
                  -1.0,
                  video));
          if (rnd.nextDouble() < 0.002) predId += 1000;
          if (rnd.nextDouble() < 0.05) continue;
          double jx = x + rnd.nextDouble() * 6 - 3, jy = y + rnd.nextDouble() * 6 - 3;
          rows.add(
              RowFactory.create(
                  "model", f, predId, label, jx, jy, 30.0, 60.0, 0.9, null, 0, 0, false, false,
                  false, null, -1.0, video));
        }
      }
    }
    inputRun(spark, root, rows).commit();
    return root.resolve("tables/detections/run_id=input").toString();
  }

  /**
   * An input run {@code input} under {@code root} with {@code detections} staged, for the caller to
   * add to and commit.
   */
  public static StagedTableWriter inputRun(SparkSession spark, Path root, List<Row> detections) {
    StagedTableWriter w = StagedTableWriter.open(spark, root.toString(), "input");
    w.stage(
        Table.DETECTIONS,
        spark.createDataFrame(detections, Table.DETECTIONS.frameSchema()),
        "source",
        "frame",
        "track_id");
    return w;
  }
}
