package io.keyframe.tracker.sam2;

import java.util.List;

/** The two public split-export layouts. */
public enum Sam2Layout {
  /**
   * SAM 2 / 2.1 in four graphs, as the open-source sam2 ONNX C++ exporters split it: image encoder
   * (which also returns the features with SAM 2's no-memory embedding added) -> memory attention ->
   * mask decoder (prompt encoder fused) -> memory encoder.
   */
  SAM2("sam2", List.of("image_encoder", "memory_attention", "mask_decoder", "memory_encoder")),
  /**
   * EdgeTAM in five graphs: vision encoder, no-memory embedding, memory attention (its spatial
   * perceiver makes memories token sequences), video mask decoder with the prompt encoder fused,
   * memory encoder.
   */
  EDGETAM(
      "edgetam",
      List.of(
          "vision_encoder",
          "no_memory_embedding",
          "memory_attention",
          "video_mask_decoder",
          "memory_encoder"));

  private final String id;
  private final List<String> graphNames;

  Sam2Layout(String id, List<String> graphNames) {
    this.id = id;
    this.graphNames = graphNames;
  }

  public List<String> graphNames() {
    return graphNames;
  }

  public String encoderGraph() {
    return graphNames.get(0);
  }

  public String decoderGraph() {
    return this == SAM2 ? "mask_decoder" : "video_mask_decoder";
  }

  static Sam2Layout fromName(String name) {
    for (Sam2Layout l : values()) if (l.id.equals(name)) return l;
    throw new IllegalArgumentException("unknown layout '" + name + "' (expected sam2 or edgetam)");
  }
}
