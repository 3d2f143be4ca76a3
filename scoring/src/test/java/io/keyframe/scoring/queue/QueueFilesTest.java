package io.keyframe.scoring.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueFilesTest {
  private final List<QueueRow> rows =
      List.of(new QueueRow(1, "v1", 7, 8, 1.0, 1.5, 1.5, "occlusion=1.00; temporal=0.50", "1,2", "iv_pole,monitor"));

  @Test
  void csv_has_the_contract_header_and_quotes_comma_lists(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("queue.csv");
    QueueFiles.writeQueueCsv(p, rows);
    assertThat(Files.readAllLines(p))
        .containsExactly(
            "rank,video_id,frame_start,frame_end,score,cost_minutes,cumulative_minutes,reasons,object_ids,labels",
            "1,v1,7,8,1.0000,1.5000,1.5000,occlusion=1.00; temporal=0.50,\"1,2\",\"iv_pole,monitor\"");
  }

  @Test
  void json_is_an_array_of_objects_with_contract_names(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("queue.json");
    QueueFiles.writeQueueJson(p, rows);
    try (var parser = new JsonFactory().createParser(p.toFile())) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(parser.nextFieldName()).isEqualTo("rank");
    }
    assertThat(Files.readString(p)).contains("\"object_ids\" : \"1,2\"");
  }

  @Test
  void spot_check_csv_round_trips_rows(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("spot.csv");
    QueueFiles.writeSpotCheckCsv(p, List.of(new SpotCheckRow("v1", 3, "iv_pole", "v1/iv_pole")));
    assertThat(Files.readAllLines(p)).containsExactly("video_id,frame,label,stratum", "v1,3,iv_pole,v1/iv_pole");
  }
}
