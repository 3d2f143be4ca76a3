package io.keyframe.metrics.motchallenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.mot.MotReader;
import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.identity.IdentityCounts;
import io.keyframe.metrics.tracking.ScopeCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * keyframe's MOTChallenge protocol against TrackEval's own per-sequence output on real MOTChallenge
 * training sequences and MPNTrack's results (real/motchallenge/SOURCES.md), and the py-motmetrics
 * protocol against py-motmetrics' asserted values on MOT15 files.
 */
class MotChallengeReferenceTest {
  static final Path REAL = Path.of("src/test/resources/real/motchallenge");
  static final Path MOT15_FILES =
      Path.of("../dataset/src/test/resources/real/mot/mmtracking/train");

  static Map<String, Double> trackEvalRow(String split, String seq) throws IOException {
    List<String> lines =
        Files.readAllLines(
            REAL.resolve("trackers/" + split + "/MPNTrack/pedestrian_detailed.csv"),
            StandardCharsets.UTF_8);
    String[] head = lines.get(0).split(",");
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(",");
      if (!c[0].equals(seq)) continue;
      Map<String, Double> row = new HashMap<>();
      for (int k = 1; k < c.length; k++) row.put(head[k], Double.parseDouble(c[k]));
      return row;
    }
    throw new IllegalStateException("no row " + seq);
  }

  static AnnotationSet gt(String split, String seq) throws IOException {
    return MotReader.read(REAL.resolve("gt/" + split + "/" + seq + "/gt/gt.txt"));
  }

  static AnnotationSet pred(String split, String seq) throws IOException {
    return MotReader.read(REAL.resolve("trackers/" + split + "/MPNTrack/data/" + seq + ".txt"));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "MOT17-train, MOT17-09-DPM",
    "MOT17-train, MOT17-05-DPM",
    "MOT15-train, TUD-Stadtmitte",
    "MOT15-train, KITTI-17"
  })
  void motChallengeProtocolEqualsTrackEvalsDetailedCsv(String split, String seq)
      throws IOException {
    AnnotationSet g = gt(split, seq), p = pred(split, seq);
    boolean mot17 = split.startsWith("MOT17");
    // MOT17 gt carries class and visibility columns: the protocol is the default there.
    assertThat(EvaluationProtocol.defaultFor(g, true))
        .isEqualTo(mot17 ? EvaluationProtocol.MOTCHALLENGE : EvaluationProtocol.PY_MOTMETRICS);
    MotChallengeBenchmark bench =
        MotChallengeBenchmark.guess(g.video().id(), MotChallengeClasses.carriedBy(g.detections()));
    assertThat(bench).isEqualTo(mot17 ? MotChallengeBenchmark.MOT17 : MotChallengeBenchmark.MOT15);
    List<ScopeCounts> rs =
        EvaluationProtocol.MOTCHALLENGE.evaluate(g, p, MotChallengeProtocol.pedestrians(bench));
    assertThat(rs).hasSize(1);
    assertEqualsTrackEval(rs.get(0), trackEvalRow(split, seq));
  }

  @Test
  void combinedMot17RowEqualsTrackEvalsForItsSequences() throws IOException {
    // TrackEval's COMBINED row is over all seven MOT17-*-DPM sequences; the two shipped here are
    // checked combined against sums of TrackEval's per-sequence counts.
    MotChallengeProtocol p = MotChallengeProtocol.pedestrians(MotChallengeBenchmark.MOT17);
    List<ScopeCounts> rs =
        List.of(
            p.evaluate(gt("MOT17-train", "MOT17-09-DPM"), pred("MOT17-train", "MOT17-09-DPM"))
                .get(0),
            p.evaluate(gt("MOT17-train", "MOT17-05-DPM"), pred("MOT17-train", "MOT17-05-DPM"))
                .get(0));
    ScopeCounts all = TrackingEvaluation.combine(rs, "COMBINED");
    Map<String, Double> a = trackEvalRow("MOT17-train", "MOT17-09-DPM"),
        b = trackEvalRow("MOT17-train", "MOT17-05-DPM");
    double tp = a.get("CLR_TP") + b.get("CLR_TP"),
        fn = a.get("CLR_FN") + b.get("CLR_FN"),
        fp = a.get("CLR_FP") + b.get("CLR_FP");
    double idsw = a.get("IDSW") + b.get("IDSW");
    assertThat(all.clear().mota()).isCloseTo((tp - fp - idsw) / (tp + fn), within(1e-12));
    double idtp = a.get("IDTP") + b.get("IDTP");
    assertThat(all.identity().idf1())
        .isCloseTo(
            idtp
                / (idtp
                    + 0.5 * (a.get("IDFP") + b.get("IDFP"))
                    + 0.5 * (a.get("IDFN") + b.get("IDFN"))),
            within(1e-12));
  }

  @Test
  void scoringEveryRowIsWhatGaveTheWrongMota() throws IOException {
    // Without the protocol the zero-marked rows and the non-pedestrian classes count as misses.
    AnnotationSet g = gt("MOT17-train", "MOT17-09-DPM"), p = pred("MOT17-train", "MOT17-09-DPM");
    double allRows = EvaluationProtocol.ALL_ROWS.evaluate(g, p, null).get(0).clear().mota();
    assertThat(allRows).isLessThan(trackEvalRow("MOT17-train", "MOT17-09-DPM").get("MOTA") - 0.05);
  }

  static void assertEqualsTrackEval(ScopeCounts r, Map<String, Double> te) {
    ClearCounts c = r.clear();
    IdentityCounts id = r.identity();
    HotaCounts h = r.hota();
    double tol = 1e-6;
    assertThat(c.mota()).as("MOTA").isCloseTo(te.get("MOTA"), within(tol));
    assertThat(id.idf1()).as("IDF1").isCloseTo(te.get("IDF1"), within(tol));
    assertThat(h.hota()).as("HOTA").isCloseTo(te.get("HOTA___AUC"), within(tol));
    assertThat((double) c.switches()).as("IDSW").isEqualTo(te.get("IDSW"));
    assertThat((double) c.falsePositives()).as("CLR_FP").isEqualTo(te.get("CLR_FP"));
    assertThat((double) c.misses()).as("CLR_FN").isEqualTo(te.get("CLR_FN"));
    assertThat((double) c.detections()).as("CLR_TP").isEqualTo(te.get("CLR_TP"));
    assertThat((double) c.fragmentations()).as("Frag").isEqualTo(te.get("Frag"));
    assertThat((double) c.mostlyTracked()).as("MT").isEqualTo(te.get("MT"));
    assertThat((double) c.partiallyTracked()).as("PT").isEqualTo(te.get("PT"));
    assertThat((double) c.mostlyLost()).as("ML").isEqualTo(te.get("ML"));
    assertThat((double) c.frames()).as("CLR_Frames").isEqualTo(te.get("CLR_Frames"));
    assertThat(c.motp()).as("MOTP").isCloseTo(te.get("MOTP"), within(tol));
    assertThat((double) id.idtp()).as("IDTP").isEqualTo(te.get("IDTP"));
    assertThat((double) id.idfn()).as("IDFN").isEqualTo(te.get("IDFN"));
    assertThat((double) id.idfp()).as("IDFP").isEqualTo(te.get("IDFP"));
    assertThat(h.detA()).as("DetA").isCloseTo(te.get("DetA___AUC"), within(tol));
    assertThat(h.assA()).as("AssA").isCloseTo(te.get("AssA___AUC"), within(tol));
    assertThat(h.locA()).as("LocA").isCloseTo(te.get("LocA___AUC"), within(tol));
    assertThat((double) c.objects()).as("GT_Dets").isEqualTo(te.get("GT_Dets"));
    assertThat((double) c.predictions()).as("Dets").isEqualTo(te.get("Dets"));
  }

  @Test
  void pyMotmetricsProtocolReproducesPyMotmetricsOnTudCampusAndTudStadtmitte() throws IOException {
    // py-motmetrics motmetrics/tests/test_metrics.py::test_motchallenge_files (asserted to 1e-3
    // there;
    // printed to 6 decimals): IDF1 IDP IDR Rcll Prcn GT MT PT ML FP FN IDs FM MOTA MOTP.
    double[][] expected = {
      {
        0.557659, 0.729730, 0.451253, 0.582173, 0.941441, 8, 1, 6, 1, 13, 150, 7, 7, 0.526462,
        0.277201
      },
      {
        0.644619, 0.819760, 0.531142, 0.608997, 0.939920, 10, 5, 4, 1, 45, 452, 7, 6, 0.564014,
        0.345904
      },
      {
        0.624296, 0.799176, 0.512211, 0.602640, 0.940268, 18, 6, 10, 2, 58, 602, 14, 13, 0.555116,
        0.330177
      },
    };
    List<ScopeCounts> rows = new java.util.ArrayList<>();
    for (String seq : List.of("TUD-Campus", "TUD-Stadtmitte")) {
      AnnotationSet g = MotReader.read(MOT15_FILES.resolve(seq + "/gt/gt.txt"));
      AnnotationSet p = MotReader.read(MOT15_FILES.resolve("results/" + seq + ".txt"));
      EvaluationProtocol protocol = EvaluationProtocol.defaultFor(g, true);
      assertThat(protocol).isEqualTo(EvaluationProtocol.PY_MOTMETRICS);
      rows.addAll(protocol.evaluate(g, p, null));
    }
    rows.add(TrackingEvaluation.combine(rows, "OVERALL"));
    for (int k = 0; k < 3; k++) {
      ClearCounts c = rows.get(k).clear();
      IdentityCounts id = rows.get(k).identity();
      double[] e = expected[k];
      double[] got = {
        id.idf1(),
        id.idp(),
        id.idr(),
        c.recall(),
        c.precision(),
        c.uniqueObjects(),
        c.mostlyTracked(),
        c.partiallyTracked(),
        c.mostlyLost(),
        c.falsePositives(),
        c.misses(),
        c.switches(),
        c.fragmentations(),
        c.mota(),
        c.motp()
      };
      for (int m = 0; m < e.length; m++)
        assertThat(got[m]).as("row %d metric %d", k, m).isCloseTo(e[m], within(1e-6));
    }
  }

  @Test
  void mot17GroundTruthRoundTripsLineIdenticalInFrameOrder(
      @org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    // FORMATS.md: a MOT16+ gt file (classes, visibility, zero-marked rows) comes back line for
    // line;
    // MOTChallenge sorts gt by id, keyframe writes by frame.
    Path source = REAL.resolve("gt/MOT17-train/MOT17-09-DPM/gt/gt.txt");
    AnnotationSet read = MotReader.read(source);
    Path out = tmp.resolve("gt.txt");
    io.keyframe.dataset.mot.MotWriter.write(out, read);
    assertThat(Files.readAllLines(out))
        .containsExactlyInAnyOrderElementsOf(Files.readAllLines(source));
    // (Without the seqinfo.ini beside it the copy's video is derived, so compare the detections.)
    assertThat(MotReader.read(out).detections().equals(read.detections())).isTrue();
  }

  @Test
  void pyMotmetricsProtocolEqualsPyMotmetricsEvalMotchallengeOnMot17() throws IOException {
    // pymotmetrics_mot17.csv: py-motmetrics' own code with eval_motchallenge's loading rules
    // (gt min_confidence=1) on the same MOT17 files (SOURCES.md); keyframe's names are
    // py-motmetrics'.
    List<String> lines =
        Files.readAllLines(REAL.resolve("pymotmetrics_mot17.csv"), StandardCharsets.UTF_8);
    String[] head = lines.get(0).split(",");
    List<ScopeCounts> rows = new java.util.ArrayList<>();
    for (String seq : List.of("MOT17-05-DPM", "MOT17-09-DPM")) {
      AnnotationSet g = gt("MOT17-train", seq);
      rows.addAll(EvaluationProtocol.PY_MOTMETRICS.evaluate(g, pred("MOT17-train", seq), null));
    }
    rows.add(TrackingEvaluation.combine(rows, "OVERALL"));
    for (int k = 0; k < 3; k++) {
      String[] c = lines.get(k + 1).split(",");
      Map<String, Number> got = io.keyframe.metrics.report.MotMetricsReport.metrics(rows.get(k));
      for (int m = 1; m < head.length; m++)
        assertThat(got.get(head[m]).doubleValue())
            .as("%s %s", c[0], head[m])
            .isCloseTo(Double.parseDouble(c[m]), within(1e-6));
    }
  }
}
