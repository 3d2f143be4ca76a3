package io.keyframe.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableRecordsTest {
  record Row(String videoId, int nUnmatchedA, long endedAt, double ciLo, boolean keyframe) {}

  record Unreadable(String videoId, List<String> labels) {}

  private static Table table() {
    DoubleColumn ciLo = DoubleColumn.create("ci_lo", 0.25);
    ciLo.appendMissing();
    return Table.create(
        "t",
        StringColumn.create("video_id", "vidA", "vidB"),
        IntColumn.create("n_unmatched_a", 3, 0),
        LongColumn.create("ended_at", 2_000L, 7L),
        ciLo,
        BooleanColumn.create("keyframe", true, false),
        StringColumn.create("run_id", "r1", "r1"));
  }

  @Test
  void eachComponentReadsTheColumnOfItsSnakeCaseName() {
    assertThat(TableRecords.read(table(), Row.class))
        .containsExactly(
            new Row("vidA", 3, 2_000L, 0.25, true), new Row("vidB", 0, 7L, Double.NaN, false));
  }

  @Test
  void camelCaseBecomesSnakeCase() {
    assertThat(TableRecords.columnName("nUnmatchedA")).isEqualTo("n_unmatched_a");
    assertThat(TableRecords.columnName("ciLo")).isEqualTo("ci_lo");
    assertThat(TableRecords.columnName("idf1")).isEqualTo("idf1");
    assertThat(TableRecords.columnName("rowCountsJson")).isEqualTo("row_counts_json");
  }

  @Test
  void aComponentWithoutItsColumnIsNamedInTheError() {
    record Missing(String videoId, double kappaHi) {}
    assertThatThrownBy(() -> TableRecords.read(table(), Missing.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing.kappaHi: table t has no column kappa_hi");
  }

  @Test
  void aComponentOfAnUnreadableTypeIsNamedInTheError() {
    assertThatThrownBy(() -> TableRecords.read(table(), Unreadable.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unreadable.labels: no table cell reads as List");
  }

  @Test
  void anEmptyTableGivesNoRecords() {
    assertThat(TableRecords.read(table().emptyCopy(), Row.class)).isEmpty();
  }
}
