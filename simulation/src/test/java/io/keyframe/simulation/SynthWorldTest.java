package io.keyframe.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.synth.GeneratorSpec;
import io.keyframe.synth.InjectedFault;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynthWorldTest {
  @Test
  void anIdSwapIsOneErrorPerTrackAtTheSwitchFrameAndSpansKeepTheirFrames() {
    List<InjectedError> e =
        SynthWorld.errors(
            List.of(
                new InjectedFault(
                    "annotator-B",
                    InjectedFault.Kind.ID_SWAP,
                    "v",
                    40,
                    99,
                    List.of(3, 5),
                    "after person"),
                new InjectedFault(
                    "annotator-B",
                    InjectedFault.Kind.MISSED,
                    "v",
                    10,
                    19,
                    List.of(2),
                    "span skipped")));
    assertThat(e)
        .containsExactly(
            new InjectedError("id_swap", 3, 40, 40),
            new InjectedError("id_swap", 5, 40, 40),
            new InjectedError("missed", 2, 10, 19));
  }

  @Test
  void theDeliveredAnnotatorComesFirstWithItsOwnFaultsAndATracker() {
    GeneratorSpec spec = GeneratorSpec.of(1, 40, 4, 3);
    SimulatedVideo v =
        SynthWorld.of(spec, 1, true, new ResidualModelErrors(0.3), ProgressListener.NONE).get(0);
    assertThat(v.evidence().annotators()).hasSize(3);
    assertThat(v.evidence().annotators().get(0).provenance().source())
        .isEqualTo(spec.annotators().get(1).name());
    assertThat(v.evidence().tracker()).isNotNull();
    assertThat(v.evidence().predictions().detections()).isNotEmpty();
  }

  @Test
  void anAnnotatorOutsideThePanelIsRefused() {
    assertThatThrownBy(
            () ->
                SynthWorld.of(
                    GeneratorSpec.of(1, 10, 2, 1),
                    7,
                    true,
                    new ResidualModelErrors(0.3),
                    ProgressListener.NONE))
        .hasMessageContaining("not one of the 3 annotators");
  }
}
