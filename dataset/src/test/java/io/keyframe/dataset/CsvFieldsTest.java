package io.keyframe.dataset;

import static io.keyframe.dataset.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

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
    assertRefused(
        () -> CsvFields.split("1,\"B,iv_pole", F, 3),
        "r.csv",
        "line 3",
        "column 2",
        "unterminated quote");
  }

  @Test
  void textAfterAClosingQuoteIsRefused() {
    assertRefused(() -> CsvFields.split("\"a\"b,c", F, 2), "text after a closing quote");
  }
}
