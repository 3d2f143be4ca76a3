package io.keyframe.report;

import static io.keyframe.report.ParquetFixture.row;

import io.keyframe.report.ParquetFixture.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny hand-made batch whose report numbers are derived by hand in the tests. Two complete runs
 * (r1 older, r2 newer) and one incomplete run (r3: table folders but no {@code runs} row) whose
 * rows must never show up.
 */
final class SampleBatch {
  static final String HOSTILE_LABEL = "<script>alert(1)</script>";

  private SampleBatch() {}

  static ParquetFixture write(Path root) {
    ParquetFixture f = new ParquetFixture(root);
    f.run("r1", new Run("track", 500L, 1_000L, "{}", "{\"a.xml\":\"aa\"}", "{}", "{}", "fallback"));
    f.run(
        "r2",
        new Run(
            "track",
            1_500L,
            2_000L,
            "{\"budget\":\"10%\"}",
            "{\"a.xml\":\"bb\"}",
            "{\"sam2\":\"cc\"}",
            "{\"detections\":18}",
            "sam2"));

    // r1 detections: 4 boxes, 2 keyframes -> 50 % saved.
    f.write(
        "detections",
        "r1",
        "vidA",
        ParquetFixture.rows(
            det("gt", 0, 1, "bed_rail", true), det("gt", 1, 1, "bed_rail", false),
            det("gt", 2, 1, "bed_rail", false), det("gt", 3, 1, "bed_rail", true)));
    // r2 detections: vidA gt tracks 1 and 2 on frames 0..4 (keyframes 0 and 4), sam2 on 0..4
    // (keyframe 3);
    // vidB gt track 1 on frames 0..2 (keyframe 0). 18 boxes, 6 keyframes.
    List<Object[]> a = new ArrayList<>();
    for (int fr = 0; fr < 5; fr++) {
      boolean kf = fr == 0 || fr == 4;
      a.add(det("gt", fr, 1, "bed_rail", kf));
      a.add(det("gt", fr, 2, "iv_pole", kf));
      // sam2 fragments the bed rail: track 7 on frames 0-2, then 9, then 11 (3 track IDs for 1
      // object)
      // ... and frame 3 is where it was re-initialised from a person's box (a keyframe of sam2)
      a.add(det("sam2", fr, fr < 3 ? 7 : fr == 3 ? 9 : 11, "bed_rail", fr == 3, 1500));
    }
    f.write("detections", "r2", "vidA", a);
    f.write(
        "detections",
        "r2",
        "vidB",
        ParquetFixture.rows(
            det("gt", 0, 1, "monitor", true),
            det("gt", 1, 1, "monitor", false),
            det("gt", 2, 1, "monitor", false)));
    // r3 is incomplete: 1 video with many rows that must be ignored.
    f.write("detections", "r3", "vidZ", ParquetFixture.rows(det("gt", 0, 1, "bed_rail", true)));
    f.write(
        "queue",
        "r3",
        null,
        ParquetFixture.rows(
            row(
                1,
                "vidZ",
                0,
                0,
                9.0,
                1.0,
                1.0,
                reasons("entropy", 1.0),
                objects(1, "bed_rail", "gt"))));
    // True sizes: vidB is 16:9, where its boxes' extent alone would suggest 640x480 (4:3).
    f.write(
        "videos",
        "r2",
        "vidA",
        ParquetFixture.rows(
            row(
                1920,
                1080,
                15.0,
                5,
                List.<Object[]>of(new Object[] {"gt", "gt.coco.json", "ab12"}))));
    f.write(
        "videos",
        "r2",
        "vidB",
        ParquetFixture.rows(
            row(
                1280,
                720,
                30.0,
                3,
                List.<Object[]>of(new Object[] {"gt", "gt.coco.json", "cd34"}))));

    f.write(
        "throughput",
        "r2",
        "vidA",
        ParquetFixture.rows(row("track", 5, 2.0, 2.5), row("agreement", 5, 0.5, 10.0)));
    f.write("throughput", "r2", "vidB", ParquetFixture.rows(row("track", 3, 2.0, 1.5)));

    f.write(
        "queue",
        "r2",
        null,
        ParquetFixture.rows(
            // rank 1: gt's track 1 and sam2's track 7 are one bed rail, numbered differently by
            // each source
            row(
                1,
                "vidA",
                2,
                4,
                0.9,
                2.5,
                2.5,
                reasons("entropy", 0.91, "occlusion", 1.0),
                objects(1, "bed_rail", "gt", 2, "iv_pole", "gt", 7, "bed_rail", "sam2")),
            row(
                2,
                "vidB",
                0,
                1,
                0.5,
                1.5,
                4.0,
                reasons("disagreement", 0.40),
                objects(1, "monitor", "gt")),
            row(
                3,
                "vidA",
                0,
                0,
                0.2,
                1.0,
                5.0,
                reasons("entropy", 0.20),
                objects(7, HOSTILE_LABEL, "sam2"))));

    f.write(
        "agreement",
        "r2",
        "vidA",
        ParquetFixture.rows(
            row("ann1", "ann2", "bed_rail", 8, 1, 2, 0.75, 0.70, 0.80, 0.80, 0.70, 0.90, 0.78)));
    f.write(
        "agreement",
        "r2",
        "__all__",
        ParquetFixture.rows(
            row("ann1", "ann2", "bed_rail", 11, 1, 2, 0.76, 0.71, 0.81, 0.85, 0.75, 0.95, 0.83),
            row("ann1", "ann2", "iv_pole", 5, 0, 1, 0.66, 0.60, 0.72, 0.60, 0.40, 0.80, 0.58)));
    f.write(
        "confusion",
        "r2",
        "vidA",
        ParquetFixture.rows(
            row("ann1", "ann2", "bed_rail", "bed_rail", 8),
            row("ann1", "ann2", "bed_rail", "iv_pole", 2),
            row("ann1", "ann2", "iv_pole", "iv_pole", 5)));
    f.write(
        "confusion",
        "r2",
        "vidB",
        ParquetFixture.rows(row("ann1", "ann2", "bed_rail", "bed_rail", 3)));

    f.write(
        "id_switches",
        "r2",
        "vidA",
        ParquetFixture.rows(row("sam2", 3, 1, 7, 9, true), row("sam2", 4, 2, 9, 7, false)));
    f.write(
        "occlusion_events",
        "r2",
        "vidA",
        ParquetFixture.rows(row("gt", 1, 1, 2, "person", true, 3)));

    f.write(
        "tracking_metrics",
        "r2",
        "__all__",
        ParquetFixture.rows(tm("sam2", 0.50, 0.60, 0.55), tm("fallback", 0.40, 0.50, 0.40)));
    f.write(
        "spot_check",
        "r2",
        null,
        ParquetFixture.rows(
            row("vidA", 2, "bed_rail", "occluded"), row("vidB", 1, "monitor", "random")));

    f.write(
        "compare",
        "r2",
        "__all__",
        ParquetFixture.rows(
            row("fallback", "sam2", "__all__", "hota", 0.40, 0.55, 0.15, 0.05, 0.25),
            row("fallback", "sam2", "__all__", "idf1", 0.50, 0.45, -0.05, -0.10, 0.02),
            row("fallback", "sam2", "bed_rail", "hota", 0.30, 0.50, 0.20, 0.10, 0.30)));
    f.write(
        "compare",
        "r2",
        "vidA",
        ParquetFixture.rows(
            row("fallback", "sam2", "__all__", "hota", 0.35, 0.60, 0.25, 0.10, 0.40)));
    f.write(
        "compare_frames",
        "r2",
        "vidA",
        ParquetFixture.rows(
            row("fallback", "sam2", 3, 0.8, "id switch"),
            row("fallback", "sam2", 1, 0.3, "missed box")));
    f.write(
        "compare_frames",
        "r2",
        "vidB",
        ParquetFixture.rows(row("fallback", "sam2", 2, 0.5, "label differs")));
    return f;
  }

