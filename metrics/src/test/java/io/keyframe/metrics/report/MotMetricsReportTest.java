package io.keyframe.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.metrics.RefData;
import io.keyframe.metrics.tracking.ScopeCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TUD-Campus read with dataset's MOT reader, end to end, against the py-motmetrics/TrackEval values
 * in refdata.
 */
class MotMetricsReportTest {
  static ScopeCounts tudCampus() throws Exception {
    Path dir = RefData.root().resolve("motchallenge/TUD-Campus");
    AnnotationSet gt = AnnotationFiles.read(dir.resolve("gt.txt"), AnnotationFormat.parse("mot"));
    AnnotationSet pred =
        AnnotationFiles.read(dir.resolve("test.txt"), AnnotationFormat.parse("mot"));
    return TrackingEvaluation.standard().evaluate(gt, pred);
  }

  @Test
  void jsonCarriesReferenceValuesUnderPyMotmetricsNames() throws Exception {
    MotMetricsReport report = MotMetricsReport.of(List.of(tudCampus()));
    JsonNode o = new ObjectMapper().readTree(report.toJson()).get("overall");
    assertThat(o.get("mota").asDouble()).isCloseTo(0.526462, within(1e-6));
    assertThat(o.get("motp").asDouble()).isCloseTo(0.277201, within(1e-6));
    assertThat(o.get("idf1").asDouble()).isCloseTo(0.557659, within(1e-6));
    assertThat(o.get("num_switches").asInt()).isEqualTo(7);
    assertThat(o.get("num_fragmentations").asInt()).isEqualTo(7);
    assertThat(o.get("hota").asDouble()).isCloseTo(0.391397, within(1e-6));
    assertThat(o.get("deta").asDouble()).isCloseTo(0.418047, within(1e-6));
    assertThat(o.get("assa").asDouble()).isCloseTo(0.369121, within(1e-6));
  }

  @Test
  void textIsTheMotChallengeTable() throws Exception {
    ScopeCounts r = tudCampus();
    String text = MotMetricsReport.of(List.of(r, r.plus(ScopeCounts.empty("x"), "copy"))).toText();
    String[] lines = text.split("\n");
    assertThat(lines[0].trim().split("\\s+"))
        .startsWith(
            "IDF1", "IDP", "IDR", "Rcll", "Prcn", "GT", "MT", "PT", "ML", "FP", "FN", "IDs", "FM",
            "MOTA", "MOTP");
    assertThat(lines).hasSize(4);
    assertThat(lines[3]).startsWith("OVERALL");
    // py-motmetrics' formats: percentages with one decimal, MOTP with three.
    assertThat(lines[1]).contains("55.8%").contains("52.6%").contains("0.277");
  }

  @Test
  void emptyPredictionsAreAllMisses() throws Exception {
    Path dir = RefData.root().resolve("motchallenge/TUD-Campus");
    AnnotationSet gt = AnnotationFiles.read(dir.resolve("gt.txt"), AnnotationFormat.parse("mot"));
    ScopeCounts r = TrackingEvaluation.standard().evaluate(gt, gt.withDetections(List.of()));
    assertThat(r.clear().misses()).isEqualTo(359);
    assertThat(r.clear().mota()).isEqualTo(0.0);
    assertThat(r.clear().motp()).isNaN();
    assertThat(r.identity().idfn()).isEqualTo(359);
    assertThat(r.hota().hota()).isEqualTo(0.0);
    JsonNode o =
        new ObjectMapper().readTree(MotMetricsReport.of(List.of(r)).toJson()).get("overall");
    assertThat(o.get("motp").isNull()).isTrue();
  }
}
