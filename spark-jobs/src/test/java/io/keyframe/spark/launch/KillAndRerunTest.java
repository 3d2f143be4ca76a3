package io.keyframe.spark.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.spark.ChildJvm;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.TrackingBatch;
import io.keyframe.spark.agreement.AgreementJob;
import io.keyframe.spark.output.JobOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a job in the middle of writing leaves only complete partitions visible, and re-running
 * it gives the same files as a run that was never interrupted.
 */
class KillAndRerunTest {
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path dir;

  @Test
  void killedRunShowsNoHalfWrittenPartitionAndRerunMatchesACleanRun() throws Exception {
    String detections = TrackingBatch.write(spark, dir.resolve("in"), 8, 200, 8, 7);
    Path clean = dir.resolve("clean"), killed = dir.resolve("killed");
    AgreementJob.run(
        spark,
        AgreementJob.Options.of(
            new JobOptions(clean.toString(), "k", 0.1), List.of(detections), "gt"));
    Map<String, byte[]> reference = dataFiles(clean);
    assertThat(reference).isNotEmpty();

    Process child =
        ChildJvm.start(
            dir.resolve("child.log"),
            AgreementJob.class.getName(),
            "--out",
            killed.toString(),
            "--detections",
            detections,
            "--reference",
            "gt",
            "--run-id",
            "k",
            "--max-bad-fraction",
            "0.1");
    Path staging = killed.resolve(".staging/k");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (!Files.exists(staging) && child.isAlive() && System.nanoTime() < deadline)
      Thread.sleep(5);
    assertThat(child.isAlive())
        .as("child still writing when killed; log: %s", Files.readString(dir.resolve("child.log")))
        .isTrue();
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks, no cleanup
    assertThat(child.exitValue()).isEqualTo(137);

    // Whatever the kill left visible is complete: each visible file is exactly the clean run's
    // file.
    assertThat(killed.resolve("tables/runs")).doesNotExist();
    Map<String, byte[]> visible = dataFiles(killed);
    visible.forEach((path, bytes) -> assertThat(reference.get(path)).as(path).isEqualTo(bytes));

    AgreementJob.run(
        spark,
        AgreementJob.Options.of(
            new JobOptions(killed.toString(), "k", 0.1), List.of(detections), "gt"));
    Map<String, byte[]> rerun = dataFiles(killed);
    assertThat(rerun.keySet()).isEqualTo(reference.keySet());
    rerun.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(reference.get(path)));
    assertThat(killed.resolve(".staging/k")).doesNotExist();
    Row a = runsRow(clean), b = runsRow(killed);
    for (String column :
        List.of("job", "params_json", "inputs_json", "row_counts_json", "code_version"))
      assertThat(b.<String>getAs(column)).as(column).isEqualTo(a.getAs(column));
  }

  private Row runsRow(Path out) {
    return spark.read().parquet(out.resolve("tables/runs/run_id=k").toString()).first();
  }

  /** Every file under tables/ except the runs table (its start/end times differ by design). */
  private static Map<String, byte[]> dataFiles(Path out) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    Path tables = out.resolve("tables");
    if (!Files.exists(tables)) return files;
    try (Stream<Path> s = Files.walk(tables)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = tables.relativize(p).toString();
        if (!rel.startsWith("runs/")) files.put(rel, Files.readAllBytes(p));
      }
    }
    return files;
  }
}
