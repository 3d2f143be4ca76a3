package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.audit.AuditEvent;
import io.keyframe.dataset.audit.AuditLog;
import io.keyframe.dataset.audit.AuditVerifier;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.synth.ClinicVideoGenerator;
import io.keyframe.synth.GeneratedBatchWriter;
import io.keyframe.synth.GeneratorSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QA workflow end to end on files, as the CLI runs it: a generated batch on disk (the layout of
 * data-samples/), assignment plan, expert-review list, consensus, scorecards, audit trail.
 */
class QaWorkflowTest {
  @TempDir static Path batch;
  @TempDir Path out;
  static List<VideoLabels> videos;

  @BeforeAll
  static void writeBatch() throws Exception {
    new GeneratedBatchWriter(batch, GeneratedBatchWriter.Options.defaults())
        .write(new ClinicVideoGenerator(GeneratorSpec.of(3, 90, 8, 5)), ProgressListener.NONE);
    videos = QaInputs.read(batch, true);
  }

  @Test
  void inputsAreFoundByRoleWithAnnotatorNamesFromTheFiles() {
    assertThat(videos).hasSize(3);
    for (VideoLabels v : videos) {
      assertThat(v.reference()).isNotNull();
      assertThat(v.preAnnotation()).isNotNull();
      assertThat(v.annotators())
          .extracting(s -> s.provenance().source())
          .containsExactly("annotator-A", "annotator-B", "annotator-C");
    }
  }

  @Test
  void planReviewConsensusScorecardAndAuditRunOnTheFiles() throws Exception {
    AuditLog audit = new AuditLog(out.resolve("audit.jsonl"));
    List<WorkItem> items = videos.stream().map(v -> WorkItem.video(v.videoId())).toList();
    AssignmentPlan plan =
        AssignmentPlanner.plan(
            new AssignmentOptions(
                items, List.of("annotator-A", "annotator-B", "annotator-C"), 1.0, 3));
    Path planCsv = out.resolve("plan.csv");
    plan.writeCsv(planCsv);
    audit.append(
        AuditEvent.command(
            "op",
            "assign",
            Map.of("overlap", "1.0", "seed", "3"),
            Map.of(),
            Map.ofEntries(AuditEvent.file("plan", planCsv))));

    // each overlap item's two annotators submit what the generator made them label
    List<AnnotationSet> submissions = new ArrayList<>();
    for (Assignment a : plan.assignments())
      for (VideoLabels v : videos)
        if (v.videoId().equals(a.item().video()))
          for (AnnotationSet s : v.annotators())
            if (a.annotators().contains(s.provenance().source())) submissions.add(s);
    List<ReviewItem> review =
        ReviewList.of(
            AssignmentPlan.readCsv(planCsv, plan.annotators()),
            submissions,
            ReviewThresholds.defaults());
    review.forEach(r -> System.out.println("expert review: " + r.csvRow()));
    for (ReviewItem r : review)
      assertThat(plan.overlapItems())
          .anySatisfy(
              a -> {
                assertThat(a.item()).isEqualTo(r.item());
                assertThat(a.annotators()).isEqualTo(r.annotators());
              });

    ConsensusResult c =
        ConsensusMerger.merge(videos.get(0).annotators(), ConsensusOptions.defaults());
    c.writeProvenanceCsv(out.resolve("consensus-provenance.csv"));
    assertThat(Files.readAllLines(out.resolve("consensus-provenance.csv"))).hasSizeGreaterThan(100);
    assertThat(c.merged().provenance().source())
        .isEqualTo("consensus(annotator-A+annotator-B+annotator-C)");

    Scorecard s =
        Scorecards.compute(
            videos,
            TimeLog.empty(),
            ScorecardOptions.defaults().withBootstrap(new PercentileBootstrap(100, 0.95, 1)),
            ProgressListener.NONE);
    s.write(out.resolve("scorecard.json"), true);
    assertThat(s.ranking().get(s.ranking().size() - 1).annotator())
        .isEqualTo("annotator-C"); // the sloppy one
    audit.append(
        AuditEvent.command(
            "op",
            "scorecard",
            Map.of(),
            Map.of(),
            Map.ofEntries(AuditEvent.file("scorecard", out.resolve("scorecard.json")))));

    assertThat(AuditVerifier.verify(audit.file()).ok()).isTrue();
    assertThat(Files.readString(audit.file())).doesNotContain(out.toString(), batch.toString());
  }

  @Test
  void aFolderWithoutAnnotationsAndAVideoWithOneAnnotatorAndNoReferenceAreClearErrors()
      throws Exception {
    assertThatThrownBy(() -> QaInputs.read(out, true)).hasMessageContaining("no annotation files");
    Path one = Files.createDirectories(out.resolve("one"));
    Path src = Files.list(batch).filter(Files::isDirectory).findFirst().orElseThrow();
    Files.copy(src.resolve("annotator-A.cvat.xml"), one.resolve("annotator-A.cvat.xml"));
    assertThatThrownBy(() -> QaInputs.read(out, true))
        .hasMessageContaining("has one annotator (annotator-A) and no reference");
  }
}
