package io.keyframe.tracker.sam2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Sam2DeviceTest {
  @ParameterizedTest
  @CsvSource({
    "cpu,-1,cpu",
    "CPU,-1,cpu",
    "cuda,0,cuda:0",
    "cuda:0,0,cuda:0",
    "cuda:3,3,cuda:3",
    "' Cuda:12 ',12,cuda:12"
  })
  void parsesTheThreeFormsAndWritesThemBack(String text, int gpu, String canonical) {
    Sam2Device d = Sam2Device.parse(text);
    assertThat(d.gpu()).isEqualTo(gpu);
    assertThat(d.isCuda()).isEqualTo(gpu >= 0);
    assertThat(d.toString()).isEqualTo(canonical);
    assertThat(Sam2Device.parse(d.toString())).isEqualTo(d);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "gpu",
        "cuda:",
        "cuda:-1",
        "cuda:x",
        "cuda:1.5",
        "cuda 1",
        "cpu:0",
        "cuda:99999"
      })
  void anythingElseIsRefusedNamingTheAcceptedForms(String text) {
    assertThatThrownBy(() -> Sam2Device.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cpu, cuda or cuda:N")
        .hasMessageContaining("'" + text + "'");
  }
}
