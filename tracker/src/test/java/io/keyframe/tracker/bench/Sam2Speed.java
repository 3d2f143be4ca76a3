package io.keyframe.tracker.bench;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Video;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.sam2.Sam2Config;
import io.keyframe.tracker.sam2.Sam2Device;
import io.keyframe.tracker.sam2.Sam2Manifest;
import io.keyframe.tracker.sam2.Sam2SessionSettings;
import io.keyframe.tracker.sam2.Sam2VideoTracker;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark (bench/sam2-speed.sh, never in verify): each graph of a SAM 2 / EdgeTAM bundle through
 * ONNX Runtime Java, warm, at the steady-state shapes of the video loop (memory attention over
 * {@code num_maskmem} memories and {@code max_object_pointers} pointers, the decoder with SAM 2's
 * one padding point), median wall ms of {@code --reps} calls, measured twice; then the whole loop
 * end to end for one object over {@code --frames} frames, to check the per-graph composition.
 * Writes one JSON file; the script derives FLOP/s, fraction of peak and frames/s from it.
 *
 * <p>Usage: {@code Sam2Speed --bundle DIR --out FILE [--reps N] [--frames F] [--threads T]
 * [--device cpu|cuda:N] [--only GRAPH,...] [--memories K] [--pointers P]} (the last three: memory
 * attention at the first frames' sizes, for the plan's ramp)
 */
