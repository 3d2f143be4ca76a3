package io.keyframe.tracker.detector;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.keyframe.dataset.Box;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads DETR-style detectors whose export already decodes boxes (DEIMv2, D-FINE, RT-DETR): resize
 * to S x S, RGB /255, pass the original sizes so the model returns boxes in original pixels; keep
 * boxes at or above the score threshold. A whole batch goes through one forward call.
 *
 * @param size square input side (320 for DEIMv2 atto)
 * @param scoreThreshold minimum score kept
 */
public record DetrTranslator(int size, double scoreThreshold)
    implements NoBatchifyTranslator<List<BufferedImage>, List<List<ModelDetection>>> {
  public DetrTranslator {
    if (size <= 0) throw new IllegalArgumentException("input size must be positive: " + size);
  }

  @Override
  public NDList processInput(TranslatorContext ctx, List<BufferedImage> images) {
    int n = images.size();
    float[] pixels = new float[n * 3 * size * size];
    long[] sizes = new long[n * 2];
    for (int i = 0; i < n; i++) {
      BufferedImage im = images.get(i);
      ImageTensor.resizedRgb(im, size, 1f / 255f, pixels, i * 3 * size * size);
      sizes[2 * i] = im.getWidth();
      sizes[2 * i + 1] = im.getHeight();
    }
    NDManager m = ctx.getNDManager();
    NDArray a = m.create(pixels, new Shape(n, 3, size, size));
    a.setName("images");
    NDArray b = m.create(sizes, new Shape(n, 2));
    b.setName("orig_target_sizes");
    ctx.setAttachment("images", images);
    return new NDList(a, b);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<List<ModelDetection>> processOutput(TranslatorContext ctx, NDList out) {
    List<BufferedImage> images = (List<BufferedImage>) ctx.getAttachment("images");
    NDArray labelsA = out.get("labels");
    NDArray boxesA = out.get("boxes");
    NDArray scoresA = out.get("scores");
    if (labelsA == null || boxesA == null || scoresA == null)
      throw new IllegalStateException(
          "model outputs " + out.getShapes() + " lack labels/boxes/scores");
    long[] labels = labelsA.toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
    float[] boxes = boxesA.toFloatArray();
    float[] scores = scoresA.toFloatArray();
    int n = images.size();
    int k = scores.length / n;
    List<List<ModelDetection>> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int w = images.get(i).getWidth();
      int h = images.get(i).getHeight();
      List<ModelDetection> dets = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        int idx = i * k + j;
        double s = scores[idx];
        if (!(s >= scoreThreshold) || labels[idx] < 0) continue;
        double x1 = clamp(boxes[4 * idx], w), y1 = clamp(boxes[4 * idx + 1], h);
        double x2 = clamp(boxes[4 * idx + 2], w), y2 = clamp(boxes[4 * idx + 3], h);
        if (x2 - x1 < 1 || y2 - y1 < 1) continue;
        dets.add(
            new ModelDetection(
                (int) labels[idx], Math.min(1, s), new Box(x1, y1, x2 - x1, y2 - y1)));
      }
      result.add(dets);
    }
    return result;
  }

  private static double clamp(double v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
