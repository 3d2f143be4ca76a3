package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * mot-metrics on real MOTChallenge folders (metrics' and dataset's real/ test resources, SOURCES.md
 * there).
 */
class MotMetricsCommandTest extends InProcessCliTest {
  static final Path CHALLENGE = Path.of("../metrics/src/test/resources/real/motchallenge");
  static final Path MOT15 = Path.of("../dataset/src/test/resources/real/mot/mmtracking/train");
  static final Path MOT17_09_GT = CHALLENGE.resolve("gt/MOT17-train/MOT17-09-DPM/gt/gt.txt");
  static final Path MOT17_09_PRED =
      CHALLENGE.resolve("trackers/MOT17-train/MPNTrack/data/MOT17-09-DPM.txt");
  static final Path TUD_STADTMITTE_GT = MOT15.resolve("TUD-Stadtmitte/gt/gt.txt");
  static final Path TUD_STADTMITTE_PRED = MOT15.resolve("results/TUD-Stadtmitte.txt");

  JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void motChallengeFoldersAreScoredAsTrackEvalScoresThem() throws Exception {
    assertThat(
            motMetrics(
                CHALLENGE.resolve("gt/MOT17-train"),
                CHALLENGE.resolve("trackers/MOT17-train/MPNTrack/data"),
                "--json"))
        .isZero();
    JsonNode j = json();
    assertThat(j.get("protocol").asText())
        .startsWith("motchallenge")
        .contains("MOT17")
        .contains("pedestrian");
    assertThat(j.get("mot_layout").get("MOT17-09-DPM gt").asText()).isEqualTo("mot16 (detected)");
    assertThat(j.get("mot_layout").get("MOT17-09-DPM pred").asText()).isEqualTo("mot15 (detected)");
    // TrackEval's pedestrian_detailed.csv for MPNTrack: MOT17-09-DPM MOTA 0.7474178403755869, IDF1
    // 0.7733024040489245, HOTA 0.6474050348483706, IDSW 5; MOT17-05-DPM MOTA 0.5590573948243458,
    // IDSW 18.
    JsonNode s09 = j.get("sequences").get("MOT17-09-DPM"),
        s05 = j.get("sequences").get("MOT17-05-DPM");
    assertThat(s09.get("mota").asDouble()).isCloseTo(0.7474178403755869, within(1e-6));
    assertThat(s09.get("idf1").asDouble()).isCloseTo(0.7733024040489245, within(1e-6));
    assertThat(s09.get("hota").asDouble()).isCloseTo(0.6474050348483706, within(1e-6));
    assertThat(s09.get("num_switches").asLong()).isEqualTo(5);
    assertThat(s05.get("mota").asDouble()).isCloseTo(0.5590573948243458, within(1e-6));
    assertThat(s05.get("num_switches").asLong()).isEqualTo(18);
    // OVERALL pools the counts: (TP - FP - IDSW) / GT over both = (4072+4271 - 87-386 - 5-18) /
    // (5325+6917).
    assertThat(j.get("overall").get("mota").asDouble())
        .isCloseTo((8343.0 - 473 - 23) / 12242, within(1e-12));
  }

