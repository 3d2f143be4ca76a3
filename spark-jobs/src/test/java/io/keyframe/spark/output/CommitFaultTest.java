package io.keyframe.spark.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-run of run {@code r} killed before each rename of its commit (and just after the commit
 * point) never shows a torn run, and the next writer on the root restores a whole run: the old one
 * before the commit point, the new one after it. The re-run has fewer videos and tables than the
 * first run, so stale partitions would show too.
 */
class CommitFaultTest {
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path dir;

  /** Stands for kill -9 at a chosen point of a commit. */
  static final class SimulatedKill extends RuntimeException {
    SimulatedKill(String where) {
      super(where);
    }
  }

  @AfterEach
  void noHook() {
    StagedTableWriter.renameHook = (step, from, to) -> {};
  }

  private Dataset<Row> detections(int frames, String... videos) {
    return OnePoleDetections.of(spark, frames, videos);
  }

  private Dataset<Row> runsRow(String job) {
    return spark.createDataFrame(
        List.of(RowFactory.create(job, 1L, 2L, "code", "{}", "{}", "{}", "{}", null)),
        Table.RUNS.frameSchema());
  }

  /** First run: three videos, detections and signals. */
  private void first(Path root) {
    StagedTableWriter w = StagedTableWriter.open(spark, root.toString(), "r");
    w.stage(Table.DETECTIONS, detections(5, "v-a", "v-b", "v-c"), "frame");
    w.stage(
        Table.SIGNALS,
        spark.createDataFrame(
            List.of(RowFactory.create(3, "entropy", 0.9, "v-c")), Table.SIGNALS.frameSchema()));
    w.stage(Table.RUNS, runsRow("first"));
    w.commit();
  }

  /** Re-run under the same id: two videos, detections only. */
  private StagedTableWriter second(Path root) {
    StagedTableWriter w = StagedTableWriter.open(spark, root.toString(), "r");
    w.stage(Table.DETECTIONS, detections(3, "v-a", "v-b"), "frame");
    w.stage(Table.RUNS, runsRow("second"));
    return w;
  }

  @Test
  void aRerunKilledAtAnyRenameIsWholeBeforeAndAfterRecovery() throws IOException {
    Path refFirst = dir.resolve("ref-first"), refSecond = dir.resolve("ref-second");
    first(refFirst);
    first(refSecond);
    second(refSecond).commit();
    Map<String, byte[]> before = tables(refFirst), after = tables(refSecond);
    assertThat(after.keySet())
        .as("the re-run replaced the whole set: no v-c, no signals")
        .noneMatch(p -> p.contains("v-c") || p.startsWith("signals/"));

    AtomicInteger renames = new AtomicInteger();
    StagedTableWriter.renameHook = (step, from, to) -> renames.incrementAndGet();
    Path counted = dir.resolve("counted");
    first(counted);
    renames.set(0);
    second(counted).commit();
    StagedTableWriter.renameHook = (step, from, to) -> {};
    int points = renames.get();
    // runs, detections and signals aside; detections and runs in; plus the point after the commit.
    assertThat(points).isEqualTo(3 + 2 + 1);

    for (int kill = 0; kill < points; kill++) {
      Path root = dir.resolve("kill-" + kill);
      first(root);
      StagedTableWriter w = second(root);
      int at = kill;
      AtomicInteger n = new AtomicInteger();
      StagedTableWriter.renameHook =
          (step, from, to) -> {
            if (n.getAndIncrement() == at) {
              w.die(); // the process is gone: nothing after this point runs, the lock file stays
              throw new SimulatedKill(step + " " + from);
            }
          };
      assertThatThrownBy(w::commit).isInstanceOf(SimulatedKill.class);
      StagedTableWriter.renameHook = (step, from, to) -> {};
      boolean pastCommitPoint = kill == points - 1;

      // What a reader sees right after the kill: no runs row (nothing to show), or one whole run.
      Map<String, byte[]> visible = tables(root);
      if (Files.exists(root.resolve("tables/runs/run_id=r")))
        assertThat(visible)
            .as("kill %d", kill)
            .satisfiesAnyOf(v -> assertSame(v, before), v -> assertSame(v, after));
      assertThat(root.resolve(".lock")).as("a killed writer leaves its lock").exists();

      // The next writer takes over the stale lock and repairs the root.
      StagedTableWriter.open(spark, root.toString(), "other").abort();
      assertSame(tables(root), pastCommitPoint ? after : before);
      assertThat(root.resolve(".staging")).doesNotExist();
      assertThat(root.resolve(".lock")).doesNotExist();

      second(root).commit();
      assertSame(tables(root), after);
    }
  }

  @Test
  void theManifestNamesEveryPartitionAndFileOfTheRun() throws IOException {
    Path root = dir.resolve("m");
    first(root);
    JsonNode manifest =
        new ObjectMapper()
            .readTree(root.resolve("tables/runs/run_id=r/" + StagedTableWriter.MANIFEST).toFile());
    assertThat(manifest.get("run_id").asText()).isEqualTo("r");
    List<String> listed = new ArrayList<>();
    manifest
        .get("tables")
        .fields()
        .forEachRemaining(
            t ->
                t.getValue()
                    .fields()
                    .forEachRemaining(
                        p ->
                            p.getValue()
                                .forEach(
                                    f ->
                                        listed.add(
                                            t.getKey()
                                                + "/run_id=r/"
                                                + (p.getKey().isEmpty() ? "" : p.getKey() + "/")
                                                + f.asText()))));
    List<String> onDisk =
        tables(root).keySet().stream().filter(p -> !p.startsWith("runs/")).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(onDisk).hasSize(4);
  }

  private static void assertSame(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isEqualTo(v));
  }

  /** Every file under {@code tables/}, relative path → bytes. */
  static Map<String, byte[]> tables(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    Path tables = root.resolve("tables");
    if (!Files.exists(tables)) return out;
    try (Stream<Path> s = Files.walk(tables)) {
      for (Path p : s.filter(Files::isRegularFile).toList())
        out.put(tables.relativize(p).toString(), Files.readAllBytes(p));
    }
    return out;
  }
}
