package io.keyframe.spark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.spark.RunTables;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.output.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole demo on a tiny batch, checked through the Parquet files each job wrote (rank and
 * compare's integration test).
 */
class DemoPipelineTest {
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path out;

  private Dataset<Row> table(DemoResult r, String step, String table) {
    return RunTables.read(spark, out, table, r.runs().get(step));
  }

  @Test
  void demoRunsEveryStepAndTheTablesAgreeWithEachOther() {
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    DemoResult r =
        DemoPipeline.run(
            spark,
            out,
            new DemoOptions(2, 60, 4, 1, "local[2]", "10%", 20),
            (stage, done, total) -> progress.add(stage + " " + done + "/" + total));

    assertThat(r.runs())
        .containsOnlyKeys("generate", "track-a", "track-b", "agreement", "rank", "compare");
    for (RunRecord run : r.runs().values())
      assertThat(out.resolve("tables/runs/run_id=" + run.runId())).exists();
    assertThat(progress).contains("demo 6/6");
    assertThat(r.summary()).contains("tables").contains("fallback");

    Dataset<Row> metrics =
        table(r, "agreement", "tracking_metrics")
            .where("video_id = '__all__' and label = '__all__'");
    assertThat(
            metrics
                .select("pred_source")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .contains(DemoPipeline.ITERATION_A, DemoPipeline.ITERATION_B);
    for (Row m : metrics.collectAsList()) {
      assertThat(m.<Double>getAs("mota")).isLessThanOrEqualTo(1.0);
      assertThat(m.<Double>getAs("hota")).isBetween(0.0, 1.0);
    }

    // The truth's occlusion events reach the agreement step (seed 1: this batch has ID switches,
    // seed 5 had none):
    // every switch has its row, and the
    // all-videos roll-up counts exactly the rows flagged after an occlusion.
    Dataset<Row> switches = table(r, "agreement", "id_switches");
    assertThat(switches.count()).isPositive();
    for (Row m : metrics.collectAsList()) {
      String pred = m.getAs("pred_source");
      assertThat((long) m.<Integer>getAs("idsw_after_occlusion"))
          .isEqualTo(
              switches
                  .where(
                      switches
                          .col("pred_source")
                          .equalTo(pred)
                          .and(switches.col("after_occlusion")))
                  .count());
      assertThat(m.<Integer>getAs("frag_after_occlusion")).isNotNull();
    }

    assertThat(
            table(r, "agreement", "agreement")
                .where("video_id = '__all__' and label = '__all__'")
                .count())
        .isEqualTo(3);
    assertThat(table(r, "agreement", "confusion").count()).isPositive();

    // 10% of 2 x 60 frames: the queue's spans cover at most 12 frames, ranked 1..n, cumulative cost
    // growing.
    List<Row> queue = table(r, "rank", "queue").orderBy("rank").collectAsList();
    assertThat(queue).isNotEmpty();
    int frames = 0;
    double cumulative = 0;
    for (int i = 0; i < queue.size(); i++) {
      Row q = queue.get(i);
      assertThat(q.<Integer>getAs("rank")).isEqualTo(i + 1);
      frames += q.<Integer>getAs("frame_end") - q.<Integer>getAs("frame_start") + 1;
      assertThat(q.<Double>getAs("cumulative_minutes")).isGreaterThanOrEqualTo(cumulative);
      cumulative = q.getAs("cumulative_minutes");
    }
    assertThat(frames).isBetween(1, 12);
    assertThat(table(r, "rank", "spot_check").count()).isPositive();
    assertThat(table(r, "rank", "signals").count()).isPositive();

    // Compare's all-video MOTA of each iteration is the agreement job's, both summed from the same
    // counts.
    Row mota =
        table(r, "compare", "compare")
            .where("video_id = '__all__' and label = '__all__' and metric = 'mota'")
            .first();
    double a =
        metrics.where("pred_source = '" + DemoPipeline.ITERATION_A + "'").first().getAs("mota");
    double b =
        metrics.where("pred_source = '" + DemoPipeline.ITERATION_B + "'").first().getAs("mota");
    assertThat(mota.<Double>getAs("value_a")).isCloseTo(a, within(1e-12));
    assertThat(mota.<Double>getAs("value_b")).isCloseTo(b, within(1e-12));
    assertThat(mota.<Double>getAs("delta")).isCloseTo(b - a, within(1e-12));
    assertThat(mota.<Double>getAs("ci_lo")).isLessThanOrEqualTo(mota.<Double>getAs("ci_hi"));
  }
}
