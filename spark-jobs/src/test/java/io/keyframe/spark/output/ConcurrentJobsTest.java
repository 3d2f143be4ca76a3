package io.keyframe.spark.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.spark.ChildJvm;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.generate.GenerateJob;
import io.keyframe.spark.generate.SynthBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real GenerateJobs on one output root at once: the first (in this JVM) is held inside its
 * commit while a second, in a child JVM, starts on the same root. The second must fail naming the
 * holder and must not touch the first's staging; the first then commits exactly what a lone run
 * writes.
 */
class ConcurrentJobsTest {
  private static final SynthBatch BATCH = SynthBatch.of(2, 60, 3, 5);
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path dir;

  @AfterEach
  void noHook() {
    StagedTableWriter.renameHook = (step, from, to) -> {};
  }

  @Test
  void aSecondJobOnABusyRootFailsNamingTheHolderAndTheFirstCommitsWhole() throws Exception {
    Path lone = dir.resolve("lone"), shared = dir.resolve("shared");
    GenerateJob.run(spark, new GenerateJob.Options(new JobOptions(lone.toString(), "g", 0), BATCH));
    Map<String, byte[]> reference = CommitFaultTest.tables(lone);
    reference.keySet().removeIf(p -> p.startsWith("runs/"));

    CountDownLatch inCommit = new CountDownLatch(1), release = new CountDownLatch(1);
    StagedTableWriter.renameHook =
        (step, from, to) -> {
          inCommit.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    CompletableFuture<RunRecord> first =
        CompletableFuture.supplyAsync(
            () ->
                GenerateJob.run(
                    spark,
                    new GenerateJob.Options(new JobOptions(shared.toString(), "g", 0), BATCH)));
    try {
      assertThat(inCommit.await(10, TimeUnit.MINUTES)).as("first job reached its commit").isTrue();
      Path log = dir.resolve("second.log");
      Process second =
          ChildJvm.start(
              log,
              GenerateJob.class.getName(),
              "--out",
              shared.toString(),
              "--videos",
              "2",
              "--frames",
              "60",
              "--objects",
              "3",
              "--seed",
              "5",
              "--run-id",
              "g");
      assertThat(second.waitFor(10, TimeUnit.MINUTES)).as("second job exits").isTrue();
      String text = Files.readString(log);
      assertThat(second.exitValue()).as(text).isNotZero();
      assertThat(text)
          .contains(
              "output root is in use by another keyframe job: pid " + ProcessHandle.current().pid())
          .contains("(run g,");
      assertThat(shared.resolve(".staging/g/detections"))
          .as("first job's staging left alone")
          .exists();
    } finally {
      release.countDown();
    }
    RunRecord record = first.get(10, TimeUnit.MINUTES);
    assertThat(record.rowCounts())
        .isEqualTo(
            GenerateJob.run(
                    spark,
                    new GenerateJob.Options(
                        new JobOptions(dir.resolve("again").toString(), "g", 0), BATCH))
                .rowCounts());
    Map<String, byte[]> committed = new TreeMap<>(CommitFaultTest.tables(shared));
    committed.keySet().removeIf(p -> p.startsWith("runs/"));
    assertThat(committed.keySet()).isEqualTo(reference.keySet());
    reference.forEach((p, bytes) -> assertThat(committed.get(p)).as(p).isEqualTo(bytes));
    assertThat(shared.resolve(".lock")).doesNotExist();
  }
}
