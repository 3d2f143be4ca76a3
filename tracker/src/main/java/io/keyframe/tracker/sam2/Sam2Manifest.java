package io.keyframe.tracker.sam2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.BadAnnotationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SAM 2-family model bundle's {@code manifest.json}: which layout, which graph files, the real
 * input/output names behind keyframe's logical names, image size, normalisation and memory sizes.
 *
 * <pre>{@code
 * {"format": "keyframe-sam2-bundle/1", "model": "sam2.1_hiera_tiny", "layout": "sam2",
 *  "image_size": 1024, "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
 *  "num_maskmem": 7, "max_cond_frames": 2, "max_object_pointers": 16,
 *  "graphs": {"image_encoder": {"file": "image_encoder.onnx", "inputs": {"image": "image"}, "outputs": {...}}, ...}}
 * }</pre>
 *
 * Names omitted from a graph's {@code inputs}/{@code outputs} default to the logical name. {@code
 * max_cond_frames} is SAM 2's {@code max_cond_frames_in_attn} (-1 = every conditioning frame);
 * {@code memory_bfloat16} (default false) rounds stored memory features to bfloat16 as the PyTorch
 * predictor stores them. {@code object_batch} (default false; exports since the object-batch change
 * write true) says the per-object graphs (memory attention, mask decoder, memory encoder) take a
 * dynamic object batch as their first axis, so several objects of a frame run in one call. {@code
 * precision} (default {@code fp32}) is {@code fp16} for a bundle exported with {@code --fp16}:
 * weights stored as float16, every graph input and output still float32, so the loop feeds and
 * reads the same tensors either way and records the precision in the run's provenance.
 *
 * @param dir the bundle folder (graph files are relative to it)
 * @param mean per-channel pixel mean (after scaling to [0, 1])
 * @param std per-channel pixel standard deviation
 */
