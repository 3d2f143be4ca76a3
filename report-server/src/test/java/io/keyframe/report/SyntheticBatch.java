package io.keyframe.report;

import static io.keyframe.report.ParquetFixture.row;

import io.keyframe.report.ParquetFixture.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic batch of {@code videos} videos across every contract table, sized like a real
 * hospital batch's report tables (for the load benchmark; numbers are arbitrary but consistent).
 */
final class SyntheticBatch {
  static final String[] LABELS = {"bed_rail", "iv_pole", "monitor", "breathing_tube", "humidifier"};
  static final String[] PAIRS = {"ann1", "ann2", "ann3"};
  static final String[] METRICS = {"mota", "idf1", "hota", "deta", "assa"};

  private SyntheticBatch() {}

  static void write(Path root, int videos, int frames) {
    ParquetFixture f = new ParquetFixture(root);
    SplittableRandom rnd = new SplittableRandom(42);
    f.run("b1", Run.of("track", 1_000L, 60_000L, "sam2"));
    f.run("b2", Run.of("track", 70_000L, 130_000L, "sam2"));
    List<Object[]> queue = new ArrayList<>();
    List<Object[]> spot = new ArrayList<>();
    double cumulative = 0;
    for (int v = 0; v < videos; v++) {
      String video = String.format("vid%03d", v);
      List<Object[]> det = new ArrayList<>();
      for (int fr = 0; fr < frames; fr++) {
        for (int obj = 0; obj < LABELS.length - 1; obj++) {
          for (String source : new String[] {"gt", "sam2"}) {
            double x = 80 + 250 * obj + rnd.nextDouble(-5, 5) + fr * 0.3;
            det.add(
                row(
                    source,
                    fr,
                    obj + (source.equals("gt") ? 0 : 100),
                    LABELS[obj],
                    x,
                    200 + rnd.nextDouble(-5, 5),
                    120.0,
                    260.0,
                    rnd.nextDouble(0.5, 1),
                    null,
                    0,
                    0,
                    rnd.nextInt(10) == 0,
                    false,
                    source.equals("gt") && fr % 25 == 0,
                    null,
                    -1.0));
          }
        }
      }
      f.write("detections", "b2", video, det);
      if (v < 10) {
        f.write("detections", "b1", video, det.subList(0, det.size() / 2));
      }
      List<Object[]> agreement = new ArrayList<>();
      List<Object[]> confusion = new ArrayList<>();
      for (int a = 0; a < PAIRS.length; a++) {
        for (int b = a + 1; b < PAIRS.length; b++) {
          for (String label : LABELS) {
            double k = rnd.nextDouble(0.4, 0.95);
            double iou = rnd.nextDouble(0.6, 0.9);
            agreement.add(
                row(
                    PAIRS[a],
                    PAIRS[b],
                    label,
                    rnd.nextInt(50, 200),
                    rnd.nextInt(10),
                    rnd.nextInt(10),
                    iou,
                    iou - 0.05,
                    iou + 0.05,
                    k,
                    k - 0.1,
                    Math.min(1, k + 0.1),
                    k - 0.02));
            for (String other : LABELS) {
              confusion.add(
                  row(
                      PAIRS[a],
                      PAIRS[b],
                      label,
                      other,
                      label.equals(other) ? rnd.nextInt(50, 150) : rnd.nextInt(6)));
            }
          }
        }
      }
      f.write("agreement", "b2", video, agreement);
      f.write("confusion", "b2", video, confusion);
      List<Object[]> switches = new ArrayList<>();
      List<Object[]> occl = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int start = rnd.nextInt(frames - 20);
        occl.add(
            row(
                "gt",
                rnd.nextInt(4),
                start,
                start + rnd.nextInt(3, 15),
                "person",
                rnd.nextBoolean(),
                start + 2));
        switches.add(
            row(
                "sam2",
                Math.min(frames - 1, start + rnd.nextInt(0, 20)),
                rnd.nextInt(4),
                100,
                101 + i,
                rnd.nextBoolean()));
      }
      f.write("id_switches", "b2", video, switches);
      f.write("occlusion_events", "b2", video, occl);
      List<Object[]> cmp = new ArrayList<>();
      for (String label : LABELS) {
        for (String m : METRICS) {
          double a = rnd.nextDouble(0.3, 0.8);
          double b = a + rnd.nextDouble(-0.1, 0.15);
          cmp.add(row("fallback", "sam2", label, m, a, b, b - a, b - a - 0.05, b - a + 0.05));
        }
      }
      f.write("compare", "b2", video, cmp);
      List<Object[]> cf = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        cf.add(row("fallback", "sam2", rnd.nextInt(frames), rnd.nextDouble(), "boxes differ"));
      }
      f.write("compare_frames", "b2", video, cf);
      f.write(
          "throughput",
          "b2",
          video,
          ParquetFixture.rows(
              row("track", frames, frames / 25.0, 25.0),
              row("agreement", frames, frames / 400.0, 400.0),
              row("rank", frames, frames / 900.0, 900.0)));
      for (int i = 0; i < 5; i++) {
        double cost = rnd.nextDouble(0.5, 4);
        cumulative += cost;
        int start = rnd.nextInt(frames - 10);
        queue.add(
            row(
                queue.size() + 1,
                video,
                start,
                start + 5,
                rnd.nextDouble(),
                cost,
                cumulative,
                SampleBatch.reasons("entropy", rnd.nextDouble(), "occlusion", 1.0),
                SampleBatch.objects(0, LABELS[0], "gt", 1, LABELS[1], "gt")));
      }
      spot.add(row(video, rnd.nextInt(frames), LABELS[rnd.nextInt(LABELS.length)], "random"));
    }
    List<Object[]> allCompare = new ArrayList<>();
    for (String m : METRICS) {
      allCompare.add(row("fallback", "sam2", "__all__", m, 0.5, 0.56, 0.06, 0.02, 0.1));
    }
    f.write("compare", "b2", "__all__", allCompare);
    List<Object[]> allAgreement = new ArrayList<>();
    for (String label : LABELS) {
      allAgreement.add(
          row("ann1", "ann2", label, 9000, 300, 280, 0.75, 0.74, 0.76, 0.8, 0.78, 0.82, 0.79));
    }
    f.write("agreement", "b2", "__all__", allAgreement);
    f.write("queue", "b2", null, queue);
    f.write("spot_check", "b2", null, spot);
  }
}
