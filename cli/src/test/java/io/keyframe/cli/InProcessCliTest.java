package io.keyframe.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the CLI in this JVM with its output captured and its home (pseudonym key) and audit log in
 * the test's temporary folder, so no test reads or writes the user's.
 */
abstract class InProcessCliTest {
  @TempDir Path tmp;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  @BeforeEach
  void isolateAuditLogAndKey() {
    System.setProperty("user.home", tmp.resolve("home").toString());
    System.setProperty("keyframe.audit.log", tmp.resolve("audit.jsonl").toString());
  }

  /** Runs {@code keyframe args}; what it prints is appended to {@link #out} and {@link #err}. */
  int run(String... args) {
    return KeyframeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** Runs {@code keyframe head... more...}: a test's arguments after a fixed command line. */
  int run(List<String> head, String... more) {
    List<String> args = new ArrayList<>(head);
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /**
   * {@code command} on synthetic videos small enough to take seconds: 2 x 60 frames x 4 objects.
   */
  static List<String> onSmallSyntheticVideos(String command) {
    return List.of(command, "--videos", "2", "--frames", "60", "--objects", "4");
  }

  /** {@code keyframe mot-metrics --gt GT --pred PRED [more...]}. */
  int motMetrics(Path gt, Path pred, String... more) {
    return run(List.of("mot-metrics", "--gt", gt.toString(), "--pred", pred.toString()), more);
  }

  /** {@code keyframe rank --batch BATCH --out QUEUE [more...]}. */
  int rank(Path batch, Path queue, String... more) {
    return run(List.of("rank", "--batch", batch.toString(), "--out", queue.toString()), more);
  }

  /** {@code keyframe spot-check --batch BATCH --out SAMPLE [more...]}. */
  int spotCheck(Path batch, Path sample, String... more) {
    return run(
        List.of("spot-check", "--batch", batch.toString(), "--out", sample.toString()), more);
  }

  /** {@code keyframe assign --videos VIDEOS --annotators ANNOTATORS --out PLAN [more...]}. */
  int assign(String videos, String annotators, Path plan, String... more) {
    return run(
        List.of("assign", "--videos", videos, "--annotators", annotators, "--out", plan.toString()),
        more);
  }
}
