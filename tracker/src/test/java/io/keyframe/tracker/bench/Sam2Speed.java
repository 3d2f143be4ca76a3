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
import io.keyframe.tracker.sam2.Sam2Batching;
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
 * one padding point), at each object batch of {@code --batches} (the per-frame encoder at batch 1
 * only), median wall ms of {@code --reps} calls, measured twice; then the video loop itself end to
 * end on each {@code --runs} batch (objects x frames, all objects prompted by boxes on frame 0),
 * {@code --repeats} times each after a one-frame warm-up with the same objects. Writes one JSON
 * file; the script fits cost(b) = fixed + b x marginal per graph, prices the runs with the plan
 * command and derives FLOP/s, fraction of peak and frames/s from it.
 *
 * <p>Usage: {@code Sam2Speed --bundle DIR --out FILE [--reps N] [--batches 1,B] [--runs 1x3,8x4]
 * [--repeats R] [--threads T] [--device cpu|cuda:N] [--only GRAPH,...|none] [--memories K]
 * [--pointers P] [--probe-dir DIR]} ({@code --memories}/{@code --pointers}: memory attention at the
 * first frames' sizes, for the plan's ramp; {@code --batches auto}: 1 and the largest batch up to
 * {@code --max-batch} (8) whose memory-attention scores fit {@link #ATTENTION_BYTES})
 */
public final class Sam2Speed {
  private Sam2Speed() {}

  /**
   * Memory-attention workspace the batch measurement may take: the cross-attention scores and their
   * softmax, float32, [objects, query tokens, memory tokens] each (one head).
   */
  static final double ATTENTION_BYTES = 6e9;

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
    int repeats = Integer.parseInt(a.getOrDefault("repeats", "1"));
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
    result.put("object_batch", m.objectBatch());
    // what the loop chunks by (Sam2Batching.DEFAULT's cap on attention bytes), so the plan does
    // too;
    // the same per-object bytes choose the bench's larger batch
    double perObject;
    try (Sam2VideoTracker t =
        Sam2VideoTracker.open(bundle, settings, Sam2Config.defaults(), Sam2Batching.DEFAULT)) {
      result.put("max_objects_per_call", t.maxObjectsPerCall());
      perObject = t.attentionBytesPerObject();
    }
    result.put("session", settings.provenance());
    result.put("memories", k);
    result.put("pointers", p);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    int[] batches =
        batches(
            a.getOrDefault("batches", "1"),
            Integer.parseInt(a.getOrDefault("max-batch", "8")),
            perObject,
            m);
    result.put("batches", batches);
    // graphs: batch 1 (FLOPs, fraction of peak); graphs_by_batch: every batch, for the fit
    Map<String, Object> graphs = new LinkedHashMap<>();
    Map<String, Map<String, Object>> byBatch = new LinkedHashMap<>();
    for (String g : m.layout().graphNames()) {
      if (!only.contains(g)) continue;
      try (OrtSession.SessionOptions so = settings.sessionOptions();
          OrtSession s =
              env.createSession(bundle.resolve(m.graphs().get(g).file()).toString(), so)) {
        for (int b : batches) {
          if (b > 1 && !perObject(s)) continue; // the frame's encoder: once per frame
          Map<String, long[]> shapes = new LinkedHashMap<>();
          Map<String, OnnxTensor> feed = inputs(env, s, k, p, b, shapes);
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
            if (b == 1 && probeDir != null && Files.isRegularFile(probeDir.resolve(g + ".onnx")))
              row.put("runtime_shapes", probe(env, settings, probeDir.resolve(g + ".onnx"), feed));
            if (b == 1) graphs.put(g, row);
            byBatch.computeIfAbsent(String.valueOf(b), x -> new LinkedHashMap<>()).put(g, row);
            System.err.printf(
                "sam2-speed: %-20s batch %2d %10.1f ms  %10.1f ms  (median of %d, two runs)%n",
                g, b, median(first), median(second), reps);
          } finally {
            feed.values().forEach(OnnxTensor::close);
          }
        }
      }
    }
    result.put("graphs", graphs);
    result.put("graphs_by_batch", byBatch);
    String runs = a.getOrDefault("runs", "");
    if (!runs.isEmpty()) result.put("end_to_end", endToEnd(bundle, settings, m, runs, repeats));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(out.toAbsolutePath().getParent());
    json.writeValue(out.toFile(), result);
  }

  /** A per-object graph: its first input has a dynamic object axis. */
  private static boolean perObject(OrtSession s) throws Exception {
    for (NodeInfo n : s.getInputInfo().values()) {
      long[] shape = ((TensorInfo) n.getInfo()).getShape();
      if (shape.length > 0 && shape[0] < 0 && !isSlotMask(n.getName())) return true;
    }
    return false;
  }

  private static boolean isSlotMask(String input) {
    return input.equals("mem_valid") || input.equals("ptr_valid");
  }

  /**
   * {@code auto}: 1 and the largest batch up to {@code maxBatch} (8) whose memory attention fits
   * {@link #ATTENTION_BYTES} (scores + softmax, float32, over {@code num_maskmem} memories and
   * {@code max_object_pointers} pointers); otherwise the listed batches (1 first). Bundles without
   * an object batch: 1.
   */
  private static int[] batches(String spec, int maxBatch, double perObject, Sam2Manifest m) {
    if (!m.objectBatch()) return new int[] {1};
    if (!spec.equals("auto"))
      return Arrays.stream(spec.split(",")).mapToInt(Integer::parseInt).distinct().toArray();
    int b =
        Sam2Batching.DEFAULT
            .withMaxObjects(maxBatch)
            .withAttentionBytes((long) ATTENTION_BYTES)
            .objectsPerCall(perObject);
    System.err.printf(
        "sam2-speed: memory attention scores %.2f GB per object (Sam2VideoTracker's count, float32,"
            + " x2 for softmax): batch 1 and %d (within %.0f GB)%n",
        perObject / 1e9, b, ATTENTION_BYTES / 1e9);
    return b == 1 ? new int[] {1} : new int[] {1, b};
  }

  /**
   * The video loop end to end on each {@code OBJECTSxFRAMES} batch of {@code runs}: all objects
   * prompted by boxes on frame 0, default batching; wall ms of each repeat and the graph calls and
   * their ms inside the loop (so what the loop adds beyond its graph calls can be read off).
   */
  private static List<Map<String, Object>> endToEnd(
      Path bundle, Sam2SessionSettings settings, Sam2Manifest m, String runs, int repeats)
      throws Exception {
    int s = m.imageSize();
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    try (Sam2VideoTracker t = Sam2VideoTracker.open(bundle, settings, Sam2Config.defaults())) {
      for (String run : runs.split(",")) {
        String[] nf = run.split("x");
        int objects = Integer.parseInt(nf[0]), frames = Integer.parseInt(nf[1]);
        int side = (int) Math.ceil(Math.sqrt(objects));
        int cell = s / side, size = Math.max(4, cell / 2);
        FrameImages images =
            f -> {
              BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
              Graphics2D g = img.createGraphics();
              g.setColor(Color.DARK_GRAY);
              g.fillRect(0, 0, s, s);
              for (int i = 0; i < objects; i++) {
                g.setColor(Color.getHSBColor(i / (float) objects, 0.8f, 1f));
                g.fillRect((i % side) * cell + f, (i / side) * cell, size, size);
              }
              g.dispose();
              return img;
            };
        List<Detection> prompt = new java.util.ArrayList<>();
        for (int i = 0; i < objects; i++)
          prompt.add(
              Detection.of(
                  0, i + 1, "object", new Box((i % side) * cell, (i / side) * cell, size, size)));
        // warm: the same objects on a one-frame video (decoder and memory encoder at this batch)
        t.track(new Video("warm", 30, s, s, 1, ""), images, prompt, null);
        Video video = new Video("bench", 30, s, s, frames, "");
        double[] ms = new double[repeats];
        Map<String, Long> calls = null;
        Map<String, Double> graphMs = null;
        for (int r = 0; r < repeats; r++) {
          Map<String, Long> calls0 = t.graphCalls();
          Map<String, Double> total0 = totals(t);
          long t0 = System.nanoTime();
          t.track(video, images, prompt, null);
          ms[r] = (System.nanoTime() - t0) / 1e6;
          Map<String, Long> c = new LinkedHashMap<>();
          Map<String, Double> g = new LinkedHashMap<>();
          Map<String, Double> total1 = totals(t);
          t.graphCalls().forEach((n, v) -> c.put(n, v - calls0.getOrDefault(n, 0L)));
          total1.forEach((n, v) -> g.put(n, v - total0.getOrDefault(n, 0.0)));
          if (r == 0) {
            calls = c;
            graphMs = g;
          }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("objects", objects);
        row.put("frames", frames);
        row.put("ms_total_runs", ms);
        row.put("graph_calls", calls);
        row.put("graph_ms_in_loop", graphMs);
        out.add(row);
        System.err.printf(
            "sam2-speed: end to end, %d objects x %d frames: %s ms%n",
            objects, frames, Arrays.toString(ms));
      }
    }
    return out;
  }

  /** Wall ms spent in each graph so far (calls x mean ms per call). */
  private static Map<String, Double> totals(Sam2VideoTracker t) {
    Map<String, Double> out = new LinkedHashMap<>();
    Map<String, Long> calls = t.graphCalls();
    t.graphMillisPerCall().forEach((g, ms) -> out.put(g, ms * calls.getOrDefault(g, 0L)));
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
   * Inputs at the loop's steady-state shapes: {@code b} objects on the object axis (a dynamic first
   * axis, except the slot masks), dynamic memory and pointer axes at {@code k} and {@code p}, one
   * (padding) point for the decoder; any other dynamic axis is 1.
   */
  private static Map<String, OnnxTensor> inputs(
      OrtEnvironment env, OrtSession s, int k, int p, int b, Map<String, long[]> shapes)
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
              d == 0 && !isSlotMask(name)
                  ? b
                  : name.startsWith("mem_")
                      ? k
                      : (name.startsWith("obj_ptr") || name.equals("ptr_valid")) ? p : 1;
      shapes.put(name, shape);
      int n = (int) Arrays.stream(shape).reduce(1, (x, y) -> x * y);
      if (info.type == OnnxJavaType.INT64) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++)
          v[i] = name.equals("mem_tpos") ? (i % k) % Math.max(1, k - 1) : i % Math.max(1, p) + 1;
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
