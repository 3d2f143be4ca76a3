package io.keyframe.spark.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.spark.ChildJvm;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.TrackingBatch;
import io.keyframe.spark.agreement.AgreementJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's main launched the way a cluster launches it: {@code org.apache.spark.deploy.SparkSubmit
 * --master local[2] --class ...} in a child JVM (spark-submit's own entry point), giving the same
 * metrics as the embedded call.
 */
class SparkSubmitLaunchTest {
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path dir;

  @Test
  void sparkSubmitRunsTheAgreementJobLikeTheEmbeddedCall() throws Exception {
    String detections = TrackingBatch.write(spark, dir.resolve("in"), 3, 60, 4, 11);
    Path log = dir.resolve("submit.log");
    Process submit =
        ChildJvm.start(
            log,
            "org.apache.spark.deploy.SparkSubmit",
            LaunchedAgreement.submitArguments(
                List.of(
                    "--master",
                    "local[2]",
                    "--class",
                    AgreementJob.class.getName(),
                    "--conf",
                    "spark.ui.enabled=false"),
                "spark-internal",
                dir,
                detections,
                "s"));
    assertThat(submit.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(submit.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("agreement run s wrote");

    LaunchedAgreement.check(spark, dir, detections, "s");
  }
}
