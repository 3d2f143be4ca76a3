package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  long now;
  final StringWriter text = new StringWriter();

  ProgressBar piped() {
    return new ProgressBar(new PrintWriter(text, true), "tasks", false, () -> now);
  }

  static long seconds(double s) {
    return (long) (s * 1e9);
  }

  @Test
  void pipedItPrintsOneLinePerOverallStepAndAFinalSummaryNotOnePerUpdate() {
    ProgressBar bar = piped().overall("demo");
    bar.update("demo", 0, 3);
    for (int step = 1; step <= 3; step++) {
      for (int t = 0; t <= 100; t++) {
        now += seconds(0.01);
        bar.update("job" + step + ": write", t, 100);
      }
      bar.update("demo", step, 3);
    }
    bar.finish("demo: done");
    // 3 steps of 1 s each: 3 step lines + the summary; no per-task lines.
    assertThat(text.toString().lines()).hasSize(4);
    assertThat(text.toString())
        .contains("demo: step 1/3 done (job1) at 1.0 s, ETA 2.0 s")
        .contains("demo: done in 3.0 s");
  }

  @Test
  void pipedHeartbeatsOfALongStepAreLogSpaced() {
    ProgressBar bar = piped().overall("demo");
    bar.update("demo", 0, 1);
    // 10 minutes of one step with an update every second.
    for (int t = 0; t < 600; t++) {
      now += seconds(1);
      bar.update("track: write", t, 10_000);
    }
    // Heartbeats after 15, 30, 60, 120 and 240 s since the line before: at 15, 45, 105, 225, 465 s.
    assertThat(text.toString().lines()).hasSize(5);
  }

  @Test
  void aRateAppearsOnlyOnceThereIsOneAndNoEtaWhileTheTotalGrows() {
    ProgressBar bar = piped();
    bar.update("agreement: metrics", 0, 4);
    now += seconds(20);
    bar.update("agreement: metrics", 2, 4);
    assertThat(text.toString()).contains("2/4 tasks, 0.1 tasks/s, ETA 20.0 s").doesNotContain("--");
    now += seconds(20);
    bar.update("agreement: metrics", 4, 8); // Spark submitted another stage of the same step
    now += seconds(20);
    bar.update("agreement: metrics", 5, 8);
    assertThat(text.toString().lines().skip(1)).noneMatch(l -> l.contains("ETA"));
  }
}