  /**
   * The least complete output: run r1 (a fallback tracking run) with two ground-truth boxes of
   * track 1, a bed rail, on frames 0 (a keyframe) and 1 of {@code video}, at {@link #det}'s
   * geometry.
   */
  static ParquetFixture oneVideo(Path root, String video) {
    ParquetFixture f = new ParquetFixture(root);
    f.run("r1", Run.of("track", 500L, 1_000L, "fallback"));
    f.write(
        "detections",
        "r1",
        video,
        ParquetFixture.rows(det("gt", 0, 1, "bed_rail", true), det("gt", 1, 1, "bed_rail", false)));
    return f;
  }

  static Object[] det(String source, int frame, int track, String label, boolean keyframe) {
    return det(source, frame, track, label, keyframe, 100 + 200 * track);
  }

  static Object[] det(
      String source, int frame, int track, String label, boolean keyframe, double x) {
    return row(
        source,
        frame,
        track,
        label,
        x,
        120.0 + 10 * frame,
        150.0,
        300.0,
        0.9,
        null,
        0,
        0,
        false,
        false,
        keyframe,
        null,
        -1.0);
  }

  /** A {@code reasons} cell: signal, value, signal, value, ... */
  static List<Object[]> reasons(Object... signalValue) {
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < signalValue.length; i += 2)
      out.add(new Object[] {signalValue[i], signalValue[i + 1]});
    return out;
  }

  /** An {@code objects} cell: id, label, source, id, label, source, ... */
  static List<Object[]> objects(Object... idLabelSource) {
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < idLabelSource.length; i += 3)
      out.add(new Object[] {idLabelSource[i], idLabelSource[i + 1], idLabelSource[i + 2]});
    return out;
  }

  static Object[] tm(String pred, double mota, double idf1, double hota) {
    return row(
        pred, "gt", "__all__", mota, 0.8, idf1, 0.6, 0.6, hota, 0.5, 0.6, 0.8, 0.7, 0.7, 0.6, 0.6,
        2, 3, 4, 5, 1, 1, 0, 2, 1, 1);
  }
}
