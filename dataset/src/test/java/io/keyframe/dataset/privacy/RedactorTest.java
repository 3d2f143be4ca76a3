package io.keyframe.dataset.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  final Pseudonymiser p = new Pseudonymiser(PseudonymKey.of(PseudonymiserTest.KEY));
  final Redactor r = new Redactor(p);

  AnnotationSet set(Provenance prov) {
    Video v = new Video("MRN-004711_icu3", 30, 640, 480, 10, "/data/icu/MRN-004711_icu3.mp4");
    return new AnnotationSet(
        v, prov, List.of("iv_pole"), List.of(Detection.of(0, 1, "iv_pole", new Box(1, 2, 3, 4))));
  }

  @Test
  void redactedSetHasPseudonymousVideoNoPathAndPseudonymousAnnotatorButSameLabels() {
    AnnotationSet in = set(Provenance.annotator("Alice Smith", Instant.EPOCH, "cvat"));
    AnnotationSet out = r.redact(in);
    assertThat(out.video().id()).isEqualTo(p.video("MRN-004711_icu3"));
    assertThat(out.video().sourcePath()).isEmpty();
    assertThat(out.provenance().source()).isEqualTo(p.annotator("Alice Smith"));
    assertThat(out.detections()).isEqualTo(in.detections());
    assertThat(out.toString()).doesNotContain("MRN", "Alice", "/data");
  }

  @Test
  void redactingTwiceIsRedactingOnce() {
    AnnotationSet once = r.redact(set(Provenance.annotator("Alice Smith", Instant.EPOCH, "cvat")));
    assertThat(r.redact(once)).isEqualTo(once);
  }

  @Test
  void modelNamesAreKept() {
    AnnotationSet out =
        r.redact(set(Provenance.model("sam2-tiny", "a".repeat(64), Instant.EPOCH, "keyframe")));
    assertThat(out.provenance().source()).isEqualTo("sam2-tiny");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/data/a.mp4",
        "C:\\videos\\x",
        "~/clips",
        "room3.MP4",
        "labels.xml",
        "relative/dir"
      })
  void pathLikeParameterValuesAreReplaced(String value) {
    assertThat(Redactor.parameters(Map.of("in", value)))
        .containsEntry("in", Redactor.PATH_PLACEHOLDER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.2", "42", "A,B,C", "iou=0.5", "vid-3f9a2c1b"})
  void otherParameterValuesAreKept(String value) {
    assertThat(Redactor.parameters(Map.of("k", value))).containsEntry("k", value);
  }
}
