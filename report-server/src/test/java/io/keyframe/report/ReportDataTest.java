package io.keyframe.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.report.agreement.AgreementView;
import io.keyframe.report.compare.CompareView;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.labelnext.LabelNextView;
import io.keyframe.report.labelnext.QueueFilter;
import io.keyframe.report.overview.OverviewView;
import io.keyframe.scoring.queue.QueueRow;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDataTest {
  @TempDir static Path root;
  static ReportData data;

  @BeforeAll
  static void load() {
    SampleBatch.write(root);
    data = ReportData.load(root);
  }

  @Test
  void picksTheNewestCompleteRunAndIgnoresIncompleteOnes() {
    assertThat(data.runOf("detections")).contains("r2");
    assertThat(data.runOf("queue")).contains("r2");
    assertThat(data.table("detections").stringColumn("video_id").unique().asList())
        .containsExactlyInAnyOrder("vidA", "vidB");
    assertThat(data.runOf("signals")).isEmpty();
    assertThat(data.table("signals").rowCount()).isZero();
  }

  @Test
  void overviewCountsVideosFramesObjectsAndThroughputFromSummedCounts() {
    OverviewView v = OverviewView.of(data);
    assertThat(v.videoCount()).isEqualTo(2);
    assertThat(v.frames()).isEqualTo(5 + 3);
    assertThat(v.detections()).isEqualTo(15 + 3);
    assertThat(v.objects()).isEqualTo(2 + 1);
    assertThat(v.throughput())
        .extracting(OverviewView.JobThroughput::job)
        .containsExactly("agreement", "track");
    assertThat(v.throughput().get(1).framesPerSecond())
        .isCloseTo((5 + 3) / (2.0 + 2.0), within(1e-12));
    assertThat(v.throughput().get(0).framesPerSecond()).isCloseTo(5 / 0.5, within(1e-12));
    assertThat(v.effort()).extracting(e -> e.runId()).containsExactly("r1", "r2");
    assertThat(v.effort().get(0).savedFraction()).isEqualTo(2 / 4.0);
    assertThat(v.effort().get(1).savedFraction()).isCloseTo(12 / 18.0, within(1e-12));
  }

  @Test
  void labelNextFiltersByVideoClassAndSignal() {
    assertThat(LabelNextView.of(data, QueueFilter.NONE).rows())
        .extracting(r -> r.queue().rank())
        .containsExactly(1, 2, 3);
    assertThat(LabelNextView.of(data, new QueueFilter("vidA", null, null)).rows())
        .extracting(r -> r.queue().rank())
        .containsExactly(1, 3);
    assertThat(LabelNextView.of(data, new QueueFilter(null, "monitor", null)).rows())
        .extracting(r -> r.queue().rank())
        .containsExactly(2);
    LabelNextView entropy = LabelNextView.of(data, new QueueFilter(null, null, "entropy"));
    assertThat(entropy.rows()).extracting(r -> r.queue().rank()).containsExactly(1, 3);
    assertThat(entropy.totalMinutes()).isEqualTo(2.5 + 1.0);
    assertThat(entropy.rows().get(0).queue().reasons())
        .containsExactly(
            new QueueRow.Reason("entropy", 0.91), new QueueRow.Reason("occlusion", 1.0));
    assertThat(entropy.rows().get(0).queue().objects())
        .containsExactly(
            new QueueRow.QueueObject(1, "bed_rail", "gt"),
            new QueueRow.QueueObject(2, "iv_pole", "gt"),
            new QueueRow.QueueObject(7, "bed_rail", "sam2"));
    assertThatThrownBy(() -> LabelNextView.of(data, new QueueFilter("nope", null, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void confusionSumsPerVideoRowsAndKappaPivotsPairByClass() {
    AgreementView v = AgreementView.of(data, null, true);
    assertThat(v.pairs()).containsExactly("ann1|ann2");
    assertThat(v.confusion().counts().rowKeys())
        .containsExactly("bed_rail", "iv_pole", AgreementView.ONLY_B);
    assertThat(v.confusion().counts().columnKeys())
        .containsExactly("bed_rail", "iv_pole", AgreementView.MISSED_BY_B);
    // matched counts summed over videos; only-A / only-B counts from the all-videos agreement rows
    assertThat(v.confusion().counts().values())
        .isDeepEqualTo(new double[][] {{8 + 3, 2, 1}, {0, 5, 0}, {2, 1, 0}});
    assertThat(v.confusion().rowShares().values()[0])
        .containsExactly(11 / 14.0, 2 / 14.0, 1 / 14.0);
    assertThat(v.kappaByPairAndLabel().rowKeys()).containsExactly("ann1 vs ann2");
    assertThat(v.kappaByPairAndLabel().columnKeys()).containsExactly("bed_rail", "iv_pole");
    assertThat(v.kappaByPairAndLabel().values()[0]).containsExactly(0.85, 0.60);
    assertThat(v.rows()).hasSize(3);
    assertThat(v.rows().get(0).videoId()).isEqualTo("__all__");
    assertThat(v.timelines())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.idSwitches()).isEqualTo(2);
              assertThat(t.afterOcclusion()).isEqualTo(1);
              assertThat(t.occlusionEvents()).isEqualTo(1);
            });
    assertThat(v.spotCheck()).hasSize(2);
    assertThat(v.audit().runs())
        .extracting(AgreementView.RunEntry::runId)
        .containsExactly("r2", "r1");
    assertThat(v.audit().labelledBy())
        .contains(new AgreementView.LabelledBy("vidA", "gt", 10, 4, 2));
    assertThat(AgreementView.of(data, null, false).audit()).isNull();
  }

  @Test
  void compareListsDeltasAndTheWorstFramesFirst() {
    CompareView v = CompareView.of(data, null);
    assertThat(v.modelA()).isEqualTo("fallback");
    assertThat(v.modelB()).isEqualTo("sam2");
    assertThat(v.rows()).hasSize(4);
    assertThat(v.deltaByMetricAndLabel().rowKeys()).containsExactly("hota", "idf1");
    assertThat(v.deltaByMetricAndLabel().columnKeys()).containsExactly("__all__", "bed_rail");
    assertThat(v.deltaByMetricAndLabel().values()[0]).containsExactly(0.15, 0.20);
    assertThat(v.deltaByMetricAndLabel().values()[1][1]).isNaN();
    assertThat(v.worstFrames())
        .extracting(CompareView.FrameDisagreement::disagreement)
        .containsExactly(0.8, 0.5, 0.3);
    assertThat(
            v.rows().stream()
                .filter(r -> r.metric().equals("idf1"))
                .findFirst()
                .orElseThrow()
                .significant())
        .isFalse();
    assertThat(v.tracking())
        .extracting(CompareView.SourceMetrics::predSource)
        .containsExactly("fallback", "sam2");
  }

  @Test
  void aMissingColumnIsAnErrorNamingTheColumn(@TempDir Path bad) {
    ParquetFixture f = new ParquetFixture(bad);
    f.write(
        "runs",
        "r1",
        null,
        ParquetFixture.rows(
            ParquetFixture.row("track", 1L, 2L, "v", "{}", "{}", "{}", "{}", "sam2")));
    // A throughput table written with the spot_check schema lacks every throughput column.
    java.nio.file.Path dir = bad.resolve("tables/spot_check/run_id=r1");
    f.write("spot_check", "r1", null, ParquetFixture.rows(ParquetFixture.row("v", 1, "x", "y")));
    try {
      java.nio.file.Files.createDirectories(bad.resolve("tables/throughput/run_id=r1/video_id=v"));
      java.nio.file.Files.move(
          dir.resolve("part-00000.parquet"),
          bad.resolve("tables/throughput/run_id=r1/video_id=v/part-00000.parquet"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThatThrownBy(() -> ReportData.load(bad))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("job");
  }
}
