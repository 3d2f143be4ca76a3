package io.keyframe.scoring.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.scoring.queue.Budget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShareTest {
  @ParameterizedTest
  @CsvSource({
    "10%, 0.1",
    "0.1, 0.1",
    "12.5 %, 0.125",
    "100%, 1",
    "1, 1",
    "0, 0",
    "0%, 0",
    "0.25, 0.25",
    " 5% , 0.05"
  })
  void percentagesAndFractionsMeanTheSameShare(String text, double expected) {
    assertThat(Share.parse(text, "--rate").value()).isCloseTo(expected, within(1e-12));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10", "1.5", "100"})
  void aBareNumberAboveOneIsAmbiguousAndRefusedWithBothSpellings(String text) {
    assertThatThrownBy(() -> Share.parse(text, "--budget"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--budget '" + text + "' is ambiguous")
        .hasMessageContaining(text + "%");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ten", "", "-0.1", "101%", "NaN"})
  void otherTextIsRefusedNamingTheOption(String text) {
    assertThatThrownBy(() -> Share.parse(text, "--overlap"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--overlap");
  }

  @ParameterizedTest
  @CsvSource({"10%, 0.1", "0.1, 0.1"})
  void budgetsReadSharesTheSameWay(String text, double expected) {
    assertThat(Budget.parse(text).fraction()).isCloseTo(expected, within(1e-12));
    assertThatThrownBy(() -> Budget.parse("10")).hasMessageContaining("ambiguous");
  }

  @org.junit.jupiter.api.Test
  void percentPrintsWithoutTrailingZeros() {
    assertThat(new Share(0.125).percent()).isEqualTo("12.5%");
    assertThat(new Share(0.1).percent()).isEqualTo("10%");
  }
}
