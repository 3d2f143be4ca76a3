package io.keyframe.metrics.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.metrics.RefData;
import io.keyframe.metrics.report.AnnotationAgreementReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackAgreementTest {
  static final Video VIDEO = new Video("v", 10, 200, 100, 2, "v.mp4");
  static final List<String> LABELS = List.of("bed_rail", "iv_pole", "monitor");

  static AnnotationSet annotated(String annotator, Detection... detections) {
    return new AnnotationSet(
        VIDEO, Provenance.annotator(annotator, Instant.EPOCH, "cvat"), LABELS, List.of(detections));
  }

  @Test
  void matchesPerFrameAndScoresMatchedPairs() {
    AnnotationSet a =
        annotated(
            "ann",
            Detection.of(0, 1, "bed_rail", new Box(0, 0, 10, 10)),
            Detection.of(0, 2, "iv_pole", new Box(50, 0, 10, 10)),
            Detection.of(1, 1, "bed_rail", new Box(0, 0, 10, 10)));
    AnnotationSet b =
        annotated(
            "bob",
            Detection.of(0, 7, "bed_rail", new Box(0, 0, 10, 10)),
            Detection.of(0, 8, "monitor", new Box(52, 0, 10, 10)),
            Detection.of(1, 7, "bed_rail", new Box(5, 0, 10, 10)),
            Detection.of(1, 9, "monitor", new Box(150, 50, 10, 10)));
    TrackAgreement t = TrackAgreement.of(a, b, 0.5);
    // Frame 0: IoU 1 and 80/120; frame 1: IoU 50/150 < 0.5, so nothing matches.
    assertThat(t.matched()).isEqualTo(2);
    assertThat(t.unmatchedA()).isEqualTo(1);
    assertThat(t.unmatchedB()).isEqualTo(2);
    assertThat(t.meanBoxIou()).isCloseTo((1 + 80.0 / 120) / 2, within(1e-12));
    assertThat(t.meanMaskIou()).isNaN();
    // Pairs (bed_rail, bed_rail), (iv_pole, monitor): po = 1/2, pe = 1/4, kappa = 1/3.
    assertThat(t.classKappa().value()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(t.perObject())
        .containsExactly(
            new TrackAgreement.ObjectAgreement(1, "bed_rail", 2, 1, 1.0, 7),
            new TrackAgreement.ObjectAgreement(2, "iv_pole", 1, 1, 80.0 / 120, 8));
    assertThat(t.perFrame().get(1))
        .isEqualTo(new TrackAgreement.FrameAgreement(1, 0, 1, 2, Double.NaN));
  }

  @Test
  void savMaskletReportListsMatchedAndUnmatched() throws Exception {
    var sav = RefData.root().resolve("sav");
    AnnotationAgreementReport r =
        AnnotationAgreementReport.of(
            List.of(sav.resolve("sav_000001_manual.json"), sav.resolve("sav_000001_auto.json")));
    assertThat(r.maskletPairs()).hasSize(1);
    String text = r.toText();
    assertThat(text)
        .contains("1 masklets matched")
        .contains("unmatched in sav_000001_manual.json: [0, 2, 3, 4]");
    assertThat(r.toJson()).contains("\"unmatched_other\" : [ 0, 1, 2, 4, 5, 6, 7, 8 ]");
  }
}
