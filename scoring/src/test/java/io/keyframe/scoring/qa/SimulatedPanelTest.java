package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.synth.ClinicVideoGenerator;
import io.keyframe.synth.GeneratedVideo;
import io.keyframe.synth.GeneratorSpec;
import io.keyframe.synth.InjectedFault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On generated clinic videos with five simulated annotators (A careful, B-D typical, E the
 * generator's deliberately sloppy one): the consensus is closer to the ground truth than any single
 * annotator, and the scorecard ranks the sloppy annotator last.
 */
class SimulatedPanelTest {
  static final ScorecardOptions OPTIONS =
      ScorecardOptions.defaults().withBootstrap(new PercentileBootstrap(200, 0.95, 7));
  static List<GeneratedVideo> videos;
  static final String SLOPPY = "annotator-E";

  @BeforeAll
  static void generate() {
    videos =
        new ClinicVideoGenerator(GeneratorSpec.of(6, 150, 8, 11).withAnnotators(5)).generateAll();
  }

  @Test
  void theGeneratorReallyMadeTheLastAnnotatorSloppy() {
    long sloppy = videos.stream().flatMap(v -> v.faultsOf(SLOPPY).stream()).count();
    long careful = videos.stream().flatMap(v -> v.faultsOf("annotator-A").stream()).count();
    System.out.println(
        "injected faults of "
            + SLOPPY
            + ": "
            + videos.stream()
                .flatMap(v -> v.faultsOf(SLOPPY).stream())
                .collect(
                    java.util.stream.Collectors.groupingBy(
                        InjectedFault::kind,
                        java.util.TreeMap::new,
                        java.util.stream.Collectors.counting())));
    assertThat(sloppy).isGreaterThan(careful);
    assertThat(
            videos.stream()
                .flatMap(v -> v.faultsOf(SLOPPY).stream())
                .map(InjectedFault::kind)
                .distinct()
                .count())
        .isGreaterThan(1);
  }

  @Test
  void consensusBeatsEverySingleAnnotatorAgainstGroundTruth() {
    ConsensusOptions.BoxFusion fusion = ConsensusOptions.defaults().boxFusion();
    List<VideoLabels> individual = new ArrayList<>(), merged = new ArrayList<>();
    for (GeneratedVideo v : videos) {
      individual.add(new VideoLabels(v.groundTruth(), null, v.annotators()));
      AnnotationSet consensus =
          ConsensusMerger.merge(v.annotators(), ConsensusOptions.defaults().withBoxFusion(fusion))
              .merged();
      merged.add(new VideoLabels(v.groundTruth(), null, List.of(consensus)));
    }
    Scorecard each =
        Scorecards.compute(individual, TimeLog.empty(), OPTIONS, ProgressListener.NONE);
    ScorecardRow cons =
        Scorecards.compute(merged, TimeLog.empty(), OPTIONS, ProgressListener.NONE)
            .ranking()
            .get(0);
    System.out.printf(
        "%-22s vs ground truth: HOTA %s F1 %.4f IDSW %d%n",
        "consensus (" + fusion + " box)", cons.hota().format(), cons.f1(), cons.idSwitches());
    for (ScorecardRow r : each.ranking())
      System.out.printf(
          "%-22s vs ground truth: HOTA %s F1 %.4f IDSW %d%n",
          r.annotator(), r.hota().format(), r.f1(), r.idSwitches());
    for (ScorecardRow r : each.ranking()) {
      assertThat(cons.hota().value())
          .as("consensus HOTA vs %s", r.annotator())
          .isGreaterThan(r.hota().value());
      assertThat(cons.f1()).as("consensus F1 vs %s", r.annotator()).isGreaterThanOrEqualTo(r.f1());
    }
  }

  private static ScorecardRow consensusVsGroundTruth(ConsensusOptions.BoxFusion fusion) {
    List<VideoLabels> merged = new ArrayList<>();
    for (GeneratedVideo v : videos)
      merged.add(
          new VideoLabels(
              v.groundTruth(),
              null,
              List.of(
                  ConsensusMerger.merge(
                          v.annotators(), ConsensusOptions.defaults().withBoxFusion(fusion))
                      .merged())));
    return Scorecards.compute(merged, TimeLog.empty(), OPTIONS, ProgressListener.NONE)
        .ranking()
        .get(0);
  }

  @Test
  void theMedianBoxResistsTheSloppyAnnotatorsJitterBetterThanTheMean() {
    ScorecardRow mean = consensusVsGroundTruth(ConsensusOptions.BoxFusion.MEAN);
    ScorecardRow median = consensusVsGroundTruth(ConsensusOptions.BoxFusion.MEDIAN);
    System.out.printf(
        "consensus HOTA vs ground truth: mean box %s, median box %s%n",
        mean.hota().format(), median.hota().format());
    assertThat(median.hota().value()).isGreaterThan(mean.hota().value());
  }

  @Test
  void scorecardRanksTheSloppyAnnotatorLastWithGroundTruthAndWithConsensusAsReference() {
    List<VideoLabels> withGt = new ArrayList<>(), withoutGt = new ArrayList<>();
    for (GeneratedVideo v : videos) {
      withGt.add(new VideoLabels(v.groundTruth(), v.model(), v.annotators()));
      withoutGt.add(new VideoLabels(null, v.model(), v.annotators()));
    }
    Scorecard gt = Scorecards.compute(withGt, TimeLog.empty(), OPTIONS, ProgressListener.NONE);
    Scorecard cons = Scorecards.compute(withoutGt, TimeLog.empty(), OPTIONS, ProgressListener.NONE);
    System.out.print(gt.text());
    assertThat(gt.ranking()).allSatisfy(r -> assertThat(r.smallSample()).isFalse());
    assertThat(gt.ranking().get(gt.ranking().size() - 1).annotator()).isEqualTo(SLOPPY);
    assertThat(cons.ranking().get(cons.ranking().size() - 1).annotator()).isEqualTo(SLOPPY);
    assertThat(gt.overall(SLOPPY).iouVsConsensus().value())
        .isLessThan(gt.overall("annotator-A").iouVsConsensus().value());
  }
}
