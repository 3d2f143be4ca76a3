package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardsTest {
  @TempDir Path dir;
  static final List<String> LABELS = List.of("iv_pole", "monitor");
  static final ScorecardOptions LOOSE =
      ScorecardOptions.defaults()
          .withMinimums(1, 0)
          .withBootstrap(new PercentileBootstrap(200, 0.95, 1));

  static Video video(String id) {
    return new Video(id, 10, 200, 100, 20, "");
  }

  static AnnotationSet set(String id, Provenance p, List<Detection> ds) {
    return new AnnotationSet(video(id), p, LABELS, ds);
  }

  static Detection d(int id, String label, double x) {
    return Detection.of(0, id, label, new Box(x, 0, 10, 10));
  }

  static List<Detection> truth() {
    return List.of(
        d(1, "iv_pole", 0), d(2, "iv_pole", 20), d(3, "iv_pole", 40), d(4, "monitor", 60));
  }

  /**
   * Video v1 whose one annotator, A, labels exactly the ground truth; {@code model} may be null.
   */
  static VideoLabels truthLabelledByA(AnnotationSet model) {
    AnnotationSet gt = set("v1", Provenance.groundTruth("test"), truth());
    return new VideoLabels(
        gt, model, List.of(set("v1", Provenance.annotator("A", null, ""), truth())));
  }

  /** B misses object 3 and calls object 2 a monitor. */
  static List<Detection> sloppy() {
    return List.of(d(1, "iv_pole", 0), d(2, "monitor", 20), d(4, "monitor", 60));
  }

  /** A labels the ground truth, B {@link #sloppy()}, on one video, scored loosely. */
  static Scorecard carefulAndSloppy() {
    AnnotationSet gt = set("v1", Provenance.groundTruth("test"), truth());
    VideoLabels v =
        new VideoLabels(
            gt,
            null,
            List.of(
                set("v1", Provenance.annotator("A", null, ""), truth()),
                set("v1", Provenance.annotator("B", null, ""), sloppy())));
    return Scorecards.compute(List.of(v), TimeLog.empty(), LOOSE, ProgressListener.NONE);
  }

  @Test
  void precisionRecallAndF1AgainstGroundTruthAreTheHandCountedValuesAndRankTheWorseLast() {
    Scorecard s = carefulAndSloppy();
    ScorecardRow b = s.overall("B");
    // class-aware: tp 2 (objects 1, 4); fp 1 (object 2 as monitor); fn 2 (object 3, object 2 as
    // iv_pole)
    assertThat(b.precision().value()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(b.recall().value()).isCloseTo(2.0 / 4, within(1e-12));
    assertThat(b.f1()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(s.overall("A").f1()).isCloseTo(1.0, within(1e-12));
    assertThat(s.ranking()).extracting(ScorecardRow::annotator).containsExactly("A", "B");
    assertThat(s.overall("A").rank()).isEqualTo(1);
    assertThat(s.referenceKind()).isEqualTo("ground truth");
    // per class: B's iv_pole recall is 1 of 3, its monitor precision 1 of 2
    ScorecardRow bIv =
        s.rows().stream()
            .filter(r -> r.annotator().equals("B") && r.label().equals("iv_pole"))
            .findFirst()
            .orElseThrow();
    ScorecardRow bMon =
        s.rows().stream()
            .filter(r -> r.annotator().equals("B") && r.label().equals("monitor"))
            .findFirst()
            .orElseThrow();
    assertThat(bIv.recall().value()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(bMon.precision().value()).isCloseTo(1.0 / 2, within(1e-12));
    assertThat(bIv.rank()).isZero();
  }

  @Test
  void throughputAndCostComeFromTheTimeLog() {
    VideoLabels v = truthLabelledByA(null);
    TimeLog log =
        TimeLog.of(List.of(new Object[] {"A", "v1", 1200}, new Object[] {"A", "v1", 600}));
    ScorecardRow a =
        Scorecards.compute(List.of(v), log, LOOSE.withHourlyRate(30), ProgressListener.NONE)
            .overall("A");
    assertThat(a.framesPerHour()).isCloseTo(20 / 0.5, within(1e-9)); // 20 frames in 1800 s
    assertThat(a.objectsPerHour()).isCloseTo(4 / 0.5, within(1e-9));
    assertThat(a.costPerVideo()).isCloseTo(0.5 * 30, within(1e-9));
  }

  @Test
  void correctionRateCountsChangedDeletedAndAddedPreAnnotations() {
    List<Detection> pre = new ArrayList<>(truth());
    pre.set(3, d(4, "monitor", 62)); // annotator moved it: IoU 8x10/(200-80) = 2/3 < 0.9
    pre.add(d(9, "iv_pole", 120)); // annotator deleted this false positive
    AnnotationSet model = set("v1", Provenance.model("det", "a".repeat(64), null, ""), pre);
    VideoLabels v = truthLabelledByA(model);
    // 4 matched (1 changed) + 1 deleted + 0 added = 5 pre-annotation objects in play, 2 corrections
    assertThat(
            Scorecards.compute(List.of(v), TimeLog.empty(), LOOSE, ProgressListener.NONE)
                .overall("A")
                .correctionRate())
        .isCloseTo(2.0 / 5, within(1e-12));
  }

  @Test
  void withoutGroundTruthTheConsensusIsTheReference() {
    AnnotationSet a = set("v1", Provenance.annotator("A", null, ""), truth());
    AnnotationSet b = set("v1", Provenance.annotator("B", null, ""), truth());
    AnnotationSet c = set("v1", Provenance.annotator("C", null, ""), sloppy());
    Scorecard s =
        Scorecards.compute(
            List.of(new VideoLabels(null, null, List.of(a, b, c))),
            TimeLog.empty(),
            LOOSE,
            ProgressListener.NONE);
    assertThat(s.referenceKind()).isEqualTo("consensus of the other annotators");
    Scorecard withSelf =
        Scorecards.compute(
            List.of(new VideoLabels(null, null, List.of(a, b, c))),
            TimeLog.empty(),
            LOOSE.withLeaveOneOut(false),
            ProgressListener.NONE);
    assertThat(withSelf.referenceKind()).isEqualTo("consensus");
    // C's own votes count in the full consensus, never in the leave-one-out one
    assertThat(withSelf.overall("C").f1()).isGreaterThanOrEqualTo(s.overall("C").f1());
    assertThat(s.ranking().get(2).annotator()).isEqualTo("C");
    assertThat(s.overall("A").kappaVsOthers()).isLessThan(1.0);
    assertThat(s.overall("A").iouVsOthers()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void smallSamplesAreFlaggedAndNotRanked() {
    VideoLabels v = truthLabelledByA(null);
    Scorecard s =
        Scorecards.compute(
            List.of(v),
            TimeLog.empty(),
            ScorecardOptions.defaults().withBootstrap(new PercentileBootstrap(50, 0.95, 1)),
            ProgressListener.NONE);
    assertThat(s.overall("A").smallSample()).isTrue();
    assertThat(s.overall("A").rank()).isZero();
    assertThat(s.text()).contains("small sample: not ranked");
  }

  @Test
  void oneAnnotatorWithoutReferenceAndMismatchedVideosAreClearErrors() {
    assertThatThrownBy(
            () ->
                new VideoLabels(
                    null, null, List.of(set("v1", Provenance.annotator("A", null, ""), truth()))))
        .hasMessageContaining("has one annotator (A) and no reference");
    assertThatThrownBy(
            () ->
                new VideoLabels(
                    null,
                    null,
                    List.of(
                        set("v1", Provenance.annotator("A", null, ""), truth()),
                        set("v2", Provenance.annotator("B", null, ""), truth()))))
        .hasMessageContaining("different videos (v1 vs v2)");
  }

  @Test
  void csvAndJsonCarryEveryRowWithUndefinedValuesEmptyOrNull() throws Exception {
    Scorecard s = carefulAndSloppy();
    Path csv = dir.resolve("s.csv"), json = dir.resolve("s.json");
    s.write(csv, false);
    s.write(json, true);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(1 + 2 * 3);
    assertThat(lines.get(0).split(",")).hasSize(lines.get(1).split(",", -1).length);
    assertThat(Files.readString(json))
        .startsWith("{\"reference\":\"ground truth\",\"rows\":[{\"annotator\":\"A\"")
        .contains("\"framesPerHour\":null");
  }

  @Test
  void timeLogCsvErrorsNameTheLine() throws Exception {
    Path f =
        Files.writeString(dir.resolve("t.csv"), "annotator,video,seconds\nA,v1,60\nB,v1,abc\n");
    assertThatThrownBy(() -> TimeLog.readCsv(f))
        .hasMessageContaining("line 3")
        .hasMessageContaining("seconds");
    Path ok =
        Files.writeString(dir.resolve("ok.csv"), "annotator,video,seconds\nA,v1,60\nA,v1,30\n");
    assertThat(TimeLog.readCsv(ok).seconds("A", "v1")).isEqualTo(90);
  }
}
