package io.keyframe.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static final GeneratorSpec SPEC = GeneratorSpec.of(2, 90, 10, 42);

  @Test
  void theSameSpecGivesIdenticalVideos() {
    GeneratedVideo a = new ClinicVideoGenerator(SPEC).generate(1);
    GeneratedVideo b = new ClinicVideoGenerator(SPEC).generate(1);
    assertThat(b.groundTruth()).isEqualTo(a.groundTruth());
    assertThat(b.occlusions()).isEqualTo(a.occlusions());
    assertThat(b.annotators()).isEqualTo(a.annotators());
    assertThat(b.model()).isEqualTo(a.model());
    assertThat(b.faults()).isEqualTo(a.faults());
    int[] pa = a.renderer().render(60).getRGB(0, 0, 640, 360, null, 0, 640);
    int[] pb = b.renderer().render(60).getRGB(0, 0, 640, 360, null, 0, 640);
    assertThat(pb).isEqualTo(pa);
  }

  @Test
  void anotherSeedGivesAnotherVideo() {
    GeneratedVideo a = new ClinicVideoGenerator(SPEC).generate(0);
    GeneratedVideo b = new ClinicVideoGenerator(GeneratorSpec.of(2, 90, 10, 43)).generate(0);
    assertThat(b.groundTruth().detections()).isNotEqualTo(a.groundTruth().detections());
  }

  @Test
  void aVideoDoesNotDependOnHowManyVideosAreMade() {
    GeneratedVideo a = new ClinicVideoGenerator(SPEC).generate(1);
    GeneratedVideo b = new ClinicVideoGenerator(GeneratorSpec.of(5, 90, 10, 42)).generate(1);
    assertThat(b.groundTruth()).isEqualTo(a.groundTruth());
    assertThat(b.faults()).isEqualTo(a.faults());
  }

  @Test
  void addingAnAnnotatorChangesNeitherTheTruthNorTheOthers() {
    GeneratedVideo three = new ClinicVideoGenerator(SPEC).generate(0);
    GeneratedVideo four = new ClinicVideoGenerator(SPEC.withAnnotators(4)).generate(0);
    assertThat(four.groundTruth()).isEqualTo(three.groundTruth());
    assertThat(four.annotators().get(0)).isEqualTo(three.annotators().get(0));
    assertThat(four.model()).isEqualTo(three.model());
    assertThat(four.annotators()).hasSize(4);
  }

  @Test
  void fiftyObjectsInstanceEveryClass() {
    GeneratedVideo v = new ClinicVideoGenerator(GeneratorSpec.of(1, 30, 55, 1)).generate(0);
    assertThat(v.groundTruth().tracks()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(v.groundTruth().tracks().stream().map(t -> t.label()).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(ObjectClass.labels());
    assertThat(List.of(v.annotators().size())).containsExactly(3);
  }
}
