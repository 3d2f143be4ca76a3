package io.keyframe.spark.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.spark.RunTables;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.StagedTableWriter;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.output.TooManyBadRowsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-built sequences with hand-derived TrackEval values (boxes either identical, IoU 1, or
 * disjoint): video A: one pole, 4 frames, predicted as id 7 then id 8 (one switch); video B: one
 * pole tracked perfectly for 2 frames plus a far false positive, and one monitor tracked perfectly.
 */
class AgreementJobTest {
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path dir;
  private String detections;
  private final List<Row> rows = new ArrayList<>();

  private void box(String video, String source, int frame, int id, String label, double x) {
    rows.add(
        RowFactory.create(
            source, frame, id, label, x, x, 10.0, 10.0, 1.0, null, 0, 0, false, false, false, null,
            -1.0, video));
  }

  @BeforeEach
  void scenario() {
    for (int f = 0; f < 4; f++) {
      box("A", "gt", f, 1, "iv_pole", 0);
      box("A", "model", f, f < 2 ? 7 : 8, "iv_pole", 0);
    }
    for (int f = 0; f < 2; f++) {
      box("B", "gt", f, 1, "iv_pole", 0);
      box("B", "model", f, 3, "iv_pole", 0);
      box("B", "gt", f, 5, "monitor", 50);
      box("B", "model", f, 9, "monitor", 50);
    }
    box("B", "model", 1, 4, "iv_pole", 100);
  }

  private void writeDetections() {
    StagedTableWriter w = StagedTableWriter.open(spark, dir.resolve("in").toString(), "input");
    w.stage(Table.DETECTIONS, spark.createDataFrame(rows, Table.DETECTIONS.frameSchema()));
    w.commit();
    detections = dir.resolve("in/tables/detections/run_id=input").toString();
  }

  /** A table of the job's output run {@code runId}. */
  private Dataset<Row> table(String name, String runId) {
    return RunTables.read(spark, dir.resolve("out"), name, runId);
  }

  private RunRecord runAgainstGroundTruth() {
    return AgreementJob.run(
        spark,
        AgreementJob.Options.of(
            JobOptions.of(dir.resolve("out").toString()), List.of(detections), "gt"));
  }

  /**
   * Every source against gt at IoU 0.5, switches classified by the gt events of {@code occlusions}
   * within {@code window} frames.
   */
  private AgreementJob.Options againstGroundTruth(
      JobOptions common, String occlusions, int window) {
    return new AgreementJob.Options(
        common, List.of(detections), "gt", List.of(), 0.5, List.of(), List.of(occlusions), window);
  }

  /** ann-1 against ann-2 at IoU 0.5, both raters of the agreement tables. */
  private RunRecord runRaters() {
    return AgreementJob.run(
        spark,
        new AgreementJob.Options(
            JobOptions.of(dir.resolve("out").toString()),
            List.of(detections),
            "ann-1",
            List.of("ann-2"),
            0.5,
            List.of("ann-1", "ann-2")));
  }

  /**
   * Video A only: ann-1's pole (id 1) and ann-2's box over it (id 4) on frames 0-2, which ann-2
   * calls a monitor on frame 2; and a far monitor of ann-2's alone on frame 0.
   */
  private void twoRatersOnePoleThenAMonitor() {
    rows.clear();
    for (int f = 0; f < 3; f++) {
      box("A", "ann-1", f, 1, "iv_pole", 0);
      box("A", "ann-2", f, 4, f < 2 ? "iv_pole" : "monitor", 0);
    }
    box("A", "ann-2", 0, 5, "monitor", 100);
    writeDetections();
  }

  private Row metric(RunRecord run, String video, String label) {
    Dataset<Row> t = table("tracking_metrics", run.runId());
    return t.where(t.col("video_id").equalTo(video).and(t.col("label").equalTo(label))).first();
  }

