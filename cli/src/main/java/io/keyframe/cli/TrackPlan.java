package io.keyframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.tracker.sam2.Sam2Batching;
import io.keyframe.tracker.sam2.Sam2Device;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What tracking a batch will cost before it runs ({@code keyframe track --plan}): objects per frame
 * x frames x videos, priced with the per-graph milliseconds {@code bench/sam2-speed.sh} measured (a
 * figures file; keyframe ships one measured on its development machine).
 *
 * <p>Per video of {@code F} frames and {@code N} objects (every object of {@code meta.json} is
 * prompted on frame 0 and tracked on every frame, as SAM 2 propagates each prompted object through
 * the whole video), priced the way {@code Sam2VideoTracker} runs it: the image encoder once per
 * frame; the per-object graphs once per chunk of objects ({@link #chunks}: the objects share one
 * memory layout, so they go in chunks of at most the loop's objects per call, {@code
 * max_objects_per_call}), a chunk of {@code c} objects costing {@code fixed + c x per_object} (the
 * bench's fit between batch 1 and a larger batch; figures without a fit price a chunk at {@code c
 * x} the batch-1 time); plus what the Java loop adds beyond the graph calls, {@code per_frame + N x
 * per_object_frame} on every frame (from the bench's calibration runs, never from the batches it
 * validates the plan on; 0 when the figures lack it):
 *
 * <ul>
 *   <li>{@code sam2}, {@code edgetam}: frame 0 (the prompts, no memory): {@code encoder + sum over
 *       chunks of (decoder(c) + memory encoder(c)) + loop}; frame t = 1..F-1 adds memory
 *       attention(c) over {@code min(t, K)} memories (K = 7), interpolated linearly in the memories
 *       between its figures at 1 and K (constant at K when the figures have no 1-memory value);
 *   <li>{@code sam2-keyframes} (SAM 2 decodes only the keyframes, one every {@code K} frames, from
 *       their prompts, and the fallback tracker carries IDs between them): {@code ceil(F/K)} frames
 *       priced as frame 0 above {@code + F x N x fallback};
 *   <li>{@code fallback}: {@code F x N x fallback} (ms per object and frame).
 * </ul>
 */
