package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18: every command accepts what the others write, with one set of units, names and exit
 * codes.
 */
class OneToolTest extends InProcessCliTest {
  static final Path SAMPLES = Path.of(System.getProperty("keyframe.root", ".."), "data-samples");
  static final Path V0 = SAMPLES.resolve("clinic-s7-v00");
  static final Path TUD =
      Path.of(
          System.getProperty("keyframe.shared", "../shared"), "refdata/motchallenge/TUD-Campus");

  /** Each run's output alone: the assertions read one command's lines. */
  @Override
  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return super.run(args);
  }

  static long lines(String text) {
    return text.lines().count();
  }

  // --- exit codes

  @Test
  void noCommandPrintsTheUsageOnStderrAndExitsTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString())
        .contains("Usage: keyframe")
        .contains("Commands:")
        .contains("no command given");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void everyHelpListsEveryExitCode() {
    for (String[] help :
        List.of(
            new String[] {"--help"},
            new String[] {"rank", "--help"},
            new String[] {"audit", "verify", "--help"})) {
      assertThat(run(help)).isZero();
      assertThat(out.toString())
          .contains("Exit codes:")
          .containsPattern("(?m)^  0 +ok")
          .containsPattern("(?m)^  1 +unexpected")
          .containsPattern("(?m)^  2 +bad input")
          .containsPattern("(?m)^  3 +verification failed");
    }
  }

  // --- units

  @Test
  void aBareBudgetAboveOneIsRefusedAsAmbiguousInOneLine() {
    assertThat(rank(SAMPLES, tmp.resolve("q.csv"), "--budget", "10")).isEqualTo(2);
    assertThat(err.toString()).contains("ambiguous").contains("10%").contains("0.1");
    assertThat(lines(err.toString())).isLessThanOrEqualTo(2);
    assertThat(tmp.resolve("q.csv")).doesNotExist();
  }

  @Test
  void spotCheckRateReadsPercentAndFractionAlikeAndRefusesBareNumbersInTwoLines() throws Exception {
    Path a = tmp.resolve("a.csv"), b = tmp.resolve("b.csv");
    assertThat(spotCheck(SAMPLES, a, "--rate", "10%")).isZero();
    assertThat(spotCheck(SAMPLES, b, "--rate", "0.1")).isZero();
    assertThat(Files.readAllLines(a)).hasSizeGreaterThan(10).isEqualTo(Files.readAllLines(b));
    assertThat(spotCheck(SAMPLES, a, "--rate", "10")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate").contains("ambiguous");
    assertThat(lines(err.toString())).isLessThanOrEqualTo(2);
  }

  @Test
  void agreementTakesSpaceSeparatedCommaSeparatedAndRepeatedLabels() {
    String a = V0.resolve("annotator-A.cvat.xml").toString(),
        b = V0.resolve("annotator-B.cvat.xml").toString();
    assertThat(run("agreement", "--labels", a + "," + b)).isZero();
    String comma = out.toString();
    assertThat(run("agreement", "--labels", a, b)).isZero();
    assertThat(out.toString()).isEqualTo(comma).isNotBlank();
    assertThat(run("agreement", "--labels", a, "--labels", b)).isZero();
    assertThat(out.toString()).isEqualTo(comma);
  }

  @Test
  void scorecardJsonGoesToStdoutWithoutOut() throws Exception {
    assertThat(run("scorecard", "--annotations", SAMPLES.toString(), "--json")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.toString()).contains("annotator-A").contains("annotator-C");
  }

  // --- names and warnings

  /** Inputs of info: a batch spec, a batch folder, a model file, a bare MOT file. */
  static Stream<Arguments> infoInputs() {
    return Stream.of(
        // batch.json: 2 videos, 12 classes, seed 7, 15 fps (data-samples/README.md).
        Arguments.of(
            SAMPLES.resolve("batch.json"),
            List.of("2 videos", "12: bed_rail", "seed 7", "15 fps"),
            List.of("clinic-s7-v00")),
        Arguments.of(SAMPLES, List.of("2 videos"), List.of()),
        // meta.json beside it: 640x360 at 15 fps; the MOT file itself records no provenance and no
        // IDs.
        Arguments.of(
            V0.resolve("model.mot.txt"),
            List.of(
                "640x360, 300 frames at 15.00 fps",
                "source        unknown",
                "role          model",
                "identities    none"),
            List.of()),
        Arguments.of(TUD.resolve("gt.txt"), List.of("unknown fps"), List.of()));
  }

  @ParameterizedTest
  @MethodSource("infoInputs")
  void infoSummarisesWhatItKnowsAndSaysWhatItDoesNot(
      Path input, List<String> shown, List<String> notShown) {
    assertThat(run("info", input.toString())).isZero();
    assertThat(out.toString()).contains(shown);
    for (String s : notShown) assertThat(out.toString()).doesNotContain(s);
  }

  @Test
  void theSameVideoHasOnePseudonymWhicheverOfItsFilesIsRead() {
    Matcher m;
    String seen = null;
    for (String f :
        List.of("gt.mot.txt", "model.mot.txt", "annotator-A.cvat.xml", "gt.coco.json")) {
      assertThat(run("info", V0.resolve(f).toString())).isZero();
      m = Pattern.compile("video +(vid-[0-9a-f]{8})").matcher(out.toString());
      assertThat(m.find()).as(f).isTrue();
      if (seen == null) seen = m.group(1);
      assertThat(m.group(1)).as(f).isEqualTo(seen);
    }
  }

  @Test
  void motMetricsNamesTheRowAfterThePredictionAndWarnsWithoutIdentities() {
    assertThat(motMetrics(V0.resolve("gt.mot.txt"), V0.resolve("annotator-B.cvat.xml"))).isZero();
    assertThat(out.toString())
        .containsPattern("(?m)^annotator-B ")
        .doesNotContainPattern("(?m)^gt ");
    assertThat(err.toString()).doesNotContain("warning");
    assertThat(motMetrics(V0.resolve("gt.mot.txt"), V0.resolve("model.mot.txt"))).isZero();
    assertThat(err.toString()).contains("warning: model has no identities");
  }

  @Test
  void aPredictionWithDotsInItsSourceNameKeepsThemInTheRowName(@TempDir Path tmp) throws Exception {
    Path pred = tmp.resolve("annotator-dr.lee.cvat.xml");
    Files.copy(V0.resolve("annotator-B.cvat.xml"), pred);
    assertThat(motMetrics(V0.resolve("gt.mot.txt"), pred)).isZero();
    assertThat(out.toString())
        .containsPattern("(?m)^annotator-dr\\.lee ")
        .doesNotContainPattern("(?m)^annotator-dr ");
  }

  @Test
  void motMetricsOnABatchScoresEveryAnnotatorAndTheModelAgainstGt() {
    assertThat(motMetrics(SAMPLES, SAMPLES)).isZero();
    String text = out.toString();
    for (String role : List.of("annotator-A", "annotator-B", "annotator-C", "model")) {
      assertThat(text).contains("prediction: " + role);
      for (String v : List.of("clinic-s7-v00", "clinic-s7-v01"))
        assertThat(text).containsPattern("(?m)^" + v + "/" + role + " ");
    }
    assertThat(err.toString())
        .contains("clinic-s7-v00/model has no identities")
        .doesNotContain("annotator-A has no");
    // The batch row is the same pair as the single-file call.
    String batchRow =
        text.lines()
            .filter(l -> l.startsWith("clinic-s7-v00/annotator-B "))
            .findFirst()
            .orElseThrow();
    motMetrics(V0.resolve("gt.mot.txt"), V0.resolve("annotator-B.cvat.xml"));
    String single =
        out.toString().lines().filter(l -> l.startsWith("annotator-B ")).findFirst().orElseThrow();
    assertThat(batchRow.replaceFirst("^\\S+", "").trim().split(" +"))
        .isEqualTo(single.replaceFirst("^\\S+", "").trim().split(" +"));
  }

  /**
   * A role is the whole name before the format extension: {@code annotator-dr.lee} and {@code
   * annotator-dr.who} are two rows (they were one "annotator-dr", the other file dropped).
   */
  @Test
  void motMetricsOnABatchScoresAnnotatorsWithDotsInTheirNamesApart() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("clinic-s7-v00"));
    for (String f : List.of("gt.mot.txt", "meta.json")) Files.copy(V0.resolve(f), dir.resolve(f));
    Files.copy(V0.resolve("annotator-A.cvat.xml"), dir.resolve("annotator-dr.lee.cvat.xml"));
    Files.copy(V0.resolve("annotator-B.cvat.xml"), dir.resolve("annotator-dr.who.cvat.xml"));
    assertThat(motMetrics(tmp, tmp)).isZero();
    assertThat(out.toString())
        .containsPattern("(?m)^clinic-s7-v00/annotator-dr\\.lee ")
        .containsPattern("(?m)^clinic-s7-v00/annotator-dr\\.who ")
        .doesNotContainPattern("(?m)^clinic-s7-v00/annotator-dr ");
  }

  // --- assignments

  @Test
  void twentyPercentOverlapDoubleLabelsTwentyPercentOfTheFrames() throws Exception {
    Path plan = tmp.resolve("plan.csv");
    assertThat(assign(SAMPLES.toString(), "A,B,C", plan, "--overlap", "0.2")).isZero();
    // 2 videos x 300 frames in 60-frame segments: 10 items; 20 % = 2 items = 120 of 600 frames.
    assertThat(out.toString())
        .contains("10 items")
        .contains("2 double-labelled: 120 of 600 frames (20.0%");
    assertThat(err.toString()).doesNotContain("warning");
    List<String> rows = Files.readAllLines(plan);
    assertThat(rows.subList(1, rows.size()))
        .hasSize(12)
        .noneMatch(r -> r.contains(",-1,"))
        .anyMatch(r -> r.startsWith("clinic-s7-v00@0-59,clinic-s7-v00,0,59,"));
    assertThat(rows.stream().filter(r -> r.endsWith(",true")).count()).isEqualTo(4);
  }

  @Test
  void anOverlapThatCannotBeMetIsWarnedAboutAndWholeVideosHaveNoFrameNumbers() throws Exception {
    Path plan = tmp.resolve("plan.csv");
    assertThat(
            assign(SAMPLES.toString(), "A,B,C", plan, "--overlap", "20%", "--segment-frames", "0"))
        .isZero();
    // 2 whole videos: round(0.2 x 2) = 0 double-labelled.
    assertThat(out.toString()).contains("0 double-labelled");
    assertThat(err.toString())
        .contains("warning: asked for 20% of the videos double-labelled, the plan has 0.0%")
        .contains("--segment-frames");
    assertThat(Files.readAllLines(plan))
        .contains("clinic-s7-v00,clinic-s7-v00,,,B,false")
        .noneMatch(r -> r.contains(",-1,"));
  }

  /**
   * A batch role file in a video folder without meta.json is that folder's video, whatever its
   * format extension: {@code ward-3/gt.mot.txt} plans video {@code ward-3} (it was {@code gt.mot}:
   * the role rule compared the first-dot stem with the reader's last-dot video ID, which never
   * matched).
   */
  @Test
  void aRoleFileWithoutMetaJsonIsPlannedAsTheVideoOfItsFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ward-3"));
    Path gt = Files.copy(V0.resolve("gt.mot.txt"), dir.resolve("gt.mot.txt"));
    // data-samples/README.md: 300 frames per video; 60-frame segments.
    assertThat(planFor(gt))
        .anyMatch(r -> r.startsWith("ward-3@240-299,ward-3,240,299,"))
        .noneMatch(r -> r.contains("gt.mot"));
  }

  /**
   * An MP4 is planned under the video ID that {@code track} gives it, its name without the last
   * extension: {@code ward.3.mp4} is {@code ward.3} (it was {@code ward}, cut at the first dot).
   */
  @Test
  void anMp4IsPlannedUnderItsNameWithoutTheExtension() throws Exception {
    Path clip =
        Path.of(System.getProperty("keyframe.shared", "../shared"), "videos", "bedroom.mp4");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(clip), "shared/videos/bedroom.mp4 not present");
    Path mp4 = Files.copy(clip, tmp.resolve("ward.3.mp4"));
    // bedroom.mp4 has 200 frames by ffprobe (BadInputCliTest); 60-frame segments end at 180-199.
    assertThat(planFor(mp4))
        .anyMatch(r -> r.startsWith("ward.3@180-199,ward.3,180,199,"))
        .noneMatch(r -> r.contains(",ward,"));
  }

  /** The rows of {@code assign}'s plan for one video file, annotators A and B, the defaults. */
  private List<String> planFor(Path video) throws Exception {
    Path plan = tmp.resolve("plan.csv");
    assertThat(assign(video.toString(), "A,B", plan)).as("stderr: %s", err).isZero();
    return Files.readAllLines(plan);
  }

  // --- track

  @Test
  void trackTakesABatchVideoFolderAndExplainsWhatAFolderMustHold() throws Exception {
    assertThat(run("track", "--video", V0.toString(), "--out", tmp.resolve("t").toString()))
        .isZero();
    assertThat(err.toString()).contains("detections from model.mot.txt");
    assertThat(tmp.resolve("t")).isNotEmptyDirectory();
    Files.createDirectories(tmp.resolve("empty"));
    assertThat(
            run(
                "track",
                "--video",
                tmp.resolve("empty").toString(),
                "--out",
                tmp.resolve("t2").toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(".png/.jpg/.jpeg images, in name order")
        .contains("meta.json with model.mot.txt");
  }

  // --- the demo's outputs fed back, and its progress when piped

  @Test
  void theDemoPipedPrintsUnderThirtyLinesAndItsOutputFeedsRankSpotCheckAndScorecard()
      throws Exception {
    Path root = tmp.resolve("out");
    assertThat(run(onSmallSyntheticVideos("demo"), "--out", root.toString())).isZero();
    assertThat(lines(out.toString()) + lines(err.toString())).isLessThan(30);
    assertThat(err.toString()).startsWith("demo: 2 videos x 60 frames").contains("demo: done in");
    assertThat(err.toString()).doesNotContain("-- tasks/s");

    Path q = tmp.resolve("q.csv");
    assertThat(rank(root, q, "--budget", "10%")).isZero();
    // 2 videos x 60 frames at 10 %: 12 frames.
    assertThat(out.toString()).startsWith("12 frames in");
    assertThat(Files.readAllLines(q).get(0))
        .startsWith("rank,video_id,frame_start,frame_end,score");

    Path s = tmp.resolve("s.csv");
    assertThat(spotCheck(root, s, "--rate", "10%")).isZero();
    assertThat(Files.readAllLines(s)).hasSizeGreaterThan(1);

    assertThat(run("scorecard", "--annotations", root.toString(), "--json")).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).toString())
        .contains("annotator-A")
        .contains("annotator-C");

    assertThat(rank(root, q, "--run", "generate-nonesuch")).isEqualTo(2);
    assertThat(err.toString()).contains("no run 'generate-nonesuch'").contains("generate-");
  }
}
