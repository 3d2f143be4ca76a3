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
      List.of(
          new QueueRow(
              1,
              "v1",
              7,
              8,
              1.0,
              1.5,
              1.5,
              List.of(new QueueRow.Reason("occlusion", 1.0), new QueueRow.Reason("temporal", 0.5)),
              List.of(
                  new QueueRow.QueueObject(1, "iv_pole", "tracker"),
                  new QueueRow.QueueObject(2, "monitor", "annotator, A"))));

  @Test
  void csvHasOneLinePerObjectPairingEachIdWithItsOwnLabelAndSource(@TempDir Path dir)
      throws Exception {
    Path p = dir.resolve("queue.csv");
    QueueFiles.writeQueueCsv(p, rows);
    assertThat(Files.readAllLines(p))
        .containsExactly(
            "rank,video_id,frame_start,frame_end,score,cost_minutes,cumulative_minutes,reasons,object_id,label,source",
            "1,v1,7,8,1.0000,1.5000,1.5000,occlusion=1.00; temporal=0.50,1,iv_pole,tracker",
            "1,v1,7,8,1.0000,1.5000,1.5000,occlusion=1.00; temporal=0.50,2,monitor,\"annotator, A\"");
  }

  @Test
  void jsonIsAnArrayOfObjectsWithContractNames(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("queue.json");
    QueueFiles.writeQueueJson(p, rows);
    try (var parser = new JsonFactory().createParser(p.toFile())) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(parser.nextFieldName()).isEqualTo("rank");
    }
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.toFile());
    assertThat(tree.get(0).get("objects").get(1).get("label").asText()).isEqualTo("monitor");
    assertThat(tree.get(0).get("objects").get(1).get("id").asInt()).isEqualTo(2);
    assertThat(tree.get(0).get("reasons").get(1).get("signal").asText()).isEqualTo("temporal");
  }

  @Test
  void spotCheckCsvRoundTripsRows(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("spot.csv");
    QueueFiles.writeSpotCheckCsv(p, List.of(new SpotCheckRow("v1", 3, "iv_pole", "v1/iv_pole")));
    assertThat(Files.readAllLines(p))
        .containsExactly("video_id,frame,label,stratum", "v1,3,iv_pole,v1/iv_pole");
  }
}
