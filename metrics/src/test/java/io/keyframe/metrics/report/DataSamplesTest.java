package io.keyframe.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.OcclusionFiles;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.metrics.occlusion.OcclusionAwareErrors;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.metrics.tracking.ScopeCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed data-samples batch: its faults.json records what the generator injected, e.g.
 * annotator-A swaps the IDs of tracks 5 and 12 from frame 232 of clinic-s7-v00, right after a
 * person occlusion that ends at frame 231.
 */
class DataSamplesTest {
  static Path video(String name) {
    return Path.of(System.getProperty("keyframe.root", "..")).resolve("data-samples").resolve(name);
  }

  @Test
  void injectedIdSwapAfterOcclusionShowsUpAsOcclusionRelatedSwitches() throws Exception {
    Path v = video("clinic-s7-v00");
    AnnotationSet gt = AnnotationFiles.read(v.resolve("gt.mot.txt"));
    AnnotationSet a = AnnotationFiles.read(v.resolve("annotator-A.cvat.xml"));
    List<OcclusionEvent> events = OcclusionFiles.read(v.resolve("occlusions.json"));
    TrackingSequence seq =
        TrackingSequence.of(gt, a, TrackingSequence.Similarity.BOX_IOU, d -> true);
    OcclusionAwareErrors errors = OcclusionAwareErrors.of(seq, 0.5, events, 5);
    assertThat(errors.errors())
        .extracting(
            OcclusionAwareErrors.Error::kind,
            OcclusionAwareErrors.Error::frame,
            OcclusionAwareErrors.Error::gtTrackId,
            OcclusionAwareErrors.Error::nearOcclusion)
        .contains(tuple("switch", 232, 5, true), tuple("switch", 232, 12, true));
    assertThat(errors.switchesNearOcclusion())
        .isGreaterThanOrEqualTo(2)
        .isLessThanOrEqualTo(errors.switches());
  }

  @Test
  void motMetricsRunOnTheBatch() throws Exception {
    TrackingEvaluation eval = TrackingEvaluation.standard();
    List<ScopeCounts> rows = new java.util.ArrayList<>();
    for (String name : List.of("clinic-s7-v00", "clinic-s7-v01")) {
      ScopeCounts r =
          eval.evaluate(
              AnnotationFiles.read(video(name).resolve("gt.mot.txt")),
              AnnotationFiles.read(video(name).resolve("annotator-C.cvat.xml")));
      rows.add(new ScopeCounts(name, r.clear(), r.identity(), r.hota()));
    }
    MotMetricsReport report = MotMetricsReport.of(rows);
    assertThat(report.overall().clear().objects())
        .isEqualTo(rows.get(0).clear().objects() + rows.get(1).clear().objects());
    assertThat(report.overall().hota().hota()).isBetween(0.0, 1.0);
    assertThat(report.toText()).contains("clinic-s7-v00").contains("OVERALL");
  }

  @Test
  void annotatorAgreementRunsOnCvatFiles() throws Exception {
    Path v = video("clinic-s7-v00");
    AnnotationAgreementReport r =
        AnnotationAgreementReport.of(
            List.of(v.resolve("annotator-A.cvat.xml"), v.resolve("annotator-B.cvat.xml")));
    assertThat(r.trackPairs()).hasSize(1);
    assertThat(r.trackPairs().get(0).matched()).isPositive();
    // annotator-B labels track 4 with the wrong class for the whole video: class agreement is not
    // perfect.
    assertThat(r.trackPairs().get(0).classKappa().value()).isLessThan(1.0);
    assertThat(r.toText()).contains("class kappa");
  }
}
