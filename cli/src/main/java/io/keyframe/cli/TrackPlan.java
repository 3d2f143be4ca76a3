package io.keyframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.BadAnnotationException;
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
 * tracked on every frame, as SAM 2 propagates each prompted object through the whole video):
 *
 * <ul>
 *   <li>{@code sam2}, {@code edgetam}: {@code F x (encoder + N x (decoder + memory encoder + loop))
 *       + N x sum over frames t = 1..F-1 of memory attention(min(t, K) memories)}, memory attention
 *       interpolated linearly between its figures at 1 and K memories (K = 7; constant at K when
 *       the figures have no 1-memory value), loop = what the Java loop adds per object and frame
 *       beyond the graph calls (the bench's 1-object run minus its graphs; 0 when the figures lack
 *       it);
 *   <li>{@code sam2-keyframes} (SAM 2 decodes only the keyframes, one every {@code K} frames, from
 *       their prompts, and the fallback tracker carries IDs between them): {@code ceil(F/K) x
 *       (encoder + N x (decoder + memory encoder + loop)) + F x N x fallback};
 *   <li>{@code fallback}: {@code F x N x fallback} (ms per object and frame).
 * </ul>
 */
record TrackPlan(
    String model, String device, List<VideoSize> videos, double msTotal, String figuresSource) {
  static final List<String> MODELS = List.of("sam2", "edgetam", "sam2-keyframes", "fallback");

  /** One video of the batch: its frames and objects, from its {@code meta.json}. */
  record VideoSize(String id, int frames, int objects) {}

  double hours() {
    return msTotal / 3.6e6;
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
    double total = 0;
    for (VideoSize v : videos) {
      double f = v.frames(), n = v.objects();
      total +=
          switch (model) {
            case "sam2", "edgetam" -> {
              Graphs g = graphs(fig, model, device, where);
              // frame 0 holds the prompts (no memory attention); frame t attends to min(t, K)
              double attention = 0;
              for (int t = 1; t < v.frames(); t++) attention += g.memoryAttention(t);
              yield f * (g.encoder + n * (g.decoder + g.memoryEncoder + g.loop)) + n * attention;
            }
            case "sam2-keyframes" -> {
              Graphs g = graphs(fig, "sam2", device, where);
              double keyframes = Math.ceil(f / keyframeEvery);
              yield keyframes * (g.encoder + n * (g.decoder + g.memoryEncoder + g.loop))
                  + f * n * fallback(fig, where);
            }
            default -> f * n * fallback(fig, where);
          };
    }
    return new TrackPlan(model, device.toString(), videos, total, source);
  }

  static final String SHIPPED = "/io/keyframe/cli/sam2-figures.json";

  /**
   * @param memoryAttention ms per call over {@code memories} memories (the steady state)
   * @param memoryAttention1 ms per call over one memory and one pointer (frame 1), or NaN: the cost
   *     is linear in the memory tokens, so frame t (min(t, memories) memories) is interpolated
   */
  private record Graphs(
      double encoder,
      double memoryAttention,
      double memoryAttention1,
      int memories,
      double decoder,
      double memoryEncoder,
      double loop) {
    double memoryAttention(int frame) {
      if (Double.isNaN(memoryAttention1) || memories <= 1) return memoryAttention;
      int k = Math.min(frame, memories);
      return memoryAttention1 + (k - 1) * (memoryAttention - memoryAttention1) / (memories - 1);
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
    return new Graphs(
        ms(g, file, model, "image_encoder", "vision_encoder"),
        ms(g, file, model, "memory_attention"),
        g.has("memory_attention_1") ? ms(g, file, model, "memory_attention_1") : Double.NaN,
        m.path("memories").asInt(7),
        ms(g, file, model, "mask_decoder", "video_mask_decoder"),
        ms(g, file, model, "memory_encoder"),
        m.path("loop_ms_per_object_frame").asDouble(0));
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
