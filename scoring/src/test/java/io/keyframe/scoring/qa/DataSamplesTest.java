package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scorecards and consensus on the committed data-samples/ batch (A careful, C sloppy). */
class DataSamplesTest {
  @Test
  void sloppyAnnotatorIsRankedLastAndConsensusBeatsEachAnnotatorOnDataSamples() throws Exception {
    Path samples = Path.of(System.getProperty("keyframe.root", ".")).resolve("data-samples");
    assumeTrue(Files.isDirectory(samples), "data-samples/ is not in this checkout");
    ScorecardOptions o =
        ScorecardOptions.defaults()
            .withMinimums(2, 100)
            .withBootstrap(new PercentileBootstrap(200, 0.95, 1));
    List<VideoLabels> videos = QaInputs.read(samples, true);
    Scorecard s = Scorecards.compute(videos, TimeLog.empty(), o, ProgressListener.NONE);
    System.out.print(s.text());
    assertThat(s.ranking().get(s.ranking().size() - 1).annotator()).isEqualTo("annotator-C");

    List<VideoLabels> merged =
        videos.stream()
            .map(
                v ->
                    new VideoLabels(
                        v.reference(),
                        null,
                        List.of(
                            ConsensusMerger.merge(v.annotators(), ConsensusOptions.defaults())
                                .merged())))
            .toList();
    ScorecardRow cons =
        Scorecards.compute(merged, TimeLog.empty(), o, ProgressListener.NONE).ranking().get(0);
    System.out.printf(
        "data-samples consensus vs ground truth: HOTA %s F1 %.4f%n",
        cons.hota().format(), cons.f1());
    for (ScorecardRow r : s.ranking())
      System.out.printf(
          "data-samples %s vs ground truth: HOTA %s F1 %.4f%n",
          r.annotator(), r.hota().format(), r.f1());
    for (ScorecardRow r : s.ranking())
      assertThat(cons.hota().value())
          .as("consensus vs %s", r.annotator())
          .isGreaterThan(r.hota().value());
  }
}
