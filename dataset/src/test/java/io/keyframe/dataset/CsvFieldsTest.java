package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CsvFieldsTest {
  private static final Path F = Path.of("r.csv");

  @Test
  void plainFieldsSplitOnCommasAndKeepEmptyOnes() {
    assertThat(CsvFields.split("a,,b,", F, 1)).containsExactly("a", "", "b", "");
    assertThat(CsvFields.split("", F, 1)).containsExactly("");
  }

  @Test
  void quotedFieldsHoldCommasAndDoubledQuotes() {
    // RFC 4180 section 2, rules 6 and 7.
    assertThat(CsvFields.split("1,\"a, b\",\"say \"\"hi\"\"\"", F, 1))
        .containsExactly("1", "a, b", "say \"hi\"");
    assertThat(CsvFields.split("\"\",x", F, 1)).containsExactly("", "x");
  }

  @Test
  void anUnterminatedQuoteNamesLineAndColumn() {
    assertThatThrownBy(() -> CsvFields.split("1,\"B,iv_pole", F, 3))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("r.csv")
        .hasMessageContaining("line 3")
        .hasMessageContaining("column 2")
        .hasMessageContaining("unterminated quote");
  }

  @Test
  void textAfterAClosingQuoteIsRefused() {
    assertThatThrownBy(() -> CsvFields.split("\"a\"b,c", F, 2))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("text after a closing quote");
  }
}