  @Test
  void perVideoMetricsMatchHandArithmetic() {
    writeDetections();
    RunRecord run = runAgainstGroundTruth();

    Row a = metric(run, "A", "iv_pole");
    assertThat(a.<Double>getAs("mota")).isCloseTo((4 - 0 - 1) / 4.0, within(1e-12));
    assertThat(a.<Integer>getAs("num_switches")).isEqualTo(1);
    assertThat(a.<Double>getAs("idf1")).isCloseTo(2 * 2 / (2 * 2 + 2 + 2.0), within(1e-12));
    // DetA = 4/4; AssA = mean over TPs of |match|/(|gt|+|pred|-|match|) = 2/(4+2-2) = 0.5.
    assertThat(a.<Double>getAs("hota")).isCloseTo(Math.sqrt(1 * 0.5), within(1e-9));
    assertThat(a.<Double>getAs("motp")).isCloseTo(1.0, within(1e-12));
    assertThat(a.<String>getAs("ref_source")).isEqualTo("gt");
    assertThat(a.<String>getAs("pred_source")).isEqualTo("model");
    assertThat(a.<Object>getAs("idsw_after_occlusion")).isNull();

    Row b = metric(run, "B", "iv_pole");
    assertThat(b.<Double>getAs("mota")).isCloseTo((2 - 1 - 0) / 2.0, within(1e-12));
    assertThat(b.<Double>getAs("idf1")).isCloseTo(2 * 2 / (2 * 2 + 1 + 0.0), within(1e-12));
    assertThat(b.<Double>getAs("hota")).isCloseTo(Math.sqrt(2 / 3.0 * 1), within(1e-9));
  }

  @Test
  void rollUpsAddCountsOfSequencesNotTheirRatios() {
    writeDetections();
    RunRecord run = runAgainstGroundTruth();

    // All videos, poles: TP 6, FP 1, IDSW 1, GT 6 (the mean of per-video MOTAs would be 0.625).
    Row poles = metric(run, Table.ALL, "iv_pole");
    assertThat(poles.<Double>getAs("mota")).isCloseTo((6 - 1 - 1) / 6.0, within(1e-12));
    assertThat(poles.<Double>getAs("idf1")).isCloseTo(2 * 4 / (2 * 4 + 3 + 2.0), within(1e-12));
    // DetA = 6/7, AssA = (4 x 0.5 + 2 x 1) / 6.
    assertThat(poles.<Double>getAs("hota")).isCloseTo(Math.sqrt(6 / 7.0 * 4 / 6.0), within(1e-9));
    assertThat(poles.<Integer>getAs("num_objects")).isEqualTo(6);

    // Video B, all classes: poles (TP 2, FP 1) + monitor (TP 2) over GT 4.
    assertThat(metric(run, "B", Table.ALL).<Double>getAs("mota"))
        .isCloseTo((4 - 1) / 4.0, within(1e-12));
    // A/pole, A/all, B/pole, B/monitor, B/all, all/pole, all/monitor, all/all.
    // Everything: TP 8, FP 1, IDSW 1, GT 8.
    assertThat(metric(run, Table.ALL, Table.ALL).<Double>getAs("mota"))
        .isCloseTo((8 - 1 - 1) / 8.0, within(1e-12));
    assertThat(run.rowCounts())
        .containsEntry("tracking_metrics", 8L)
        .containsEntry("quarantine", 0L);
    assertThat(run.inputs()).hasSize(2).allSatisfy((k, v) -> assertThat(v).hasSize(64));
  }

  /**
   * Video A's switch (gt 1: model 7 → 8 at frame 2) follows gt 1's occlusion at frame 1 (window
   * 15). With window 0 it no longer counts: another source's event over frames 0-3 is ignored.
   */
  @Test
  void switchesAfterOcclusionsGetIdSwitchesRowsAndCounts() {
    writeDetections();
    List<Row> events = new ArrayList<>();
    events.add(RowFactory.create("gt", 1, 1, 1, "person", true, -1, "A"));
    events.add(RowFactory.create("other", 1, 0, 3, "person", true, -1, "A"));
    StagedTableWriter w = StagedTableWriter.open(spark, dir.resolve("in").toString(), "occ");
    w.stage(
        Table.OCCLUSION_EVENTS,
        spark.createDataFrame(events, Table.OCCLUSION_EVENTS.frameSchema()));
    w.commit();
    String occlusions = dir.resolve("in/tables/occlusion_events/run_id=occ").toString();
    RunRecord run =
        AgreementJob.run(
            spark,
            againstGroundTruth(JobOptions.of(dir.resolve("out").toString()), occlusions, 15));

    List<Row> switches = table("id_switches", run.runId()).collectAsList();
    assertThat(switches).hasSize(1);
    Row s = switches.get(0);
    assertThat(
            List.of(
                s.<String>getAs("video_id"),
                s.<String>getAs("pred_source"),
                s.<Integer>getAs("frame"),
                s.<Integer>getAs("gt_id"),
                s.<Integer>getAs("old_pred_id"),
                s.<Integer>getAs("new_pred_id"),
                s.<Boolean>getAs("after_occlusion")))
        .containsExactly("A", "model", 2, 1, 7, 8, true);
    assertThat(metric(run, "A", Table.ALL).<Integer>getAs("idsw_after_occlusion")).isEqualTo(1);
    assertThat(metric(run, "A", Table.ALL).<Integer>getAs("frag_after_occlusion")).isZero();
    assertThat(metric(run, "B", Table.ALL).<Integer>getAs("idsw_after_occlusion")).isZero();
    assertThat(metric(run, Table.ALL, Table.ALL).<Integer>getAs("idsw_after_occlusion"))
        .isEqualTo(1);
    assertThat(metric(run, "A", "iv_pole").<Object>getAs("idsw_after_occlusion")).isNull();
    assertThat(run.rowCounts()).containsEntry("id_switches", 1L);

    // Window 0: frame 2 is past the occlusion's end, the same switch no longer counts.
    AgreementJob.run(
        spark,
        againstGroundTruth(
            new JobOptions(dir.resolve("out").toString(), "w0", 0.0), occlusions, 0));
    Dataset<Row> t = table("tracking_metrics", "w0");
    assertThat(
            t.where("video_id = 'A' and label = '__all__'")
                .first()
                .<Integer>getAs("idsw_after_occlusion"))
        .isZero();
  }

