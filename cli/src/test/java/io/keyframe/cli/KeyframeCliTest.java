package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframeCliTest extends InProcessCliTest {
  static final Path TUD =
      Path.of(
          System.getProperty("keyframe.shared", "../shared"), "refdata/motchallenge/TUD-Campus");

  @Test
  void convertsMotToCvatAndBackWithTheSameBoxes() throws Exception {
    Path xml = tmp.resolve("gt.xml");
    Path back = tmp.resolve("back.txt");
    assertThat(run("convert", "--to", "cvat", TUD.resolve("gt.txt").toString(), xml.toString()))
        .isZero();
    assertThat(run("convert", "--to", "mot", xml.toString(), back.toString())).isZero();
    assertThat(run("info", back.toString())).isZero();
    assertThat(out.toString()).contains("359 shapes").contains("8 tracks");
  }

  @Test
  void motMetricsMatchesPyMotmetricsOnTudCampus() {
    assertThat(motMetrics(TUD.resolve("gt.txt"), TUD.resolve("test.txt"), "--json")).isZero();
    // refdata/README.md: py-motmetrics gives MOTA 0.526462, IDF1 0.557659, 7 switches on these
    // files.
    assertThat(out.toString())
        .containsPattern("\"num_switches\" ?: ?7,")
        .containsPattern("\"mota\" ?: ?0\\.52646");
  }

  @Test
  void badInputExitsWithTwoAndNamesTheFileLineAndField() throws Exception {
    Path bad = tmp.resolve("bad.txt");
    Files.write(bad, List.of("1,1,10,10,20,20,1,1,1", "2,1,10,10,-5,20,1,1,1"));
    Path target = tmp.resolve("out.xml");
    assertThat(run("convert", "--to", "cvat", bad.toString(), target.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("bad.txt").contains("line 2").contains("field");
    assertThat(target).doesNotExist();
  }

  @Test
  void infoAndConvertSayWhatWasSkippedAndWhatTheTargetCannotCarry() throws Exception {
    Path xml = Path.of("../dataset/src/test/resources/real/cvat/datumaro_for_video_skeleton.xml");
    assertThat(run("info", xml.toString())).isZero();
    assertThat(out.toString()).contains("3 shapes (3 with box, 0 with mask) in 1 tracks");
    assertThat(err.toString()).contains("warning: skipped 2 points, 2 polyline, 3 skeleton shapes");
    Path mot = tmp.resolve("v.txt");
    assertThat(run("convert", "--to", "mot", xml.toString(), mot.toString())).isZero();
    assertThat(err.toString())
        .contains("warning: mot cannot carry: class names (3 labels, written as class ids 1..3)")
        .contains("3 occluded/outside/keyframe flags")
        .contains("the frame size (25x20)");
  }

  @Test
  void aCvatProjectExportConvertsToOneCocoVidFileWithEverySubsetAsAVideo() throws Exception {
    // Datumaro's project export: three subsets (Test, Train, Validation), each two images and two
    // shapes.
    Path xml = Path.of("../dataset/src/test/resources/real/cvat/datumaro_export_project.xml");
    Path vid = tmp.resolve("project.cocovid.json");
    assertThat(run("convert", "--to", "cocovid", xml.toString(), vid.toString())).isZero();
    assertThat(out.toString()).contains("6 detections").contains("of 3 videos");
    List<io.keyframe.dataset.AnnotationSet> back =
        io.keyframe.dataset.files.AnnotationFiles.readAll(
            vid, io.keyframe.dataset.AnnotationFormat.COCO_VID, w -> {});
    assertThat(back).extracting(s -> s.video().id()).containsExactly("Test", "train", "Validation");
    assertThat(back).allSatisfy(s -> assertThat(s.detections()).hasSize(2));
  }

  @Test
  void binaryInputIsExitTwoNamingTheFileAndTheByteOffset() throws Exception {
    Path bin = tmp.resolve("some.bin");
    Files.write(bin, new byte[] {'1', ',', (byte) 0xff, 0, 7});
    assertThat(run("info", bin.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("some.bin")
        .contains("line 1")
        .contains("byte 0xff at byte offset 2")
        .doesNotContain("Input length");
    Path png = tmp.resolve("image.bin");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(run("info", png.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("image.bin").contains("first byte 0x89");
  }

  @Test
  void everyRunIsAuditedAndTamperingIsDetected() throws Exception {
    Path log = AuditTrail.defaultLog();
    Files.deleteIfExists(log);
    run("info", TUD.resolve("gt.txt").toString());
    run("info", TUD.resolve("test.txt").toString());
    assertThat(run("audit", "verify")).isZero();
    List<String> lines = Files.readAllLines(log);
    assertThat(lines)
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(l -> assertThat(l).doesNotContain("TUD-Campus"));
    Files.write(log, List.of(lines.get(1), lines.get(0)));
    assertThat(run("audit", "verify")).isEqualTo(3);
    assertThat(err.toString()).contains("line 1");
  }

  @Test
  void theAuditLogKeepsNoRawIdentifiersInListOptionsAndTheRealExitCodeOfFailures()
      throws Exception {
    Path log = AuditTrail.defaultLog();
    Files.deleteIfExists(log);
    assertThat(
            assign(
                "patient-DOE-JOHN-0042,patient-ROE-JANE-0043",
                "Dr Smith,Nurse Jones",
                tmp.resolve("plan.csv")))
        .isZero();
    Path bad = tmp.resolve("ward-3-bad.txt");
    Files.write(bad, List.of("1,1,10,10,-5,20,1,1,1"));
    assertThat(run("convert", "--to", "cvat", bad.toString(), tmp.resolve("x.xml").toString()))
        .isEqualTo(2);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines)
        .hasSize(2)
        .allSatisfy(
            l ->
                assertThat(l)
                    .doesNotContain("DOE")
                    .doesNotContain("ROE")
                    .doesNotContain("Smith")
                    .doesNotContain("Jones")
                    .doesNotContain("ward-3")
                    .doesNotContain(tmp.toString()));
    assertThat(lines.get(0))
        .containsPattern("vid-[0-9a-f]{8},vid-[0-9a-f]{8}")
        .containsPattern("ann-[0-9a-f]{8},ann-[0-9a-f]{8}");
    assertThat(lines.get(1)).containsPattern("\"exit_code\" ?: ?\"2\"");
  }

  static final Path SAMPLES = Path.of(System.getProperty("keyframe.root", ".."), "data-samples");

  @Test
  void ranksTheSampleBatchWithinBudgetAndExplainsEveryRow() throws Exception {
    Path q = tmp.resolve("queue.csv");
    assertThat(rank(SAMPLES, q, "--budget", "10%")).isZero();
    List<String> rows = Files.readAllLines(q);
    assertThat(rows.get(0)).startsWith("rank,video_id,frame_start,frame_end,score");
    assertThat(rows.subList(1, rows.size()))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r).contains("="));
    // 2 videos x 300 frames, 10 %: at most 60 frames queued.
    assertThat(out.toString()).containsPattern("(60|[1-5][0-9]|[1-9]) frames in");
  }

  @Test
  void spotCheckIsReproducibleFromItsSeed() throws Exception {
    Path a = tmp.resolve("a.csv");
    Path b = tmp.resolve("b.csv");
    assertThat(spotCheck(SAMPLES, a, "--seed", "5")).isZero();
    assertThat(spotCheck(SAMPLES, b, "--seed", "5")).isZero();
    assertThat(Files.readAllLines(a)).hasSizeGreaterThan(10).isEqualTo(Files.readAllLines(b));
  }

  @Test
  void consensusOfThreeAnnotatorsIsWrittenInAllFormats() {
    Path v = SAMPLES.resolve("clinic-s7-v00");
    String files =
        v.resolve("annotator-A.cvat.xml")
            + ","
            + v.resolve("annotator-B.cvat.xml")
            + ","
            + v.resolve("annotator-C.cvat.xml");
    assertThat(run("consensus", "--annotations", files, "--out", tmp.resolve("c").toString()))
        .isZero();
    assertThat(tmp.resolve("c/consensus.mot.txt")).isNotEmptyFile();
    assertThat(tmp.resolve("c/consensus.cvat.xml")).isNotEmptyFile();
    assertThat(tmp.resolve("c/consensus.coco.json")).isNotEmptyFile();
  }

  @Test
  void assignRefusesOverlapWithOneAnnotator() {
    assertThat(assign("a,b", "A", tmp.resolve("p.csv"), "--overlap", "0.5")).isEqualTo(2);
    assertThat(err.toString()).contains("at least two annotators");
    assertThat(tmp.resolve("p.csv")).doesNotExist();
  }

  @Test
  void simulationComparesTheQueueWithRandomAndEndsWithTheRatio() {
    assertThat(run(onSmallSyntheticVideos("simulate"), "--seeds", "1", "--batches", "1")).isZero();
    assertThat(out.toString())
        .contains("combined")
        .contains("random")
        .containsPattern("(?m)^ratio=\\d+\\.\\d\\d$");
  }

  @Test
  void simulationOnRealSequencesPrintsEachSequenceWithTheOracleAndEndsWithTheHeldOutRatio()
      throws Exception {
    // TrackEval's layout, hand-built: one pedestrian on 10 frames; the tracker loses it on frames
    // 5-9
    // (5 misses by hand) and draws a box nowhere on frame 0 (1 FP).
    Path seq =
        java.nio.file.Files.createDirectories(tmp.resolve("data/gt/mot_challenge/X-train/seq1/gt"));
    StringBuilder gt = new StringBuilder(), tr = new StringBuilder("1,7,80,80,5,5,1,-1,-1,-1\n");
    for (int f = 1; f <= 10; f++) gt.append(f).append(",1,40,40,10,10,1,1,1\n");
    for (int f = 1; f <= 5; f++) tr.append(f).append(",3,40,40,10,10,1,-1,-1,-1\n");
    java.nio.file.Files.writeString(seq.resolve("gt.txt"), gt);
    java.nio.file.Files.writeString(
        seq.resolveSibling("seqinfo.ini"),
        "[Sequence]\nname=seq1\nframeRate=30\nseqLength=10\nimWidth=100\nimHeight=100\n");
    Path t =
        java.nio.file.Files.createDirectories(
            tmp.resolve("data/trackers/mot_challenge/X-train/T/data"));
    java.nio.file.Files.writeString(t.resolve("seq1.txt"), tr);
    assertThat(run("simulate", "--real", tmp.resolve("data").toString(), "--budgets", "10%,20%"))
        .isZero();
    assertThat(out.toString())
        .contains("delivered tracker T")
        .containsPattern("seq1 +held-out +10 +1 +5 +0 +6 +0")
        .containsPattern("(?m)^ratio=\\d+\\.\\d\\d$");
    assertThat(run("simulate", "--real", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not TrackEval's data folder");
  }

  @Test
  void simulationRefusesAnUnknownAnnotatorAndAResidualRateOutsideZeroToOne() {
    assertThat(run("simulate", "--videos", "1", "--frames", "30", "--delivered", "Z")).isEqualTo(2);
    assertThat(err.toString()).contains("--delivered must be A, B or C, not 'Z'");
    assertThat(run("simulate", "--videos", "1", "--frames", "30", "--residual", "1.5"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--residual").contains("'1.5' is ambiguous");
  }

  @Test
  void everyCommandsHelpRendersItsPercentSigns() {
    // A bare '%' in a description makes picocli give up formatting it and print the raw text.
    picocli.CommandLine cli = new picocli.CommandLine(new KeyframeCli());
    for (picocli.CommandLine sub : cli.getSubcommands().values()) {
      String usage = sub.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
      assertThat(usage).as(sub.getCommandName()).doesNotContain("%%").doesNotContain("%n");
    }
    assertThat(cli.getSubcommands().get("rank").getUsageMessage(picocli.CommandLine.Help.Ansi.OFF))
        .contains("('10%' or '0.1'");
  }
}
