package io.keyframe.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Specs at the edges still give valid, in-frame ground truth. */
class OddSpecsTest {

  static List<GeneratorSpec> specs() {
    return List.of(
        GeneratorSpec.of(1, 1, 1, 0),
        GeneratorSpec.of(1, 40, 3, -5).withFormat(64, 64, 30),
        GeneratorSpec.of(1, 20, 120, 8),
        GeneratorSpec.of(1, 60, 6, 3).withFormat(1280, 720, 7.5).withTraffic(0, 0),
        GeneratorSpec.of(1, 50, 5, 4).withAnnotators(2).withTraffic(120, 60));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void groundTruthStaysInTheFrame(GeneratorSpec spec) {
    GeneratedVideo v = new ClinicVideoGenerator(spec).generate(0);
    assertThat(v.annotators()).hasSize(spec.annotators().size());
    for (Detection d : v.groundTruth().detections()) {
      assertThat(d.box().x()).isBetween(0.0, (double) spec.width());
      assertThat(d.box().x2()).isLessThanOrEqualTo(spec.width());
      assertThat(d.box().y2()).isLessThanOrEqualTo(spec.height());
      assertThat(d.mask().height()).isEqualTo(spec.height());
      assertThat(d.mask().width()).isEqualTo(spec.width());
    }
    for (Detection d : v.model().detections()) {
      assertThat(d.box().x()).isGreaterThanOrEqualTo(0);
      assertThat(d.box().x2()).isLessThanOrEqualTo(spec.width() + 1e-9);
    }
  }

  @Test
  void badSpecsAreRejected() {
    assertThatThrownBy(() -> GeneratorSpec.of(0, 10, 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratorSpec.of(1, 10, 10, 1).withAnnotators(1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratorSpec.of(1, 10, 10, 1).withFormat(32, 32, 15))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnnotatorProfile("a b", 0, 1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