record TrackPlan(
    String model,
    String device,
    List<VideoSize> videos,
    List<Double> videoMs,
    String figuresSource) {
  static final List<String> MODELS = List.of("sam2", "edgetam", "sam2-keyframes", "fallback");

  /** One video of the batch: its frames and objects, from its {@code meta.json}. */
  record VideoSize(String id, int frames, int objects) {}

  TrackPlan {
    videos = List.copyOf(videos);
    videoMs = List.copyOf(videoMs);
  }

  double msTotal() {
    return videoMs.stream().mapToDouble(Double::doubleValue).sum();
  }

  double hours() {
    return msTotal() / 3.6e6;
  }

  long objectFrames() {
    return videos.stream().mapToLong(v -> (long) v.frames() * v.objects()).sum();
  }

  /**
   * Plans {@code batch} (a folder of video folders with {@code meta.json}, or one such folder).
   *
   * @param figures the bench's figures file, or null for the shipped one
   * @param keyframeEvery for {@code sam2-keyframes}: one keyframe every this many frames
   */
  static TrackPlan of(Path batch, String model, Sam2Device device, Path figures, int keyframeEvery)
      throws IOException {
    if (!MODELS.contains(model))
      throw new IllegalArgumentException(
          "--model must be one of " + MODELS + ", got '" + model + "'");
    if (keyframeEvery < 1)
      throw new IllegalArgumentException("--keyframe-every must be >= 1, got " + keyframeEvery);
    List<VideoSize> videos = videos(batch);
    JsonNode fig;
    String source;
    ObjectMapper json = new ObjectMapper();
    if (figures != null) {
      source = figures.toString();
      try {
        fig = json.readTree(figures.toFile());
      } catch (IOException e) {
        throw new BadAnnotationException(
            figures, -1, -1, "", "not a readable figures file: " + e.getMessage());
      }
    } else {
      source = "shipped figures (" + SHIPPED + ")";
      try (InputStream in = TrackPlan.class.getResourceAsStream(SHIPPED)) {
        fig = json.readTree(in);
      }
    }
    Path where = figures == null ? Path.of(SHIPPED) : figures;
    List<Double> perVideo = new ArrayList<>();
    for (VideoSize v : videos) {
      double f = v.frames(), n = v.objects();
      perVideo.add(
          switch (model) {
            case "sam2", "edgetam" -> {
              Graphs g = graphs(fig, model, device, where);
              double ms = v.frames() > 0 ? g.promptedFrame(v.objects()) : 0;
              for (int t = 1; t < v.frames(); t++) ms += g.trackedFrame(t, v.objects());
              yield ms;
            }
            case "sam2-keyframes" -> {
              Graphs g = graphs(fig, "sam2", device, where);
              double keyframes = Math.ceil(f / keyframeEvery);
              yield keyframes * g.promptedFrame(v.objects()) + f * n * fallback(fig, where);
            }
            default -> f * n * fallback(fig, where);
          });
    }
    return new TrackPlan(model, device.toString(), videos, perVideo, source);
  }

  static final String SHIPPED = "/io/keyframe/cli/sam2-figures.json";

  /**
   * The chunks the loop splits {@code objects} same-layout objects into: as many full chunks of
   * {@code maxPerCall} as fit, then the rest (50 at 16 per call: 16, 16, 16, 2).
   */
  static List<Integer> chunks(int objects, int maxPerCall) {
    if (maxPerCall < 1)
      throw new IllegalArgumentException("maxPerCall must be >= 1: " + maxPerCall);
    List<Integer> out = new ArrayList<>();
    for (int left = objects; left > 0; left -= maxPerCall) out.add(Math.min(left, maxPerCall));
    return out;
  }

  /** One per-object graph's ms per call on {@code b} objects: {@code fixed + b x perObject}. */
  record Cost(double fixed, double perObject) {
    double ms(int b) {
      return fixed + b * perObject;
    }

    /** Linear between {@code this} (at 1 memory) and {@code k} (at {@code memories}). */
    Cost towards(Cost k, int memories, int m) {
      double w = memories <= 1 ? 1 : (m - 1) / (double) (memories - 1);
      return new Cost(fixed + w * (k.fixed - fixed), perObject + w * (k.perObject - perObject));
    }
  }

  /**
   * @param memoryAttention over {@code memories} memories (the steady state)
   * @param memoryAttention1 over one memory and one pointer (frame 1), or null: the cost is linear
   *     in the memory tokens, so frame t (min(t, memories) memories) is interpolated
   * @param maxPerCall the loop's most objects per call of a per-object graph
   */
  private record Graphs(
      double encoder,
      Cost memoryAttention,
      Cost memoryAttention1,
      int memories,
      Cost decoder,
      Cost memoryEncoder,
      double loopPerFrame,
      double loopPerObjectFrame,
      int maxPerCall) {
    /** Frame 0: every object decoded from its prompt, no memory attention. */
    double promptedFrame(int objects) {
      if (objects == 0) return 0; // the loop returns before encoding anything
      double ms = encoder + loopPerFrame + objects * loopPerObjectFrame;
      for (int c : chunks(objects, maxPerCall)) ms += decoder.ms(c) + memoryEncoder.ms(c);
      return ms;
    }

    /** Frame t >= 1: memory attention over min(t, memories) memories, then as frame 0. */
    double trackedFrame(int t, int objects) {
      if (objects == 0) return 0;
      Cost attention =
          memoryAttention1 == null || memories <= 1
              ? memoryAttention
              : memoryAttention1.towards(memoryAttention, memories, Math.min(t, memories));
      double ms = promptedFrame(objects);
      for (int c : chunks(objects, maxPerCall)) ms += attention.ms(c);
      return ms;
    }
  }

  private static Graphs graphs(JsonNode fig, String model, Sam2Device device, Path file) {
    JsonNode m = fig.path("models").path(model);
    if (m.isMissingNode())
      throw new BadAnnotationException(
          file,
          -1,
          -1,
          "models." + model,
          "no figures for " + model + " (run bench/sam2-speed.sh and pass --figures)");
    String measured = m.path("device").asText("cpu");
    if (Sam2Device.parse(measured).isCuda() != device.isCuda())
      throw new BadAnnotationException(
          file,
          -1,
          -1,
          "models." + model + ".device",
          "figures were measured on "
              + measured
              + ", not "
              + device
              + " (run bench/sam2-speed.sh --device "
              + device
              + " there and pass its --figures)");
    JsonNode g = m.path("graph_ms");
    JsonNode fit = m.path("graph_fit");
    String at = "models." + model + ".";
    // Figures from before the batch fit (batch-1 times only) price c objects at c x batch 1.
    java.util.function.BiFunction<String, String[], Cost> cost =
        (fitName, names) ->
            fit.has(fitName)
                ? fitted(fit.get(fitName), file, at + "graph_fit." + fitName)
                : new Cost(0, ms(g, file, model, names));
    double loopPerFrame = 0, loopPerObjectFrame = m.path("loop_ms_per_object_frame").asDouble(0);
    if (m.has("loop_ms")) {
      loopPerFrame = nonNegative(m.path("loop_ms"), "per_frame", file, at + "loop_ms");
      loopPerObjectFrame = nonNegative(m.path("loop_ms"), "per_object_frame", file, at + "loop_ms");
    }
    JsonNode max = m.path("max_objects_per_call");
    if (!max.isMissingNode() && !(max.canConvertToInt() && max.asInt() >= 1))
      throw new BadAnnotationException(
          file, -1, -1, at + "max_objects_per_call", "must be a whole number >= 1");
    return new Graphs(
        ms(g, file, model, "image_encoder", "vision_encoder"),
        cost.apply("memory_attention", new String[] {"memory_attention"}),
        fit.has("memory_attention_1") || g.has("memory_attention_1")
            ? cost.apply("memory_attention_1", new String[] {"memory_attention_1"})
            : null,
        m.path("memories").asInt(7),
        cost.apply("mask_decoder", new String[] {"mask_decoder", "video_mask_decoder"}),
        cost.apply("memory_encoder", new String[] {"memory_encoder"}),
        loopPerFrame,
        loopPerObjectFrame,
        max.isMissingNode() ? Sam2Batching.DEFAULT.maxObjects() : max.asInt());
  }

  /** {@code {"fixed_ms": a, "per_object_ms": b}}: b >= 0 and a + b >= 0 (no chunk costs < 0). */
  private static Cost fitted(JsonNode n, Path file, String field) {
    JsonNode fixed = n.path("fixed_ms");
    double per = nonNegative(n, "per_object_ms", file, field);
    if (!fixed.isNumber() || fixed.asDouble() + per < 0)
      throw new BadAnnotationException(
          file, -1, -1, field + ".fixed_ms", "must be a number with fixed_ms + per_object_ms >= 0");
    return new Cost(fixed.asDouble(), per);
  }

  private static double nonNegative(JsonNode n, String key, Path file, String field) {
    JsonNode v = n.path(key);
    if (!v.isNumber() || v.asDouble() < 0)
      throw new BadAnnotationException(file, -1, -1, field + "." + key, "must be a number >= 0");
    return v.asDouble();
  }

  private static double ms(JsonNode g, Path file, String model, String... names) {
    for (String n : names)
      if (g.has(n)) {
        double v = g.get(n).asDouble(-1);
        if (!(v >= 0))
          throw new BadAnnotationException(
              file, -1, -1, "models." + model + ".graph_ms." + n, "must be a number >= 0");
        return v;
      }
    throw new BadAnnotationException(
        file, -1, -1, "models." + model + ".graph_ms." + names[0], "missing");
  }

  private static double fallback(JsonNode fig, Path file) {
    JsonNode v = fig.path("models").path("fallback").path("ms_per_object_frame");
    if (!v.isNumber() || v.asDouble() < 0)
      throw new BadAnnotationException(
          file, -1, -1, "models.fallback.ms_per_object_frame", "missing or not a number >= 0");
    return v.asDouble();
  }

  static List<VideoSize> videos(Path batch) throws IOException {
    if (!Files.isDirectory(batch))
      throw new BadAnnotationException(batch, -1, -1, "--plan", "not a batch folder");
    List<Path> metas = new ArrayList<>();
    if (Files.isRegularFile(batch.resolve("meta.json"))) metas.add(batch.resolve("meta.json"));
    else
      try (Stream<Path> s = Files.list(batch)) {
        for (Path p : s.sorted().toList())
          if (Files.isRegularFile(p.resolve("meta.json"))) metas.add(p.resolve("meta.json"));
      }
    if (metas.isEmpty())
      throw new BadAnnotationException(
          batch,
          -1,
          -1,
          "--plan",
          "no video folder with a meta.json in it (the layout 'keyframe generate' writes)");
    ObjectMapper json = new ObjectMapper();
    List<VideoSize> out = new ArrayList<>();
    for (Path meta : metas) {
      JsonNode root;
      try {
        root = json.readTree(meta.toFile());
      } catch (IOException e) {
        throw new BadAnnotationException(meta, -1, -1, "", "not valid JSON");
      }
      JsonNode frames = root.path("video").path("frameCount");
      if (!frames.canConvertToInt() || frames.asInt() < 0)
        throw new BadAnnotationException(meta, -1, -1, "video.frameCount", "must be a number >= 0");
      JsonNode objects = root.path("objects");
      if (!objects.isArray())
        throw new BadAnnotationException(
            meta, -1, -1, "objects", "must be an array of the video's objects");
      out.add(
          new VideoSize(
              root.path("video").path("id").asText(meta.getParent().getFileName().toString()),
              frames.asInt(),
              objects.size()));
    }
    return out;
  }

  /** The report: one line per video, then the totals line the bench reads. */
  List<String> lines(Double pricePerHour) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "plan: %s on %s, %d videos, %d frames, %d object-frames, per-graph figures from %s",
            model,
            device,
            videos.size(),
            videos.stream().mapToLong(VideoSize::frames).sum(),
            objectFrames(),
            figuresSource));
    for (int i = 0; i < videos.size(); i++) {
      VideoSize v = videos.get(i);
      out.add(
          String.format(
              Locale.ROOT,
              "video=%s frames=%d objects=%d predicted_hours=%.6g",
              v.id(),
              v.frames(),
              v.objects(),
              videoMs.get(i) / 3.6e6));
    }
    String cost =
        pricePerHour == null
            ? ""
            : String.format(Locale.ROOT, " cost=%.2f", hours() * pricePerHour);
    out.add(
        String.format(
            Locale.ROOT,
            "model=%s device=%s videos=%d predicted_hours=%.6g%s",
            model,
            device,
            videos.size(),
            hours(),
            cost));
    return out;
  }
}