  /**
   * Model box id 12 on frame 3 of video A, {@code w} wide: zero or less is a box the domain
   * refuses.
   */
  private void modelBoxOfWidth(double w) {
    rows.add(
        RowFactory.create(
            "model", 3, 12, "iv_pole", 0.0, 0.0, w, 10.0, 1.0, null, 0, 0, false, false, false,
            null, -1.0, "A"));
  }

  /** Run "q" against gt with at most {@code maxBadFraction} of the rows quarantined. */
  private AgreementJob.Options quarantining(double maxBadFraction) {
    writeDetections();
    return new AgreementJob.Options(
        new JobOptions(dir.resolve("out").toString(), "q", maxBadFraction),
        List.of(detections),
        "gt",
        List.of(),
        0.5);
  }

  @Test
  void aMalformedRowIsQuarantinedAndTheRestStillScored() {
    modelBoxOfWidth(0.0);
    AgreementJob.run(spark, quarantining(0.1));

    Row q = table("quarantine", "q").first();
    assertThat(q.<String>getAs("source")).isEqualTo("model");
    assertThat(q.<Long>getAs("frame")).isEqualTo(3L);
    assertThat(q.<String>getAs("reason")).isEqualTo("box width must be > 0: 0.0");
    Dataset<Row> t = table("tracking_metrics", "q");
    assertThat(t.where("video_id = 'A' and label = 'iv_pole'").first().<Double>getAs("mota"))
        .isCloseTo(0.75, within(1e-12));
  }

  @Test
  void tooManyMalformedRowsFailTheJobWithoutARunsRow() {
    modelBoxOfWidth(-1.0);
    var options = quarantining(0.0);
    assertThatThrownBy(() -> AgreementJob.run(spark, options))
        .isInstanceOf(TooManyBadRowsException.class);
    assertThat(dir.resolve("out/tables/runs")).doesNotExist();
    assertThat(dir.resolve("out/tables/tracking_metrics")).doesNotExist();
    assertThat(dir.resolve("out/tables/quarantine/run_id=q")).exists();
  }

  @Test
  void ratersGetMatchedCountsIouKappaAlphaAndAConfusionTable() {
    twoRatersOnePoleThenAMonitor();
    RunRecord run = runRaters();

    Dataset<Row> t = table("agreement", run.runId());
    Row all = t.where("video_id = 'A' and label = '__all__'").first();
    assertThat(all.<String>getAs("rater_a")).isEqualTo("ann-1");
    assertThat(all.<Integer>getAs("n_matched")).isEqualTo(3);
    assertThat(all.<Integer>getAs("n_unmatched_a")).isZero();
    assertThat(all.<Integer>getAs("n_unmatched_b")).isEqualTo(1);
    assertThat(all.<Double>getAs("mean_iou")).isCloseTo(1.0, within(1e-12));
    // Classes of the 3 matches: (pole,pole) x2, (pole,monitor). p_o = 2/3, p_e = (3*2 + 0*1)/9 =
    // 2/3 -> kappa 0.
    assertThat(all.<Double>getAs("kappa")).isCloseTo(0.0, within(1e-12));
    // Coincidences: o_pp = 4, o_pm = o_mp = 1, n = 6, n_p = 5, n_m = 1: alpha = 1 - 5*2/(5*1 + 1*5)
    // = 0.
    assertThat(all.<Double>getAs("alpha")).isCloseTo(0.0, within(1e-12));
    assertThat(
            t.where("video_id = '__all__' and label = '__all__'")
                .first()
                .<Integer>getAs("n_matched"))
        .isEqualTo(3);
    // One-vs-rest for iv_pole: A says pole 3/3, B 2/3; p_o = 2/3, p_e = 1*2/3 + 0*1/3 = 2/3 ->
    // kappa 0.
    assertThat(t.where("video_id = 'A' and label = 'iv_pole'").first().<Double>getAs("kappa"))
        .isCloseTo(0.0, within(1e-12));

    Dataset<Row> c = table("confusion", run.runId()).where("video_id = 'A'");
    assertThat(
            c.where("label_a = 'iv_pole' and label_b = 'iv_pole'").first().<Integer>getAs("count"))
        .isEqualTo(2);
    assertThat(
            c.where("label_a = 'iv_pole' and label_b = 'monitor'").first().<Integer>getAs("count"))
        .isEqualTo(1);
    assertThat(c.count()).isEqualTo(2);
  }