public final class Sam2Speed {
  private Sam2Speed() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2)
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    if (a.containsKey("fallback-batch")) {
      fallback(Path.of(a.get("fallback-batch")), Path.of(a.get("out")));
      return;
    }
    Path probeDir = a.containsKey("probe-dir") ? Path.of(a.get("probe-dir")) : null;
    Path bundle = Path.of(a.get("bundle"));
    Path out = Path.of(a.get("out"));
    int reps = Integer.parseInt(a.getOrDefault("reps", "5"));
    int frames = Integer.parseInt(a.getOrDefault("frames", "6"));
    Sam2SessionSettings settings =
        Sam2SessionSettings.defaults()
            .withDevice(Sam2Device.parse(a.getOrDefault("device", "cpu")))
            .withIntraOpThreads(Integer.parseInt(a.getOrDefault("threads", "0")));
    Sam2Manifest m = Sam2Manifest.read(bundle);
    int k = Integer.parseInt(a.getOrDefault("memories", String.valueOf(m.numMaskmem())));
    int p = Integer.parseInt(a.getOrDefault("pointers", String.valueOf(m.maxObjectPointers())));
    List<String> only =
        a.containsKey("only") ? List.of(a.get("only").split(",")) : m.layout().graphNames();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("bundle", bundle.toString());
    result.put("model", m.model());
    result.put("layout", m.layout().name().toLowerCase());
    result.put("session", settings.provenance());
    result.put("memories", k);
    result.put("pointers", p);
    Map<String, Object> graphs = new LinkedHashMap<>();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    for (String g : m.layout().graphNames()) {
      if (!only.contains(g)) continue;
      try (OrtSession.SessionOptions so = settings.sessionOptions();
          OrtSession s =
              env.createSession(bundle.resolve(m.graphs().get(g).file()).toString(), so)) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, OnnxTensor> feed = inputs(env, s, g, k, p, shapes);
        try {
          s.run(feed).close(); // warm: allocations, arena, first-call planning
          double[] first = time(s, feed, reps);
          double[] second = time(s, feed, reps);
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("ms_median_run1", median(first));
          row.put("ms_median_run2", median(second));
          row.put("ms_run1", first);
          row.put("ms_run2", second);
          Map<String, List<Long>> shapeLists = new LinkedHashMap<>();
          shapes.forEach((n, sh) -> shapeLists.put(n, Arrays.stream(sh).boxed().toList()));
          row.put("input_shapes", shapeLists);
          if (probeDir != null && Files.isRegularFile(probeDir.resolve(g + ".onnx")))
            row.put("runtime_shapes", probe(env, settings, probeDir.resolve(g + ".onnx"), feed));
          graphs.put(g, row);
          System.err.printf(
              "sam2-speed: %-20s %10.1f ms  %10.1f ms  (median of %d, two runs)%n",
              g, median(first), median(second), reps);
        } finally {
          feed.values().forEach(OnnxTensor::close);
        }
      }
    }
    result.put("graphs", graphs);
    if (frames > 0) result.put("end_to_end_1_object", endToEnd(bundle, settings, m, frames));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(out.toAbsolutePath().getParent());
    json.writeValue(out.toFile(), result);
  }

  /** One object tracked through {@code frames} frames: wall ms per frame and the loop's own. */
  private static Map<String, Object> endToEnd(
      Path bundle, Sam2SessionSettings settings, Sam2Manifest m, int frames) throws Exception {
    int s = m.imageSize();
    FrameImages images =
        f -> {
          BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
          Graphics2D g = img.createGraphics();
          g.setColor(Color.DARK_GRAY);
          g.fillRect(0, 0, s, s);
          g.setColor(Color.WHITE);
          g.fillRect(s / 4 + 4 * f, s / 4, s / 4, s / 4);
          g.dispose();
          return img;
        };
    Video video = new Video("bench", 30, s, s, frames, "");
    List<Detection> prompt =
        List.of(Detection.of(0, 1, "object", new Box(s / 4, s / 4, s / 4, s / 4)));
    Map<String, Object> out = new LinkedHashMap<>();
    try (Sam2VideoTracker t = Sam2VideoTracker.open(bundle, settings, Sam2Config.defaults())) {
      // warm every graph once on a one-frame video, then the timed run
      t.track(new Video("warm", 30, s, s, 1, ""), images, prompt, null);
      long t0 = System.nanoTime();
      t.track(video, images, prompt, null);
      double ms = (System.nanoTime() - t0) / 1e6;
      out.put("frames", frames);
      out.put("ms_total", ms);
      out.put("ms_per_frame", ms / frames);
      out.put("graph_ms_per_call_in_loop", t.graphMillisPerCall());
    }
    System.err.printf(
        "sam2-speed: end to end, 1 object: %.1f ms per frame%n", out.get("ms_per_frame"));
    return out;
  }

  /**
   * The fallback tracker (as TrackJob runs it: detections, no pixels) over every video folder of a
   * batch: median ms of 5 passes per object and frame (objects from meta.json).
   */
  private static void fallback(Path batch, Path out) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<io.keyframe.dataset.AnnotationSet> sets = new java.util.ArrayList<>();
    long objectFrames = 0;
    try (var dirs = Files.list(batch)) {
      for (Path v : dirs.sorted().toList()) {
        if (!Files.isRegularFile(v.resolve("model.mot.txt"))) continue;
        var meta = json.readTree(v.resolve("meta.json").toFile());
        objectFrames +=
            meta.path("video").path("frameCount").asLong() * meta.path("objects").size();
        var set = io.keyframe.dataset.files.AnnotationFiles.read(v.resolve("model.mot.txt"));
        sets.add(
            set.withDetections(
                set.detections().stream().map(d -> d.withTrackId(Detection.UNTRACKED)).toList()));
      }
    }
    double[] ms = new double[6];
    for (int r = 0; r < ms.length; r++) {
      long t0 = System.nanoTime();
      for (var set : sets)
        new io.keyframe.tracker.bytetrack.ByteTracker(
                io.keyframe.tracker.bytetrack.ByteTrackConfig.defaults())
            .track(set, FrameImages.NONE, List.of(), null);
      ms[r] = (System.nanoTime() - t0) / 1e6;
    }
    double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("batch", batch.toString());
    result.put("object_frames", objectFrames);
    result.put("ms_median", median(warm));
    result.put("ms_per_object_frame", median(warm) / Math.max(1, objectFrames));
    json.enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    System.err.printf(
        "sam2-speed: fallback tracker %.1f ms for %d object-frames%n", median(warm), objectFrames);
  }

  /**
   * Shapes ONNX Runtime gives every output of a probe graph (the bundle graph with its dense nodes'
   * operands added as outputs, written by bench/sam2_flops.py) on the timing inputs.
   */
  private static Map<String, List<Long>> probe(
      OrtEnvironment env, Sam2SessionSettings settings, Path file, Map<String, OnnxTensor> feed)
      throws Exception {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    try (OrtSession.SessionOptions so = settings.sessionOptions();
        OrtSession s = env.createSession(file.toString(), so);
        OrtSession.Result r = s.run(feed)) {
      for (var e : r)
        if (e.getValue() instanceof OnnxTensor t)
          out.put(e.getKey(), Arrays.stream(t.getInfo().getShape()).boxed().toList());
    }
    return out;
  }

  private static double[] time(OrtSession s, Map<String, OnnxTensor> feed, int reps)
      throws Exception {
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      s.run(feed).close();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    return ms;
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    int n = c.length;
    return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
  }

  /**
   * Inputs at the loop's steady-state shapes: dynamic memory and pointer axes at {@code k} and
   * {@code p}, one (padding) point for the decoder; any other dynamic axis is 1.
   */
  private static Map<String, OnnxTensor> inputs(
      OrtEnvironment env, OrtSession s, String graph, int k, int p, Map<String, long[]> shapes)
      throws Exception {
    Random rnd = new Random(7);
    Map<String, OnnxTensor> feed = new LinkedHashMap<>();
    for (Map.Entry<String, NodeInfo> e : s.getInputInfo().entrySet()) {
      String name = e.getKey();
      TensorInfo info = (TensorInfo) e.getValue().getInfo();
      long[] shape = info.getShape().clone();
      for (int d = 0; d < shape.length; d++)
        if (shape[d] < 0)
          shape[d] =
              name.startsWith("mem_")
                  ? k
                  : (name.startsWith("obj_ptr") || name.equals("ptr_valid")) ? p : 1;
      shapes.put(name, shape);
      int n = (int) Arrays.stream(shape).reduce(1, (x, y) -> x * y);
      if (info.type == OnnxJavaType.INT64) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = name.equals("mem_tpos") ? i % Math.max(1, k - 1) : i + 1;
        feed.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(v), shape));
      } else {
        float[] v = new float[n];
        switch (name) {
          case "mem_valid", "ptr_valid" -> Arrays.fill(v, 1f);
          case "t_diff_max" -> Arrays.fill(v, 15f);
          case "multimask_output", "is_mask_from_pts" -> Arrays.fill(v, 0f);
          case "point_labels" -> Arrays.fill(v, -1f);
          case "point_coords" -> Arrays.fill(v, 0f);
          default -> {
            for (int i = 0; i < n; i++) v[i] = (float) rnd.nextGaussian();
          }
        }
        feed.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(v), shape));
      }
    }
    return feed;
  }
}
