package io.keyframe.spark.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.contract.Column;
import io.keyframe.dataset.contract.ColumnType;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins spark-jobs to the Parquet contract: every table, written through the jobs' own writer, has
 * exactly the contract's Parquet schema in its files (report-server's {@code ContractReadTest} pins
 * the reader to the same text), and nested values come back as written.
 */
class ContractSchemaTest {
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path out;

  @Test
  void everyContractTableHasASparkTableAndNoOtherExists() {
    assertThat(Stream.of(Table.values()).map(Table::folder))
        .containsExactlyElementsOf(OutputTables.ALL_TABLES.keySet());
  }

  @ParameterizedTest
  @EnumSource(Table.class)
  void filesWrittenByTheJobsWriterHaveTheContractsParquetSchema(Table table) throws IOException {
    List<Object> values = new ArrayList<>();
    for (Column c : table.def().columns()) values.add(sample(c.type()));
    if (table.def().perVideo()) values.add("v-1");
    StagedTableWriter w = StagedTableWriter.open(spark, out.toString(), "r1");
    w.stage(
        table,
        spark.createDataFrame(List.of(RowFactory.create(values.toArray())), table.frameSchema()));
    w.commit();

    Path dir =
        out.resolve(
            "tables/"
                + table.folder()
                + "/run_id=r1"
                + (table.def().perVideo() ? "/video_id=v-1" : ""));
    Path file = dir.resolve("part-00000.parquet");
    try (ParquetFileReader reader = ParquetFiles.open(file)) {
      MessageType written = reader.getFooter().getFileMetaData().getSchema();
      MessageType contract = MessageTypeParser.parseMessageType(table.def().parquetSchema());
      assertThat(new MessageType(contract.getName(), written.getFields()).toString())
          .isEqualTo(contract.toString());
    }
    Row back = spark.read().parquet(dir.toString()).collectAsList().get(0);
    for (int i = 0; i < table.def().columns().size(); i++) {
      Object v = values.get(i);
      if (v instanceof scala.collection.Seq<?> l)
        assertThat(back.getList(i)).hasSize(l.size()).first().isEqualTo(l.head());
      else if (v instanceof scala.collection.Map<?, ?> m)
        assertThat(back.getJavaMap(i)).isEqualTo(scala.jdk.javaapi.CollectionConverters.asJava(m));
      else assertThat(back.get(i)).isEqualTo(v);
    }
  }

  private static Object sample(ColumnType t) {
    if (t instanceof ColumnType.ListOf l) return NestedValues.list(List.of(sample(l.element())));
    if (t instanceof ColumnType.MapOf m)
      return NestedValues.map(Map.of(sample(m.key()), sample(m.value())));
    if (t instanceof ColumnType.StructOf s)
      return RowFactory.create(s.fields().stream().map(f -> sample(f.type())).toArray());
    return switch ((ColumnType.Scalar) t) {
      case STRING -> "s";
      case INT -> 7;
      case LONG -> 8L;
      case DOUBLE -> 0.5;
      case BOOLEAN -> true;
    };
  }
}
