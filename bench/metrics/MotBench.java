// Benchmark helper for bench/metrics.sh only (not product code): scores MOTChallenge txt pairs with
// keyframe's metrics and prints values + timings as JSON; "batch" mode scores a synthetic
// 100-video x 1800-frame x 50-object set generated in memory on N threads.
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.metrics.report.MotMetricsReport;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import io.keyframe.metrics.tracking.TrackingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class MotBench {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("mot")) mot(args);
    else batch(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
  }

  /** mot ITERATIONS name gt pred [name gt pred ...] */
  static void mot(String[] args) throws Exception {
    int iterations = Integer.parseInt(args[1]);
    double[] times = new double[iterations];
    List<TrackingResult> results = null;
    for (int it = 0; it < iterations; it++) {
      long t0 = System.nanoTime();
      results = new ArrayList<>();
      for (int k = 2; k + 2 < args.length; k += 3) {
        TrackingSequence seq = sequence(args[k], Path.of(args[k + 1]), Path.of(args[k + 2]));
        results.add(TrackingEvaluation.standard().evaluate(seq, args[k]));
      }
      MotMetricsReport.of(results).toJson();
      times[it] = (System.nanoTime() - t0) / 1e9;
    }
    MotMetricsReport report = MotMetricsReport.of(results);
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    System.out.println("{\"first_s\": " + times[0] + ", \"median_s\": " + sorted[iterations / 2] + ", \"report\": " + report.toJson() + "}");
  }

  static TrackingSequence sequence(String name, Path gtFile, Path predFile) throws Exception {
    TreeMap<Integer, List<double[]>> gt = read(gtFile), pred = read(predFile);
    TreeMap<Integer, Boolean> frames = new TreeMap<>();
    gt.keySet().forEach(f -> frames.put(f, true));
    pred.keySet().forEach(f -> frames.put(f, true));
    TrackingSequence.Builder b = new TrackingSequence.Builder(name);
    double[] sim = new double[0];
    for (int f : frames.keySet()) {
      List<double[]> g = gt.getOrDefault(f, List.of()), p = pred.getOrDefault(f, List.of());
      double[] s = new double[g.size() * p.size()];
      BoxIou.matrix(corners(g), g.size(), corners(p), p.size(), s);
      b.frame(f, ids(g), ids(p), s);
    }
    return b.build();
  }

  static TreeMap<Integer, List<double[]>> read(Path file) throws Exception {
    TreeMap<Integer, List<double[]>> out = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      String[] f = line.split(",");
      double[] r = {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])};
      out.computeIfAbsent((int) Double.parseDouble(f[0]), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  static int[] ids(List<double[]> rows) {
    int[] out = new int[rows.size()];
    for (int k = 0; k < out.length; k++) out[k] = (int) rows.get(k)[0];
    return out;
  }

  static double[] corners(List<double[]> rows) {
    double[] c = new double[4 * rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      double[] r = rows.get(k);
      c[4 * k] = r[1];
      c[4 * k + 1] = r[2];
      c[4 * k + 2] = r[1] + r[3];
      c[4 * k + 3] = r[2] + r[4];
    }
    return c;
  }

  /** batch VIDEOS FRAMES OBJECTS THREADS: generation is not timed, scoring (IoU + all metrics) is. */
  static void batch(int videos, int frames, int objects, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    List<Future<double[]>> futures = new ArrayList<>();
    for (int v = 0; v < videos; v++) {
      int seed = v;
      futures.add(pool.submit(() -> {
        long g0 = System.nanoTime();
        TrackingSequence seq = synthetic(seed, frames, objects);
        long g1 = System.nanoTime();
        TrackingResult r = TrackingEvaluation.standard().evaluate(seq, "v" + seed);
        long g2 = System.nanoTime();
        return new double[] {(g1 - g0) / 1e9, (g2 - g1) / 1e9, r.clear().mota(), r.hota().hota(), r.identity().idf1()};
      }));
    }
    double gen = 0, score = 0, mota = 0, hota = 0, idf1 = 0;
    for (Future<double[]> f : futures) {
      double[] x = f.get();
      gen += x[0];
      score += x[1];
      mota += x[2];
      hota += x[3];
      idf1 += x[4];
    }
    pool.shutdown();
    double wall = (System.nanoTime() - t0) / 1e9;
    System.out.printf(java.util.Locale.ROOT,
        "{\"videos\": %d, \"frames\": %d, \"objects\": %d, \"threads\": %d, \"wall_s\": %.3f, \"cpu_generate_s\": %.3f, \"cpu_score_s\": %.3f, \"mean_mota\": %.6f, \"mean_hota\": %.6f, \"mean_idf1\": %.6f}%n",
        videos, frames, objects, threads, wall, gen, score, mota / videos, hota / videos, idf1 / videos);
  }

  /**
   * A synthetic video: objects random-walk in 1920x1080; predictions jitter the boxes, drop 5 %,
   * add 3 % false positives and give an object a new ID after 1 % of frames.
   */
  static TrackingSequence synthetic(int seed, int frames, int objects) {
    Random rnd = new Random(seed);
    double[] x = new double[objects], y = new double[objects], w = new double[objects], h = new double[objects];
    int[] predId = new int[objects];
    int nextPred = objects;
    for (int o = 0; o < objects; o++) {
      w[o] = 30 + rnd.nextDouble() * 90;
      h[o] = 60 + rnd.nextDouble() * 180;
      x[o] = rnd.nextDouble() * (1920 - w[o]);
      y[o] = rnd.nextDouble() * (1080 - h[o]);
      predId[o] = o;
    }
    TrackingSequence.Builder b = new TrackingSequence.Builder("synthetic-" + seed);
    double[] gc = new double[4 * objects], pc = new double[4 * (objects + objects / 10 + 2)];
    int[] gid = new int[objects];
    for (int f = 0; f < frames; f++) {
      int np = 0;
      int[] pid = new int[objects + objects / 10 + 2];
      for (int o = 0; o < objects; o++) {
        x[o] = Math.min(1920 - w[o], Math.max(0, x[o] + rnd.nextGaussian() * 3));
        y[o] = Math.min(1080 - h[o], Math.max(0, y[o] + rnd.nextGaussian() * 2));
        gid[o] = o;
        gc[4 * o] = x[o];
        gc[4 * o + 1] = y[o];
        gc[4 * o + 2] = x[o] + w[o];
        gc[4 * o + 3] = y[o] + h[o];
        if (rnd.nextDouble() < 0.01) predId[o] = nextPred++;
        if (rnd.nextDouble() < 0.05) continue;
        double jx = rnd.nextGaussian() * 4, jy = rnd.nextGaussian() * 4;
        pid[np] = predId[o];
        pc[4 * np] = x[o] + jx;
        pc[4 * np + 1] = y[o] + jy;
        pc[4 * np + 2] = x[o] + jx + w[o] * (1 + rnd.nextGaussian() * 0.05);
        pc[4 * np + 3] = y[o] + jy + h[o] * (1 + rnd.nextGaussian() * 0.05);
        np++;
      }
      while (rnd.nextDouble() < 0.03 * objects / (1 + 0.03 * objects) && np < pid.length) {
        double fx = rnd.nextDouble() * 1800, fy = rnd.nextDouble() * 900;
        pid[np] = nextPred++;
        pc[4 * np] = fx;
        pc[4 * np + 1] = fy;
        pc[4 * np + 2] = fx + 50;
        pc[4 * np + 3] = fy + 120;
        np++;
      }
      double[] sim = new double[objects * np];
      BoxIou.matrix(gc, objects, pc, np, sim);
      b.frame(f, gid.clone(), Arrays.copyOf(pid, np), sim);
    }
    return b.build();
  }
}
