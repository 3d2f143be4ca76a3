package io.keyframe.tracker.sam2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Video;
import io.keyframe.tracker.FrameImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A parity folder's clip and prompts, as {@code src/test/python/make_sam2_parity.py} wrote them:
 * {@code reference.json} (frame count, size, prompts as xyxy boxes or clicks) and {@code
 * frames/%05d.png}.
 *
 * @param json the whole {@code reference.json}, for the per-step reference values
 */
record ParityReference(JsonNode json, Video video, FrameImages frames, List<Sam2Prompt> prompts) {

  static ParityReference read(Path dir) throws IOException {
    JsonNode ref = new ObjectMapper().readTree(dir.resolve("reference.json").toFile());
    int n = ref.get("frames").asInt();
    Video video =
        new Video("parity", 30, ref.get("width").asInt(), ref.get("height").asInt(), n, "");
    List<BufferedImage> images = new ArrayList<>();
    for (int f = 0; f < n; f++)
      images.add(ImageIO.read(dir.resolve(String.format("frames/%05d.png", f)).toFile()));
    List<Sam2Prompt> prompts = new ArrayList<>();
    for (JsonNode p : ref.get("prompts")) prompts.add(prompt(p));
    return new ParityReference(ref, video, List.copyOf(images)::get, List.copyOf(prompts));
  }

  /** A box prompt (xyxy in the file), clicks with their labels, or both. */
  private static Sam2Prompt prompt(JsonNode p) {
    Box box = null;
    if (!p.get("box").isNull()) {
      JsonNode b = p.get("box");
      box =
          new Box(
              b.get(0).asDouble(),
              b.get(1).asDouble(),
              b.get(2).asDouble() - b.get(0).asDouble(),
              b.get(3).asDouble() - b.get(1).asDouble());
    }
    float[] pts = null;
    int[] lbl = null;
    if (!p.get("points").isNull()) {
      pts = new float[2 * p.get("points").size()];
      lbl = new int[p.get("labels").size()];
      for (int i = 0; i < lbl.length; i++) {
        pts[2 * i] = (float) p.get("points").get(i).get(0).asDouble();
        pts[2 * i + 1] = (float) p.get("points").get(i).get(1).asDouble();
        lbl[i] = p.get("labels").get(i).asInt();
      }
    }
    return new Sam2Prompt(p.get("frame").asInt(), p.get("object").asInt(), "object", box, pts, lbl);
  }
}
