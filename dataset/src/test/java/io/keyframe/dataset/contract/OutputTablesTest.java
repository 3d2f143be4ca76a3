package io.keyframe.dataset.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputTablesTest {
  @Test
  void theReadmeTableIsTheOneGeneratedFromTheContract() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains(OutputTables.readmeTable());
  }

  @Test
  void nestedColumnsUseParquetsListAndMapTypes() {
    assertThat(OutputTables.QUEUE.parquetSchema())
        .contains(
            "required group reasons (LIST) {\n    repeated group list {\n      required group element {\n"
                + "        required binary signal (STRING);\n        required double value;\n");
    assertThat(OutputTables.DETECTIONS.parquetSchema())
        .contains(
            "optional group class_probabilities (MAP) {\n    repeated group key_value {\n"
                + "      required binary key (STRING);\n      required double value;\n");
  }

  @Test
  void theVideosTableNamesSizeRateLengthAndSourceFiles() {
    assertThat(OutputTables.VIDEOS.columnNames())
        .containsExactly("width", "height", "fps", "frames", "sources");
    assertThat(OutputTables.VIDEOS.readmeRow())
        .contains("sources (list<struct<source, file, sha256>>");
  }
}
