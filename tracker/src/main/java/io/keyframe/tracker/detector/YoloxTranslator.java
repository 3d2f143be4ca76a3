package io.keyframe.tracker.detector;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.keyframe.dataset.Box;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a YOLOX raw head (Ge et al., "YOLOX: Exceeding YOLO Series in 2021"): letterbox to S x S
 * (pad 114, BGR, 0..255), decode each anchor on the stride 8/16/32 grids as centre = (d + grid) *
 * stride and size = exp(log size) * stride, score = objectness x best class score, then class-wise
 * non-maximum suppression. Images go through the model one at a time when its batch is fixed at 1.
 *
 * @param size square input side (416 for YOLOX nano)
 * @param scoreThreshold minimum objectness x class score kept
 * @param nmsIou boxes of one class overlapping a better one by more than this are dropped (0.45)
 */
public record YoloxTranslator(int size, double scoreThreshold, double nmsIou)
    implements NoBatchifyTranslator<List<BufferedImage>, List<List<ModelDetection>>> {
  private static final int[] STRIDES = {8, 16, 32};

  public YoloxTranslator {
    if (size <= 0 || size % 32 != 0)
      throw new IllegalArgumentException("input size must be a positive multiple of 32: " + size);
  }

  @Override
  public NDList processInput(TranslatorContext ctx, List<BufferedImage> images) {
    int n = images.size();
    float[] pixels = new float[n * 3 * size * size];
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++)
      ratios[i] = ImageTensor.letterboxBgr(images.get(i), size, pixels, i * 3 * size * size);
    NDArray a = ctx.getNDManager().create(pixels, new Shape(n, 3, size, size));
    a.setName("images");
    ctx.setAttachment("images", images);
    ctx.setAttachment("ratios", ratios);
    return new NDList(a);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<List<ModelDetection>> processOutput(TranslatorContext ctx, NDList out) {
    List<BufferedImage> images = (List<BufferedImage>) ctx.getAttachment("images");
    double[] ratios = (double[]) ctx.getAttachment("ratios");
    NDArray head = out.get(0);
    Shape shape = head.getShape();
    if (shape.dimension() != 3)
      throw new IllegalStateException("YOLOX head must be [N,A,5+C], got " + shape);
    int anchors = (int) shape.get(1);
    int width = (int) shape.get(2);
    int expected = 0;
    for (int s : STRIDES) expected += (size / s) * (size / s);
    if (anchors != expected)
      throw new IllegalStateException(
          "YOLOX head has "
              + anchors
              + " anchors, expected "
              + expected
              + " for "
              + size
              + "x"
              + size);
    float[] raw = head.toFloatArray();
    List<List<ModelDetection>> result = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++)
      result.add(
          decode(
              raw,
              i * anchors * width,
              width,
              ratios[i],
              images.get(i).getWidth(),
              images.get(i).getHeight()));
    return result;
  }

  List<ModelDetection> decode(
      float[] raw, int base, int width, double ratio, int imageW, int imageH) {
    List<ModelDetection> candidates = new ArrayList<>();
    int a = 0;
    for (int stride : STRIDES) {
      int g = size / stride;
      for (int gy = 0; gy < g; gy++)
        for (int gx = 0; gx < g; gx++, a++) {
          int o = base + a * width;
          float obj = raw[o + 4];
          if (obj < scoreThreshold) continue; // score = obj x cls <= obj
          int best = -1;
          float bestCls = 0;
          for (int c = 5; c < width; c++)
            if (raw[o + c] > bestCls) {
              bestCls = raw[o + c];
              best = c - 5;
            }
          double score = obj * bestCls;
          if (best < 0 || score < scoreThreshold) continue;
          double cx = (raw[o] + gx) * stride;
          double cy = (raw[o + 1] + gy) * stride;
          double w = Math.exp(raw[o + 2]) * stride;
          double h = Math.exp(raw[o + 3]) * stride;
          double x1 = Math.max(0, (cx - w / 2) / ratio), y1 = Math.max(0, (cy - h / 2) / ratio);
          double x2 = Math.min(imageW, (cx + w / 2) / ratio),
              y2 = Math.min(imageH, (cy + h / 2) / ratio);
          if (x2 - x1 < 1 || y2 - y1 < 1) continue;
          candidates.add(
              new ModelDetection(best, Math.min(1, score), new Box(x1, y1, x2 - x1, y2 - y1)));
        }
    }
    return NonMaximumSuppression.classWise(candidates, nmsIou);
  }
}
