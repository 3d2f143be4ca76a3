// Benchmark helper for bench/metrics.sh only (not product code): scores MOTChallenge txt pairs with
// keyframe's metrics and prints values + timings as JSON; "batch" mode scores a synthetic
// 100-video x 1800-frame x 50-object set generated in memory on N threads.
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.metrics.report.MotMetricsReport;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import io.keyframe.metrics.tracking.ScopeCounts;
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
    double[] times = new double[iterations], wall = new double[iterations];
    List<ScopeCounts> results = null;
    for (int it = 0; it < iterations; it++) {
      long w0 = System.nanoTime();
      long t0 = cpuNanos();
      results = new ArrayList<>();
      for (int k = 2; k + 2 < args.length; k += 3) {
        TrackingSequence seq = sequence(args[k], Path.of(args[k + 1]), Path.of(args[k + 2]));
        results.add(TrackingEvaluation.standard().evaluate(seq, args[k]));
      }
      MotMetricsReport.of(results).toJson();
      times[it] = (cpuNanos() - t0) / 1e9;
      wall[it] = (System.nanoTime() - w0) / 1e9;
    }
    MotMetricsReport report = MotMetricsReport.of(results);
    System.out.println("{\"first_s\": " + times[0] + ", \"median_s\": " + median(times) + ", \"median_wall_s\": " + median(wall)
        + ", \"report\": " + report.toJson() + "}");
  }

  /** CPU time of the whole JVM (all threads: JIT and GC included), so shared-machine load does not count. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  static TrackingSequence sequence(String name, Path gtFile, Path predFile) throws Exception {
    TreeMap<Integer, List<double[]>> gt = read(gtFile), pred = read(predFile);
    TreeMap<Integer, Boolean> frames = new TreeMap<>();
    gt.keySet().forEach(f -> frames.put(f, true));
    pred.keySet().forEach(f -> frames.put(f, true));
    TrackingSequence.Builder b = new TrackingSequence.Builder(name);
    int[] index = new int[0];
    double[] value = new double[0];
    for (int f : frames.keySet()) {
      List<double[]> g = gt.getOrDefault(f, List.of()), p = pred.getOrDefault(f, List.of());
      if (index.length < g.size() * p.size()) {
        index = new int[g.size() * p.size()];
        value = new double[index.length];
      }
      int n = BoxIou.nonZero(corners(g), g.size(), corners(p), p.size(), index, value);
      b.frame(f, ids(g), ids(p), Arrays.copyOf(index, n), Arrays.copyOf(value, n));
    }
    return b.build();
  }

  /** MOTChallenge rows (frame, id, x, y, w, h, ...), parsed from bytes without per-line strings. */
  static TreeMap<Integer, List<double[]>> read(Path file) throws Exception {
    byte[] b = Files.readAllBytes(file);
    TreeMap<Integer, List<double[]>> out = new TreeMap<>();
    int[] pos = {0};
    List<double[]> current = null;
    int currentFrame = Integer.MIN_VALUE;
    while (pos[0] < b.length) {
      if (b[pos[0]] == '\n' || b[pos[0]] == '\r') {
        pos[0]++;
        continue;
      }
      int frame = (int) number(b, pos);
      double[] r = {number(b, pos), number(b, pos), number(b, pos), number(b, pos), number(b, pos)};
      while (pos[0] < b.length && b[pos[0]] != '\n') pos[0]++;
      if (frame != currentFrame) {
        current = out.computeIfAbsent(frame, k -> new ArrayList<>());
        currentFrame = frame;
      }
      current.add(r);
    }
    return out;
  }

  /** Parses one decimal field and skips its trailing comma; falls back to Double.parseDouble for exponents. */
  static double number(byte[] b, int[] pos) {
    int p = pos[0], start = p;
    while (p < b.length && b[p] != ',' && b[p] != '\n' && b[p] != '\r') p++;
    pos[0] = p < b.length && b[p] == ',' ? p + 1 : p;
    boolean neg = false;
    int q = start;
    if (b[q] == '-') {
      neg = true;
      q++;
    }
    long mant = 0;
    int scale = 0, digits = 0;
    boolean dot = false;
    for (; q < p; q++) {
      byte c = b[q];
      if (c == '.') dot = true;
      else if (c >= '0' && c <= '9' && digits < 15) {
        mant = mant * 10 + (c - '0');
        digits++;
        if (dot) scale++;
      } else return Double.parseDouble(new String(b, start, p - start, java.nio.charset.StandardCharsets.US_ASCII).trim());
    }
    // mant / 10^scale is correctly rounded (so equal to parseDouble) for mant < 2^53 and scale <= 22,
    // both exact doubles; longer numbers take the parseDouble branch above.
    double v = scale == 0 ? mant : mant / POW10[scale];
    return neg ? -v : v;
  }

  static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16};

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
    long c0 = cpuNanos();
    List<Future<double[]>> futures = new ArrayList<>();
    for (int v = 0; v < videos; v++) {
      int seed = v;
      futures.add(pool.submit(() -> {
        long g0 = System.nanoTime();
        TrackingSequence seq = synthetic(seed, frames, objects);
        long g1 = System.nanoTime();
        ScopeCounts r = TrackingEvaluation.standard().evaluate(seq, "v" + seed);
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
    double cpu = (cpuNanos() - c0) / 1e9;
    System.out.printf(java.util.Locale.ROOT,
        "{\"videos\": %d, \"frames\": %d, \"objects\": %d, \"threads\": %d, \"wall_s\": %.3f, \"process_cpu_s\": %.3f, \"task_generate_s\": %.3f, \"task_score_s\": %.3f, \"mean_mota\": %.6f, \"mean_hota\": %.6f, \"mean_idf1\": %.6f}%n",
        videos, frames, objects, threads, wall, cpu, gen, score, mota / videos, hota / videos, idf1 / videos);
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
      int[] index = new int[objects * np];
      double[] value = new double[objects * np];
      int n = BoxIou.nonZero(gc, objects, pc, np, index, value);
      b.frame(f, gid.clone(), Arrays.copyOf(pid, np), Arrays.copyOf(index, n), Arrays.copyOf(value, n));
    }
    return b.build();
  }
}
