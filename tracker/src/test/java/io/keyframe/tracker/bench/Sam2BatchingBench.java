package io.keyframe.tracker.bench;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.Video;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.sam2.Sam2Batching;
import io.keyframe.tracker.sam2.Sam2Config;
import io.keyframe.tracker.sam2.Sam2Prompt;
import io.keyframe.tracker.sam2.Sam2VideoTracker;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each no-wasted-work change of the SAM 2 loop gains, warm, in one invocation: the same clip
 * (N objects prompted by boxes on frame 0, object 1 re-initialised by a keyframe on the middle
 * frame) tracked by
 *
 * <ol>
 *   <li>{@code per_object}: one object per graph call, fresh input tensors per call, the keyframe's
 *       frame encoded twice (the loop before this change);
 *   <li>{@code +reuse}: the frame's encoder outputs kept as ONNX Runtime tensors for every call,
 *       other inputs in reused direct buffers;
 *   <li>{@code +cache}: also the keyframe's encoder outputs kept from the prompted pass (encoder
 *       once per frame);
 *   <li>{@code +batch}: also all same-layout objects of a frame in one call per graph (the
 *       default).
 * </ol>
 *
 * Each variant runs once to warm up, then all run in {@code repeats} interleaved rounds; printed
 * per variant: the median wall time and the median CPU time of the calling thread (with one
 * intra-op thread ONNX Runtime computes on the calling thread, so this is the work done, little
 * affected by other jobs on a shared machine), their ratios to {@code per_object}, the graph calls
 * per run and the mean ms per call. The machine's load average is printed before and after.
 *
 * <p>Usage: {@code bench/sam2-batching.sh [bundle-dir] [objects] [frames] [repeats] [threads]}
 * (default: the test-size SAM 2.1 parity bundle, 8 objects, 6 frames, 5 repeats, 1 intra-op
 * thread).
 */
public final class Sam2BatchingBench {
  private Sam2BatchingBench() {}

  public static void main(String[] args) throws Exception {
    Path bundle =
        args.length > 0
            ? Path.of(args[0])
            : Path.of(
                    Sam2BatchingBench.class
                        .getResource("/io/keyframe/tracker/sam2/parity-sam2.1/manifest.json")
                        .toURI())
                .getParent();
    int objects = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int frames = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    int size = imageSize(bundle);
    Video video = new Video("bench", 30, size, size, frames, "");
    List<BufferedImage> images = new ArrayList<>();
    for (int f = 0; f < frames; f++) images.add(render(f, objects, size));
    FrameImages fi = images::get;
    List<Sam2Prompt> prompts = new ArrayList<>();
    for (int o = 0; o < objects; o++) prompts.add(prompt(0, o, objects, size));
    if (frames > 2) prompts.add(prompt(frames / 2, 0, objects, size));

    System.out.printf(
        Locale.ROOT,
        "bundle=%s objects=%d frames=%d repeats=%d intra_op_threads=%d cores=%d%n",
        bundle,
        objects,
        frames,
        repeats,
        threads,
        Runtime.getRuntime().availableProcessors());
    System.out.println("loadavg_before=" + loadAverage());
    Map<String, Sam2Batching> variants = new java.util.LinkedHashMap<>();
    variants.put("per_object", Sam2Batching.PER_OBJECT);
    variants.put("+reuse", Sam2Batching.PER_OBJECT.withReuseTensors(true));
    variants.put(
        "+cache", Sam2Batching.PER_OBJECT.withReuseTensors(true).withCachePromptedFrames(8));
    variants.put("+batch", Sam2Batching.DEFAULT);
    // All variants open at once and run in interleaved rounds, so a change in the machine's load
    // hits them alike.
    List<String> names = new ArrayList<>(variants.keySet());
    List<Sam2VideoTracker> trackers = new ArrayList<>();
    double[][] wall = new double[names.size()][repeats], cpu = new double[names.size()][repeats];
    List<Map<String, Long>> callsBefore = new ArrayList<>();
    try {
      for (String name : names) {
        Sam2VideoTracker t =
            Sam2VideoTracker.open(bundle, threads, Sam2Config.defaults(), variants.get(name));
        trackers.add(t);
        t.trackPrompts(video, fi, prompts, null); // warm-up
        callsBefore.add(Map.copyOf(t.graphCalls()));
      }
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      for (int r = 0; r < repeats; r++)
        for (int v = 0; v < names.size(); v++) {
          long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
          trackers.get(v).trackPrompts(video, fi, prompts, null);
          wall[v][r] = (System.nanoTime() - t0) / 1e6;
          cpu[v][r] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
      double baseWall = median(wall[0]), baseCpu = median(cpu[0]);
      for (int v = 0; v < names.size(); v++) {
        Sam2VideoTracker t = trackers.get(v);
        StringBuilder calls = new StringBuilder();
        Map<String, Double> ms = t.graphMillisPerCall();
        Map<String, Long> before = callsBefore.get(v);
        t.graphCalls()
            .forEach(
                (g, c) ->
                    calls.append(
                        String.format(
                            Locale.ROOT,
                            " %s=%dx%.2fms",
                            g,
                            (c - before.getOrDefault(g, 0L)) / repeats,
                            ms.get(g))));
        System.out.printf(
            Locale.ROOT,
            "variant=%s wall_ms=%.1f cpu_ms=%.1f wall_ratio_vs_per_object=%.3f"
                + " cpu_ratio_vs_per_object=%.3f cpu_ratio_vs_previous=%.3f calls_per_run:%s%n",
            names.get(v),
            median(wall[v]),
            median(cpu[v]),
            median(wall[v]) / baseWall,
            median(cpu[v]) / baseCpu,
            v == 0 ? 1.0 : median(cpu[v]) / median(cpu[v - 1]),
            calls);
      }
    } finally {
      trackers.forEach(Sam2VideoTracker::close);
    }
    System.out.println("loadavg_after=" + loadAverage());
  }

  private static Sam2Prompt prompt(int frame, int o, int objects, int size) {
    Box b = square(frame, o, objects, size);
    return new Sam2Prompt(frame, o + 1, "object", b, null, null);
  }

  /** Object o's square on frame f: a grid of squares drifting right by 1 % of the frame a frame. */
  private static Box square(int f, int o, int objects, int size) {
    int cols = (int) Math.ceil(Math.sqrt(objects));
    double cell = size / (double) (cols + 1);
    double side = cell * 0.6;
    double x = cell * (0.5 + o % cols) + f * size * 0.01, y = cell * (0.5 + o / cols);
    return new Box(x, y, side, side);
  }

  private static BufferedImage render(int f, int objects, int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(70, 80, 90));
    g.fillRect(0, 0, size, size);
    for (int o = 0; o < objects; o++) {
      Box b = square(f, o, objects, size);
      g.setColor(Color.getHSBColor(o / (float) objects, 0.8f, 0.9f));
      g.fillRect((int) b.x(), (int) b.y(), (int) b.w(), (int) b.h());
    }
    g.dispose();
    return img;
  }

  private static int imageSize(Path bundle) throws Exception {
    String json = Files.readString(bundle.resolve("manifest.json"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"image_size\"\\s*:\\s*(\\d+)").matcher(json);
    if (!m.find()) throw new IllegalArgumentException("no image_size in " + bundle);
    return Integer.parseInt(m.group(1));
  }

  private static double median(double[] xs) {
    double[] c = xs.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
