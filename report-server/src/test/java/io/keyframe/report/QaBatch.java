package io.keyframe.report;

import static io.keyframe.report.ParquetFixture.row;
import static java.lang.Double.NaN;

import io.keyframe.report.ParquetFixture.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made QA batch: one video ({@code qa1}, 1920x1080, 4 frames), the ground truth {@code gt}
 * and two annotators, whose agreement, drill-down and scorecard numbers the tests derive by hand.
 *
 * <ul>
 *   <li>gt: track 1 bed_rail at x=100 and track 2 iv_pole at x=600 on frames 0-3.
 *   <li>ann1: the same boxes (tracks 11 and 12).
 *   <li>ann2: track 21 bed_rail at x=100 on frames 0-3; track 22 at x=600 on frame 0 as iv_pole and
 *       on frame 1 as bed_rail (then gone); track 23 monitor at x=1200 on frame 0 (nothing there).
 * </ul>
 *
 * ann1 vs ann2, per frame: f0 11-21 and 12-22 matched, 23 only B; f1 11-21 matched, 12-22
 * mislabelled (iv_pole vs bed_rail); f2 and f3 11-21 matched, 12 only A. The agreement rows count
 * those by A's class: bed_rail 4 matched; iv_pole 2 matched, 2 only A; monitor 1 only B.
 */
final class QaBatch {
  static final String VIDEO = "qa1";
  static final int SPOT_ROWS = 30;

  private QaBatch() {}

  static ParquetFixture write(Path root) {
    ParquetFixture f = new ParquetFixture(root);
    f.run(
        "g1", Run.of("generate", 100L, 200L, null).withParams("{\"model\":{\"name\":\"model\"}}"));
    f.run(
        "a1",
        Run.of("agreement", 300L, 400L, null)
            .withParams("{\"reference\":\"gt\",\"raters\":[\"ann1\",\"ann2\"],\"threshold\":0.5}"));
    List<Object[]> d = new ArrayList<>();
    for (int fr = 0; fr < 4; fr++) {
      d.add(det("gt", fr, 1, "bed_rail", 100));
      d.add(det("gt", fr, 2, "iv_pole", 600));
      d.add(det("ann1", fr, 11, "bed_rail", 100));
      d.add(det("ann1", fr, 12, "iv_pole", 600));
      d.add(det("ann2", fr, 21, "bed_rail", 100));
    }
    d.add(det("ann2", 0, 22, "iv_pole", 600));
    d.add(det("ann2", 1, 22, "bed_rail", 600));
    d.add(det("ann2", 0, 23, "monitor", 1200));
    f.write("detections", "g1", VIDEO, d);
    f.write(
        "videos",
        "g1",
        VIDEO,
        ParquetFixture.rows(
            row(1920, 1080, 15.0, 4, List.<Object[]>of(new Object[] {"gt", "gt.json", "ab"}))));

    List<Object[]> o = new ArrayList<>();
    for (int fr = 0; fr < 4; fr++)
      o.add(row("ann1", "ann2", fr, "matched", 11, "bed_rail", 21, "bed_rail", 1.0));
    o.add(row("ann1", "ann2", 0, "matched", 12, "iv_pole", 22, "iv_pole", 1.0));
    o.add(row("ann1", "ann2", 1, "mislabelled", 12, "iv_pole", 22, "bed_rail", 1.0));
    o.add(row("ann1", "ann2", 2, "only_a", 12, "iv_pole", null, null, null));
    o.add(row("ann1", "ann2", 3, "only_a", 12, "iv_pole", null, null, null));
    o.add(row("ann1", "ann2", 0, "only_b", null, null, 23, "monitor", null));
    f.write("agreement_objects", "a1", VIDEO, o);

    // kappa of __all__: matched pairs (bed,bed) x4, (iv,iv), (iv,bed): p_o 5/6, p_e 22/36 -> 4/7.
    for (String v : List.of(VIDEO, "__all__"))
      f.write(
          "agreement",
          "a1",
          v,
          ParquetFixture.rows(
              row("ann1", "ann2", "__all__", 6, 2, 1, 1.0, 1.0, 1.0, 4 / 7.0, 0.2, 1.0, 0.55),
              row("ann1", "ann2", "bed_rail", 4, 0, 0, 1.0, 1.0, 1.0, 0.6, 0.1, 1.0, 0.5),
              row("ann1", "ann2", "iv_pole", 2, 2, 0, 1.0, 1.0, 1.0, 0.6, 0.1, 1.0, 0.5),
              row("ann1", "ann2", "monitor", 0, 0, 1, NaN, NaN, NaN, NaN, NaN, NaN, NaN)));
    f.write(
        "confusion",
        "a1",
        VIDEO,
        ParquetFixture.rows(
            row("ann1", "ann2", "bed_rail", "bed_rail", 4),
            row("ann1", "ann2", "iv_pole", "iv_pole", 1),
            row("ann1", "ann2", "iv_pole", "bed_rail", 1)));
    f.write(
        "compare",
        "a1",
        "__all__",
        ParquetFixture.rows(row("ann1", "ann2", "__all__", "hota", 1.0, 0.6, -0.4, -0.5, -0.3)));
    // A class the video does not have: the compare job writes NaN there.
    f.write(
        "compare",
        "a1",
        VIDEO,
        ParquetFixture.rows(
            row("ann1", "ann2", "__all__", "hota", 1.0, 0.6, -0.4, NaN, NaN),
            row("ann1", "ann2", "humidifier", "hota", NaN, NaN, NaN, NaN, NaN)));
    f.write(
        "compare_frames",
        "a1",
        VIDEO,
        ParquetFixture.rows(
            row("ann1", "ann2", 1, 0.5, "label differs"),
            row("ann1", "ann2", 2, 0.4, "missed box"),
            row("ann1", "ann2", 0, 0.3, "extra box")));
    f.write(
        "queue",
        "a1",
        null,
        ParquetFixture.rows(
            row(
                1,
                VIDEO,
                1,
                2,
                0.9,
                2.0,
                2.0,
                SampleBatch.reasons("disagreement", 0.9),
                SampleBatch.objects(12, "iv_pole", "ann1", 22, "bed_rail", "ann2")),
            row(
                2,
                VIDEO,
                3,
                3,
                0.4,
                1.0,
                3.0,
                SampleBatch.reasons("disagreement", 0.4),
                SampleBatch.objects(12, "iv_pole", "ann1"))));
    // 30 spot-check frames, enough for a paged table: frame i % 4, stratum "occluded" for every
    // third row (10 of 30), else "random".
    List<Object[]> spot = new ArrayList<>();
    for (int i = 0; i < SPOT_ROWS; i++)
      spot.add(
          row(
              VIDEO,
              i % 4,
              i % 2 == 0 ? "bed_rail" : "iv_pole",
              i % 3 == 0 ? "occluded" : "random"));
    f.write("spot_check", "a1", null, spot);
    return f;
  }

  static Object[] det(String source, int frame, int track, String label, double x) {
    return row(
        source, frame, track, label, x, 300.0, 200.0, 400.0, 1.0, null, 0, 0, false, false, false,
        null, -1.0);
  }
}
