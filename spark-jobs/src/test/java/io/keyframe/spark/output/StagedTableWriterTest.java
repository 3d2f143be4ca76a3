package io.keyframe.spark.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedTableWriterTest {
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path out;

  private Dataset<Row> detections(String... videos) {
    return OnePoleDetections.of(spark, 5, videos);
  }

  @Test
  void committedPartitionsFollowTheReadmeLayoutAndStagingIsRemoved() throws IOException {
    StagedTableWriter w = StagedTableWriter.open(spark, out.toString(), "r1");
    assertThat(w.stage(Table.DETECTIONS, detections("v-a", "v-b"), "frame")).isEqualTo(10);
    w.commit();

    assertThat(files(out))
        .containsExactly(
            "tables/detections/run_id=r1/video_id=v-a/part-00000.parquet",
            "tables/detections/run_id=r1/video_id=v-b/part-00000.parquet");
    Dataset<Row> back = spark.read().parquet(out.resolve("tables/detections/run_id=r1").toString());
    assertThat(back.count()).isEqualTo(10);
    assertThat(back.where("video_id = 'v-b' and keyframe").count()).isEqualTo(1);
  }

  @Test
  void filesHaveTheContractTypesForParquetJavaReaders() throws IOException {
    StagedTableWriter w = StagedTableWriter.open(spark, out.toString(), "r1");
    w.stage(Table.DETECTIONS, detections("v-a"), "frame");
    w.commit();

    Path file = out.resolve("tables/detections/run_id=r1/video_id=v-a/part-00000.parquet");
    try (ParquetFileReader reader = ParquetFiles.open(file)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      assertThat(schema.getFieldCount()).isEqualTo(Table.DETECTIONS.columns().size());
      assertThat(schema.containsField("video_id")).isFalse();
      assertThat(schema.getType("frame").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.INT32);
      assertThat(schema.getType("x").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.DOUBLE);
      assertThat(schema.getType("source").getLogicalTypeAnnotation())
          .isEqualTo(LogicalTypeAnnotation.stringType());
      assertThat(schema.getType("occluded").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.BOOLEAN);
      assertThat(reader.getRecordCount()).isEqualTo(5);
    }
  }

  @Test
  void rerunOfTheSameRowsGivesByteIdenticalFiles() throws IOException {
    StagedTableWriter first = StagedTableWriter.open(spark, out.toString(), "r1");
    first.stage(Table.DETECTIONS, detections("v-a", "v-b"), "frame");
    first.commit();
    Map<String, byte[]> before = contents(out);

    StagedTableWriter again = StagedTableWriter.open(spark, out.toString(), "r1");
    again.stage(Table.DETECTIONS, detections("v-b", "v-a"), "frame");
    again.commit();

    Map<String, byte[]> after = contents(out);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualTo(v));
  }

  @Test
  void aRerunReplacesAnOldPartitionWhole() throws IOException {
    StagedTableWriter first = StagedTableWriter.open(spark, out.toString(), "r1");
    first.stage(Table.DETECTIONS, detections("v-a"), "frame");
    first.commit();
    List<Row> fewer = new ArrayList<>();
    fewer.add(
        RowFactory.create(
            "gt",
            7,
            2,
            "bed_rail",
            1.0,
            2.0,
            3.0,
            4.0,
            0.5,
            null,
            0,
            0,
            true,
            false,
            false,
            null,
            -1.0,
            "v-a"));
    StagedTableWriter second = StagedTableWriter.open(spark, out.toString(), "r1");
    second.stage(Table.DETECTIONS, spark.createDataFrame(fewer, Table.DETECTIONS.frameSchema()));
    second.commit();

    Dataset<Row> back = spark.read().parquet(out.resolve("tables/detections/run_id=r1").toString());
    assertThat(back.collectAsList())
        .singleElement()
        .satisfies(r -> assertThat(r.<Integer>getAs("frame")).isEqualTo(7));
  }

  @Test
  void columnsOutOfContractAreRefused() {
    Dataset<Row> wrong = detections("v-a").drop("score");
    StagedTableWriter w = StagedTableWriter.open(spark, out.toString(), "r1");
    assertThatThrownBy(() -> w.stage(Table.DETECTIONS, wrong))
        .hasMessageContaining("do not match the contract");
  }

  @Test
  void runIdsThatCouldEscapeTheFolderAreRefused() {
    assertThatThrownBy(() -> StagedTableWriter.open(spark, out.toString(), "../x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static List<String> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    for (String f : files(root)) out.put(f, Files.readAllBytes(root.resolve(f)));
    return out;
  }
}
