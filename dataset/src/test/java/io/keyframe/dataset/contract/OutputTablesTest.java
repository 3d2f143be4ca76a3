package io.keyframe.dataset.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputTablesTest {
  @Test
  void the_readme_table_is_the_one_generated_from_the_contract() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains(OutputTables.readmeTable());
  }

  @Test
  void nested_columns_use_parquets_list_and_map_types() {
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
  void the_videos_table_names_size_rate_length_and_source_files() {
    assertThat(OutputTables.VIDEOS.columnNames())
        .containsExactly("width", "height", "fps", "frames", "sources");
    assertThat(OutputTables.VIDEOS.readmeRow())
        .contains("sources (list<struct<source, file, sha256>>");
  }
}
