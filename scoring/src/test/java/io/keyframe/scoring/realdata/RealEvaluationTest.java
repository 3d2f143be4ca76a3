package io.keyframe.scoring.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.scoring.queue.Budget;
import io.keyframe.scoring.queue.FrameRef;
import io.keyframe.scoring.queue.LabelQueue;
import io.keyframe.scoring.queue.QueueOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealEvaluationTest {
  private static List<RealSequence> two;
  private static RealEvaluationReport report;

  /** py-motmetrics: seq -> all errors per frame (index 0-based). */
  private static final Map<String, int[]> ORACLE = new TreeMap<>();

  @BeforeAll
  static void run() throws IOException {
    two =
        TrackEvalFolder.read(RealData.DATA).stream()
            .filter(s -> Set.of("MOT17-05-FRCNN", "MOT17-09-FRCNN").contains(s.name()))
            .toList();
    report =
        RealEvaluation.run(
            two,
            new RealEvaluation.Options(
                QueueOptions.defaults(), List.of(0.10), Set.of("MOT17-05-FRCNN"), false),
            ProgressListener.NONE);
    List<String> lines =
        Files.readAllLines(RealData.DATA.resolveSibling("py-motmetrics-errors.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      if (c[1].equals("TOTAL")) continue;
      ORACLE.computeIfAbsent(c[0], k -> new int[200])[Integer.parseInt(c[1]) - 1] =
          Integer.parseInt(c[2]) + Integer.parseInt(c[3]) + Integer.parseInt(c[4]);
    }
  }

  private static RealEvaluationReport.Row row(String seq) {
    return report.rows().stream().filter(r -> r.sequence().equals(seq)).findFirst().orElseThrow();
  }

  @Test
  void randomIsTheBudgetShareOfAllPyMotmetricsErrors() {
    // py-motmetrics totals: MOT17-05 72 FP + 99 misses + 9 switches = 180; MOT17-09 14 + 141 + 7 =
    // 162; 10% of 200 frames = 20
    assertThat(row("MOT17-05-FRCNN").total()).isEqualTo(180);
    assertThat(row("MOT17-09-FRCNN").total()).isEqualTo(162);
    assertThat(row("MOT17-05-FRCNN").frames()).isEqualTo(20);
    assertThat(row("MOT17-05-FRCNN").random()).isCloseTo(180 * 20 / 200.0, within(1e-12));
    assertThat(row("MOT17-09-FRCNN").random()).isCloseTo(162 * 20 / 200.0, within(1e-12));
  }

  @Test
  void oracleTakesTheTwentyFramesWithTheMostPyMotmetricsErrors() {
    for (String seq : List.of("MOT17-05-FRCNN", "MOT17-09-FRCNN")) {
      int[] sorted = ORACLE.get(seq).clone();
      Arrays.sort(sorted);
      long top = 0;
      for (int k = 0; k < 20; k++) top += sorted[sorted.length - 1 - k];
      assertThat(row(seq).oracle()).as(seq).isEqualTo(top);
    }
  }

  @Test
  void queueIsCreditedWithThePyMotmetricsErrorsOnTheFramesItQueued() {
    for (RealSequence s : two) {
      List<FrameRef> frames =
          LabelQueue.rank(
                  List.of(RealEvaluation.evidence(s)),
                  QueueOptions.defaults().withBudget(Budget.ofFraction(0.10)))
              .frames();
      long expected = frames.stream().mapToLong(f -> ORACLE.get(s.name())[f.frame()]).sum();
      assertThat(frames).hasSizeLessThanOrEqualTo(20);
      assertThat(row(s.name()).caught()).as(s.name()).isEqualTo(expected);
      assertThat(row(s.name()).ratio()).isCloseTo(expected / row(s.name()).random(), within(1e-12));
    }
  }

  @Test
  void expertMinutesAreHalfAMinutePerFramePlusAQuarterPerTrackerBox() {
    for (RealSequence s : two) {
      int[] boxes = new int[200];
      s.delivered().detections().forEach(d -> boxes[d.frame()]++);
      double all = 0;
      for (int n : boxes) all += 0.5 + 0.25 * n;
      List<FrameRef> frames =
          LabelQueue.rank(
                  List.of(RealEvaluation.evidence(s)),
                  QueueOptions.defaults().withBudget(Budget.ofFraction(0.10)))
              .frames();
      double queued = frames.stream().mapToDouble(f -> 0.5 + 0.25 * boxes[f.frame()]).sum();
      RealEvaluationReport.Row r = row(s.name());
      assertThat(r.randomMinutes()).isCloseTo(20 * all / 200, within(1e-9));
      assertThat(r.minutes()).isCloseTo(queued, within(1e-9));
      assertThat(r.perMinuteRatio())
          .isCloseTo((r.caught() / queued) / (r.random() / (20 * all / 200)), within(1e-9));
    }
  }

  @Test
  void theQueueSeesNoGroundTruth() {
    RealSequence s = two.get(0);
    assertThat(RealEvaluation.evidence(s).sets()).containsExactly(s.delivered());
  }

  @Test
  void reportNamesHeldOutAndTunedSequencesWithTheOracleBeside() {
    String text = report.describe();
    // gt rows left out: 2505 - 1687 (MOT17-05), 3299 - 1645 (MOT17-09), by awk as in
    // TrackerErrorsTest
    assertThat(text).containsPattern("MOT17-05-FRCNN +tuned +200 +72 +99 +9 +180 +818");
    assertThat(text).containsPattern("MOT17-09-FRCNN +held-out +200 +14 +141 +7 +162 +1654");
    assertThat(text).containsPattern("mean +held-out +\\d+\\.\\d\\dx \\(\\d+\\.\\d\\dx\\)");
    assertThat(report.meanRatio(RealEvaluationReport.QUEUE, 0.10, false))
        .isCloseTo(row("MOT17-09-FRCNN").ratio(), within(1e-12));
  }

  @Test
  void aFolderThatIsNotTrackEvalsDataIsRefusedWithTheLayoutExpected(@TempDir Path tmp) {
    assertThatThrownBy(() -> TrackEvalFolder.read(tmp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gt/mot_challenge/<benchmark>-train/<seq>/gt/gt.txt");
  }

  @Test
  void aBadTrackerLineNamesFileLineAndColumn(@TempDir Path tmp) throws IOException {
    Path seq = Files.createDirectories(tmp.resolve("gt/mot_challenge/X-train/s/gt"));
    Files.writeString(seq.resolve("gt.txt"), "1,1,10,10,5,5,1,1,1\n");
    Files.writeString(
        seq.resolveSibling("seqinfo.ini"),
        "[Sequence]\nname=s\nframeRate=30\nseqLength=2\nimWidth=100\nimHeight=100\n");
    Path tr = Files.createDirectories(tmp.resolve("trackers/mot_challenge/X-train/T/data"));
    Files.writeString(tr.resolve("s.txt"), "1,1,10,10,5,5,1,-1,-1,-1\n2,1,10,ten,5,5,1,-1,-1,-1\n");
    assertThatThrownBy(() -> TrackEvalFolder.read(tmp))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("s.txt")
        .hasMessageContaining("line 2")
        .hasMessageContaining("y");
  }
}