  @Test
  void agreementObjectsListEachObjectBehindTheCountsWithItsFrameIdsAndIou() {
    twoRatersOnePoleThenAMonitor();
    RunRecord run = runRaters();
    Dataset<Row> o = table("agreement_objects", run.runId());
    // By hand: frames 0 and 1 pole/pole (IoU 1), frame 2 pole/monitor, ann-2's far monitor on
    // frame 0 alone.
    List<String> got =
        o.orderBy("frame", "outcome").collectAsList().stream()
            .map(
                r ->
                    r.<String>getAs("video_id")
                        + " "
                        + r.<Integer>getAs("frame")
                        + " "
                        + r.<String>getAs("outcome")
                        + " "
                        + r.getAs("id_a")
                        + " "
                        + r.getAs("label_a")
                        + " "
                        + r.getAs("id_b")
                        + " "
                        + r.getAs("label_b")
                        + " "
                        + r.getAs("iou"))
            .toList();
    assertThat(got)
        .containsExactly(
            "A 0 matched 1 iv_pole 4 iv_pole 1.0",
            "A 0 only_b null null 5 monitor null",
            "A 1 matched 1 iv_pole 4 iv_pole 1.0",
            "A 2 mislabelled 1 iv_pole 4 monitor 1.0");
    // The same objects the agreement row counts: 3 matched, 0 only A, 1 only B.
    Row all = table("agreement", run.runId()).where("video_id = 'A' and label = '__all__'").first();
    assertThat(o.where("outcome in ('matched', 'mislabelled')").count())
        .isEqualTo(all.<Integer>getAs("n_matched").longValue());
    assertThat(o.where("outcome = 'only_b'").count())
        .isEqualTo(all.<Integer>getAs("n_unmatched_b").longValue());
  }

  @Test
  void eachClassGetsItsOneVsRestKappaOverAllMatchedObjects() {
    rows.clear();
    String[] a = {"iv_pole", "iv_pole", "monitor", "monitor", "bed_rail", "bed_rail"};
    String[] b = {"iv_pole", "monitor", "monitor", "monitor", "bed_rail", "bed_rail"};
    for (int f = 0; f < a.length; f++) {
      box("A", "ann-1", f, 1, a[f], 0);
      box("A", "ann-2", f, 4, b[f], 0);
    }
    writeDetections();
    RunRecord run = runRaters();
    Dataset<Row> t = table("agreement", run.runId()).where("video_id = 'A'");
    // iv_pole vs rest: A p,p,o,o,o,o; B p,o,o,o,o,o. p_o = 5/6, p_e = (2/6)(1/6) + (4/6)(5/6) =
    // 22/36 -> (30-22)/(36-22) = 4/7.
    assertThat(t.where("label = 'iv_pole'").first().<Double>getAs("kappa"))
        .isCloseTo(4.0 / 7, within(1e-12));
    // bed_rail: both raters agree on every pair -> 1.
    assertThat(t.where("label = 'bed_rail'").first().<Double>getAs("kappa"))
        .isCloseTo(1.0, within(1e-12));
    // monitor vs rest: A o,o,m,m,o,o; B o,m,m,m,o,o. p_o = 5/6, p_e = (2/6)(3/6) + (4/6)(3/6) = 1/2
    // -> (5/6-1/2)/(1/2) = 2/3.
    assertThat(t.where("label = 'monitor'").first().<Double>getAs("kappa"))
        .isCloseTo(2.0 / 3, within(1e-12));
  }
}