  @Test
  void theTextTableSaysWhichProtocolAndLayoutRan() {
    assertThat(motMetrics(MOT17_09_GT, MOT17_09_PRED)).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "protocol    motchallenge (TrackEval's MOTChallenge rules, MOT17, classes pedestrian; TrackEval's CLEAR: MOTP = mean IoU)");
    assertThat(lines[1])
        .isEqualTo(
            "mot layout  MOT17-09-DPM gt mot16 (detected), MOT17-09-DPM pred mot15 (detected)");
    assertThat(out.toString()).contains("74.7%"); // MOTA 0.747418
    // TrackEval has no transfer/ascend/migrate events: shown as undefined, not 0.
    assertThat(lines[3]).endsWith("0.900 NaN NaN NaN 64.7% 68.0% 61.6% 90.9%");
  }

  @Test
  void scoringEveryRowIsStillAvailableByName() throws Exception {
    assertThat(motMetrics(MOT17_09_GT, MOT17_09_PRED, "--protocol", "all-rows", "--json")).isZero();
    JsonNode j = json();
    assertThat(j.get("protocol").asText()).startsWith("all-rows");
    assertThat(j.get("overall").get("mota").asDouble()).isLessThan(0.7);
  }

  @Test
  void mot15FilesWithWorldCoordinatesGetPyMotmetricsValues() throws Exception {
    assertThat(motMetrics(TUD_STADTMITTE_GT, TUD_STADTMITTE_PRED, "--json")).isZero();
    JsonNode j = json();
    assertThat(j.get("protocol").asText()).startsWith("py-motmetrics");
    assertThat(j.get("mot_layout").get("TUD-Stadtmitte gt").asText()).isEqualTo("mot15 (detected)");
    // py-motmetrics' test_motchallenge_files, TUD-Stadtmitte: MOTA 0.564014, IDF1 0.644619, 7
    // switches.
    JsonNode o = j.get("overall");
    assertThat(o.get("mota").asDouble()).isCloseTo(0.564014, within(1e-6));
    assertThat(o.get("idf1").asDouble()).isCloseTo(0.644619, within(1e-6));
    assertThat(o.get("num_switches").asLong()).isEqualTo(7);
  }

  @Test
  void forcingMot16OnWorldCoordinatesIsRefusedNamingFileLineAndField() {
    assertThat(motMetrics(TUD_STADTMITTE_GT, TUD_STADTMITTE_PRED, "--mot-layout", "mot16"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("gt.txt")
        .contains("line 1")
        .contains("class")
        .contains("4.4852");
  }

  @Test
  void theMotChallengeProtocolRunsOnMot15WhenAskedFor() throws Exception {
    // TrackEval (MOT15 rules) on KITTI-17: MOTA 0.8330893118594437, IDSW 2 (real/motchallenge
    // SOURCES.md).
    assertThat(
            motMetrics(
                CHALLENGE.resolve("gt/MOT15-train/KITTI-17/gt/gt.txt"),
                CHALLENGE.resolve("trackers/MOT15-train/MPNTrack/data/KITTI-17.txt"),
                "--protocol",
                "motchallenge",
                "--json"))
        .isZero();
    JsonNode j = json();
    assertThat(j.get("protocol").asText()).contains("MOT15");
    assertThat(j.get("overall").get("mota").asDouble()).isCloseTo(0.8330893118594437, within(1e-6));
    assertThat(j.get("overall").get("num_switches").asLong()).isEqualTo(2);
  }

  @Test
  void infoSaysWhichMotLayoutItRead() {
    assertThat(run("info", TUD_STADTMITTE_GT.toString())).isZero();
    assertThat(out.toString())
        .contains("mot layout    mot15 (detected)")
        .contains("1156 shapes")
        .contains("10 tracks");
  }

  static final Path DATUMARO =
      Path.of("../dataset/src/test/resources/real/mot/datumaro/mot_seq/gt/gt.txt");

  @Test
  void classesNamedByLabelsTxtCanBeChosenForTheMotChallengeProtocol() throws Exception {
    // Datumaro's export: class 3 of gt/labels.txt is label_2; scored against itself it is one
    // match.
    assertThat(
            motMetrics(
                DATUMARO, DATUMARO, "--protocol", "motchallenge", "--classes", "label_2", "--json"))
        .isZero();
    JsonNode j = json();
    assertThat(j.get("protocol").asText()).contains("classes label_2");
    assertThat(j.get("overall").get("num_detections").asLong()).isEqualTo(1);
    assertThat(j.get("overall").get("mota").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aLabelsFileRenamesTheClassesAndAnUnknownIdIsRefused() throws Exception {
    Path one = tmp.resolve("one.txt");
    java.nio.file.Files.writeString(one, "person\n");
    // labels.txt beside gt.txt has 10 names; --labels with one name makes class 3 unknown: exit 2.
    assertThat(motMetrics(DATUMARO, DATUMARO, "--labels", one.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("gt.txt").contains("line 1").contains("class");
  }

  @Test
  void severalClassesGiveOneRowEach() throws Exception {
    assertThat(
            motMetrics(
                MOT17_09_GT, MOT17_09_PRED, "--classes", "pedestrian,static_person", "--json"))
        .isZero();
    JsonNode seqs = json().get("sequences");
    assertThat(seqs.has("MOT17-09-DPM/pedestrian")).isTrue();
    assertThat(seqs.has("MOT17-09-DPM/static_person")).isTrue();
    assertThat(seqs.get("MOT17-09-DPM/pedestrian").get("mota").asDouble())
        .isCloseTo(0.7474178403755869, within(1e-6));
  }
}
