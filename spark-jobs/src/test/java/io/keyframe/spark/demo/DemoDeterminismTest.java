package io.keyframe.spark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.spark.ChildJvm;
import io.keyframe.spark.SharedSpark;
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
 * The demo run twice, once here and once in a fresh JVM (hash seeds, map iteration orders and
 * thread timing all differ), writes byte-identical files. The only values allowed to differ are
 * measurements of time: the runs table's {@code started_at} and {@code ended_at} and the throughput
 * table (its part files are compared row by row, the measured columns left out).
 */
class DemoDeterminismTest {
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path dir;

  @Test
  void twoDemoRunsInTwoJvmsWriteTheSameBytes() throws Exception {
    Path here = dir.resolve("here"), there = dir.resolve("there");
    DemoPipeline.run(
        spark, here, new DemoOptions(2, 60, 4, 1, "local[2]", "10%", 20), ProgressListener.NONE);
    Process child =
        ChildJvm.start(
            dir.resolve("child.log"),
            DemoPipeline.class.getName(),
            there.toString(),
            "2",
            "60",
            "4",
            "1",
            "20");
    assertThat(child.waitFor(15, TimeUnit.MINUTES)).as("child demo finishes").isTrue();
    assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();

    Map<String, byte[]> a = files(here), b = files(there);
    assertThat(b.keySet()).isEqualTo(a.keySet());
    assertThat(a.keySet())
        .anyMatch(p -> p.startsWith("signals/"))
        .anyMatch(p -> p.startsWith("id_switches/"))
        .anyMatch(p -> p.endsWith("_manifest.json"));
    for (String path : a.keySet()) {
      if (measured(path)) continue;
      assertThat(b.get(path)).as(path).isEqualTo(a.get(path));
    }
    Map<String, List<String>> kept =
        Map.of(
            "runs/",
                List.of(
                    "job",
                    "code_version",
                    "params_json",
                    "inputs_json",
                    "models_json",
                    "row_counts_json",
                    "tracker_path"),
            "throughput/", List.of("job", "frames"));
    for (String path : a.keySet()) {
      if (!measured(path)) continue;
      List<String> columns = kept.get(path.substring(0, path.indexOf('/') + 1));
      List<Row> ra =
          spark.read().parquet(here.resolve("tables").resolve(path).toString()).collectAsList();
      List<Row> rb =
          spark.read().parquet(there.resolve("tables").resolve(path).toString()).collectAsList();
      assertThat(rb).as(path).hasSameSizeAs(ra);
      for (int i = 0; i < ra.size(); i++)
        for (String c : columns)
          assertThat((Object) rb.get(i).getAs(c)).as(path + " " + c).isEqualTo(ra.get(i).getAs(c));
    }
  }

  /** Part files holding measured times: compared without those columns. */
  private static boolean measured(String path) {
    return (path.startsWith("runs/") || path.startsWith("throughput/"))
        && path.endsWith(".parquet");
  }

  private static Map<String, byte[]> files(Path out) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    Path tables = out.resolve("tables");
    try (Stream<Path> s = Files.walk(tables)) {
      for (Path p : s.filter(Files::isRegularFile).toList())
        m.put(tables.relativize(p).toString(), Files.readAllBytes(p));
    }
    return m;
  }
}
