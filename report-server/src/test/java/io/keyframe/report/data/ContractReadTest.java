package io.keyframe.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.contract.Column;
import io.keyframe.dataset.contract.ColumnType;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.dataset.contract.TableDef;
import io.keyframe.report.ParquetRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * Pins report-server's reader to the Parquet contract: a file with exactly the contract's Parquet
 * schema (the text spark-jobs' {@code ContractSchemaTest} pins Spark's files to) reads back every
 * column, nested cells included, and a nested column in another layout is refused naming it.
 */
class ContractReadTest {
  @TempDir Path root;

  static Stream<String> tables() {
    return OutputTables.ALL_TABLES.keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("tables")
  void aFileWithTheContractsSchemaReadsBackEveryColumn(String name) throws Exception {
    TableDef def = OutputTables.table(name);
    List<Object> values = new ArrayList<>();
    for (Column c : def.columns()) values.add(sample(c.type()));
    Path run = root.resolve("tables").resolve(name).resolve("run_id=r1");
    Path dir = def.perVideo() ? run.resolve("video_id=v-1") : run;
    Files.createDirectories(dir);
    ParquetRows.write(
        dir.resolve("part-00000.parquet"),
        MessageTypeParser.parseMessageType(def.parquetSchema()),
        List.<Object[]>of(values.toArray()));

    Table t = ParquetTableReader.readRun(def, run);
    assertThat(t.rowCount()).isEqualTo(1);
    assertThat(t.stringColumn(OutputTables.RUN_ID).get(0)).isEqualTo("r1");
    for (int i = 0; i < def.columns().size(); i++) {
      Column c = def.columns().get(i);
      Object cell = t.column(c.name()).get(0);
      if (c.type() instanceof ColumnType.ListOf) {
        List<Map<String, Object>> list = NestedCells.structs((String) cell);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).keySet())
            .containsExactlyElementsOf(
                ((ColumnType.StructOf) ((ColumnType.ListOf) c.type()).element())
                    .fields().stream().map(Column::name).toList());
      } else if (c.type() instanceof ColumnType.MapOf) {
        assertThat(NestedCells.doubles((String) cell)).containsExactly(Map.entry("s", 0.5));
      } else {
        assertThat(cell).as(c.name()).isEqualTo(values.get(i));
      }
    }
  }

  @Test
  void queueObjectsKeepEachIdsOwnLabelAndSource() throws Exception {
    Path run = root.resolve("tables/queue/run_id=r1");
    Files.createDirectories(run);
    ParquetRows.write(
        run.resolve("part-00000.parquet"),
        MessageTypeParser.parseMessageType(OutputTables.QUEUE.parquetSchema()),
        List.<Object[]>of(
            new Object[] {
              1,
              "v",
              3,
              4,
              0.9,
              1.0,
              1.0,
              List.<Object[]>of(new Object[] {"entropy", 0.91}),
              List.<Object[]>of(
                  new Object[] {2, "iv_pole", "tracker"},
                  new Object[] {2, "bedside_table", "gt"},
                  new Object[] {6, "monitor", "gt"})
            }));
    Table q = ParquetTableReader.readRun(OutputTables.QUEUE, run);
    assertThat(NestedCells.structs(q.stringColumn("objects").get(0)))
        .containsExactly(
            Map.of("id", 2, "label", "iv_pole", "source", "tracker"),
            Map.of("id", 2, "label", "bedside_table", "source", "gt"),
            Map.of("id", 6, "label", "monitor", "source", "gt"));
    assertThat(NestedCells.structs(q.stringColumn("reasons").get(0)))
        .containsExactly(Map.of("signal", "entropy", "value", 0.91));
  }

  @Test
  void reasonsWrittenAsAStringTheOldWayAreRefusedNamingTheColumn() throws Exception {
    Path run = root.resolve("tables/queue/run_id=r1");
    Files.createDirectories(run);
    String old =
        OutputTables.QUEUE
            .parquetSchema()
            .replaceAll(
                "(?s)required group reasons \\(LIST\\) \\{.*?\\n  \\}\\n",
                "optional binary reasons (STRING);\n");
    assertThat(old).contains("optional binary reasons (STRING);");
    ParquetRows.write(
        run.resolve("part-00000.parquet"),
        MessageTypeParser.parseMessageType(old),
        List.<Object[]>of(
            new Object[] {1, "v", 3, 4, 0.9, 1.0, 1.0, "entropy=0.91", List.<Object[]>of()}));
    assertThatThrownBy(() -> ParquetTableReader.readRun(OutputTables.QUEUE, run))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("reasons")
        .hasMessageContaining("nested layout");
  }

  private static Object sample(ColumnType t) {
    if (t instanceof ColumnType.ListOf l) {
      ColumnType.StructOf s = (ColumnType.StructOf) l.element();
      return List.<Object[]>of(s.fields().stream().map(f -> sample(f.type())).toArray());
    }
    if (t instanceof ColumnType.MapOf) return Map.of("s", 0.5);
    return switch ((ColumnType.Scalar) t) {
      case STRING -> "s";
      case INT -> 7;
      case LONG -> 8L;
      case DOUBLE -> 0.5;
      case BOOLEAN -> true;
    };
  }
}