public record Sam2Manifest(
    Path dir,
    String model,
    Sam2Layout layout,
    int imageSize,
    Rgb mean,
    Rgb std,
    int numMaskmem,
    int maxCondFrames,
    int maxObjectPointers,
    boolean memoryBfloat16,
    boolean objectBatch,
    Map<String, Graph> graphs,
    String precision) {

  /** Precisions an export writes: float32 weights, or float16 weights with float32 graph I/O. */
  public static final List<String> PRECISIONS = List.of("fp32", "fp16");

  /** One graph: its file and logical-to-real tensor names. */
  public record Graph(String file, Map<String, String> inputs, Map<String, String> outputs) {
    public Graph {
      Objects.requireNonNull(file, "file");
      inputs = Map.copyOf(inputs);
      outputs = Map.copyOf(outputs);
    }

    public String input(String logical) {
      return inputs.getOrDefault(logical, logical);
    }

    public String output(String logical) {
      return outputs.getOrDefault(logical, logical);
    }
  }

  /** One value per colour channel. */
  public record Rgb(float r, float g, float b) {
    /** {@code {r, g, b}}, the channel order of the image tensor. */
    public float[] toArray() {
      return new float[] {r, g, b};
    }
  }

  public Sam2Manifest {
    graphs = Map.copyOf(graphs);
    precision = precision == null ? "fp32" : precision;
    if (!PRECISIONS.contains(precision))
      throw new IllegalArgumentException(
          "precision must be one of " + PRECISIONS + ": " + precision);
    for (String g : layout.graphNames())
      if (!graphs.containsKey(g))
        throw new IllegalArgumentException("layout " + layout + " needs graph '" + g + "'");
  }

  /**
   * Reads {@code dir/manifest.json}; problems are {@link BadAnnotationException}s naming the field.
   */
  public static Sam2Manifest read(Path dir) throws IOException {
    Path file = dir.resolve("manifest.json");
    if (!Files.isRegularFile(file))
      throw new BadAnnotationException(file, -1, -1, "", "bundle has no manifest.json");
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new BadAnnotationException(
          file, -1, -1, "", "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (!"keyframe-sam2-bundle/1".equals(root.path("format").asText()))
      throw new BadAnnotationException(file, -1, -1, "format", "expected 'keyframe-sam2-bundle/1'");
    Sam2Layout layout;
    try {
      layout = Sam2Layout.fromName(root.path("layout").asText());
    } catch (IllegalArgumentException e) {
      throw new BadAnnotationException(file, -1, -1, "layout", e.getMessage());
    }
    Map<String, Graph> graphs = new LinkedHashMap<>();
    for (String g : layout.graphNames()) {
      JsonNode node = root.path("graphs").path(g);
      if (!node.has("file"))
        throw new BadAnnotationException(file, -1, -1, "graphs." + g + ".file", "missing");
      graphs.put(
          g,
          new Graph(
              node.get("file").asText(), names(node.path("inputs")), names(node.path("outputs"))));
    }
    return new Sam2Manifest(
        dir,
        root.path("model").asText("unknown"),
        layout,
        positive(root, "image_size", file),
        floats(root, "mean", file),
        floats(root, "std", file),
        positive(root, "num_maskmem", file),
        maxCondFrames(root, file),
        positive(root, "max_object_pointers", file),
        root.path("memory_bfloat16").asBoolean(false),
        root.path("object_batch").asBoolean(false),
        graphs,
        precision(root, file));
  }

  private static Map<String, String> names(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static int positive(JsonNode root, String field, Path file) {
    JsonNode n = root.get(field);
    if (n == null || !n.canConvertToInt() || n.asInt() <= 0)
      throw new BadAnnotationException(file, -1, -1, field, "must be a positive integer");
    return n.asInt();
  }

  private static String precision(JsonNode root, Path file) {
    String p = root.path("precision").asText("fp32");
    if (!PRECISIONS.contains(p))
      throw new BadAnnotationException(
          file, -1, -1, "precision", "must be one of " + PRECISIONS + ", got '" + p + "'");
    return p;
  }

  private static int maxCondFrames(JsonNode root, Path file) {
    JsonNode n = root.get("max_cond_frames");
    if (n == null || !n.canConvertToInt() || (n.asInt() <= 0 && n.asInt() != -1))
      throw new BadAnnotationException(
          file,
          -1,
          -1,
          "max_cond_frames",
          "must be a positive integer, or -1 for all conditioning frames");
    return n.asInt();
  }

  private static Rgb floats(JsonNode root, String field, Path file) {
    JsonNode n = root.get(field);
    if (n == null || !n.isArray() || n.size() != 3)
      throw new BadAnnotationException(
          file, -1, -1, field, "must be an array of 3 numbers (R, G, B)");
    float[] out = new float[3];
    for (int i = 0; i < 3; i++) out[i] = (float) n.get(i).asDouble();
    if (field.equals("std"))
      for (float v : out)
        if (!(v > 0)) throw new BadAnnotationException(file, -1, -1, field, "must be > 0");
    return new Rgb(out[0], out[1], out[2]);
  }

  /** The graph names keyframe uses, per layout. */
  public static List<String> logicalInputs(String graph) {
    return switch (graph) {
      case "image_encoder", "vision_encoder" -> List.of("image");
      case "no_memory_embedding" -> List.of("vision_feats");
      case "memory_attention" ->
          List.of(
              "curr",
              "curr_pos",
              "mem_feats",
              "mem_pos",
              "mem_tpos",
              "mem_valid",
              "obj_ptrs",
              "ptr_valid");
      case "mask_decoder", "video_mask_decoder" ->
          List.of("image_embed", "high_res_0", "high_res_1", "point_coords", "point_labels");
      case "memory_encoder" -> List.of("pix_feat", "mask_logits");
      default -> throw new IllegalArgumentException("unknown graph " + graph);
    };
  }

  /**
   * Inputs newer exports have and older (fixed-slot) ones may lack: the decoder's head choice, the
   * memory encoder's mask source and the pointer offsets' normaliser.
   */
  public static List<String> optionalInputs(String graph) {
    return switch (graph) {
      // EdgeTAM puts no temporal encoding on pointers, so its export has no pointer-offset inputs.
      case "memory_attention" -> List.of("obj_ptr_tpos", "t_diff_max");
      case "mask_decoder", "video_mask_decoder" -> List.of("multimask_output");
      // EdgeTAM's memory encoder has no no-object embedding, so its export has no object-score
      // input.
      case "memory_encoder" -> List.of("object_score_logits", "is_mask_from_pts");
      default -> List.of();
    };
  }

  /** Outputs keyframe reads from each graph. */
  public static List<String> logicalOutputs(String graph, Sam2Layout layout) {
    return switch (graph) {
      case "image_encoder" ->
          List.of("vision_feats", "vision_pos", "high_res_0", "high_res_1", "no_mem_feats");
      case "vision_encoder" -> List.of("vision_feats", "vision_pos", "high_res_0", "high_res_1");
      case "no_memory_embedding" -> List.of("no_mem_feats");
      case "memory_attention" -> List.of("fused");
      case "mask_decoder", "video_mask_decoder" ->
          List.of("low_res_masks", "iou_scores", "obj_ptr", "object_score_logits");
      case "memory_encoder" -> List.of("maskmem_features", "maskmem_pos_enc");
      default -> throw new IllegalArgumentException("unknown graph " + graph);
    };
  }
}
