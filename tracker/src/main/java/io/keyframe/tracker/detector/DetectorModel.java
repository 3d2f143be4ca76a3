package io.keyframe.tracker.detector;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.translate.NoBatchifyTranslator;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FileHash;
import io.keyframe.dataset.Frame;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer detector loaded from an ONNX file through DJL's ONNX Runtime engine. {@link #load}
 * checks everything it can before any frame is seen: the file exists and is a loadable ONNX graph,
 * its input names and shapes fit the layout, and one dry run on a blank image yields the layout's
 * outputs; any failure is a {@link BadAnnotationException} naming the model file and what is wrong.
 * Every output carries the model file's SHA-256 in its provenance.
 */
public final class DetectorModel implements AutoCloseable {
  private final Model model;
  private final Predictor<List<BufferedImage>, List<List<ModelDetection>>> predictor;
  private final DetectorOptions options;
  private final DetectorLayout layout;
  private final String name;
  private final String sha256;
  private final int maxBatch;

  private DetectorModel(
      Model model,
      Predictor<List<BufferedImage>, List<List<ModelDetection>>> predictor,
      DetectorOptions options,
      DetectorLayout layout,
      String name,
      String sha256,
      int maxBatch) {
    this.model = model;
    this.predictor = predictor;
    this.options = options;
    this.layout = layout;
    this.name = name;
    this.sha256 = sha256;
    this.maxBatch = maxBatch;
  }

  /**
   * Loads and checks {@code file}; nothing is downloaded (the ONNX Runtime engine ships in the
   * jar).
   */
  public static DetectorModel load(Path file, DetectorOptions options) throws IOException {
    if (!Files.isRegularFile(file)) throw badModel(file, "model", "model file not found");
    byte[] bytes = Files.readAllBytes(file);
    String sha = FileHash.sha256(bytes);
    Engine.getEngine(
        "OnnxRuntime"); // DJL owns the ORT environment: start it before anything else touches ORT
    Model model = Model.newInstance("detector", Device.cpu(), "OnnxRuntime");
    try {
      Map<String, String> ortOptions = new HashMap<>();
      if (options.intraOpThreads() > 0)
        ortOptions.put("intraOpNumThreads", Integer.toString(options.intraOpThreads()));
      try {
        model.load(new ByteArrayInputStream(bytes), ortOptions);
      } catch (Exception e) {
        throw badModel(file, "model", "not a loadable ONNX model (" + rootMessage(e) + ")", e);
      }
      Map<String, long[]> inputs = inputSignature(bytes);
      DetectorLayout layout =
          options.layout() != null ? options.layout() : DetectorLayout.guess(inputs.keySet());
      if (!List.copyOf(inputs.keySet()).equals(layout.inputNames()))
        throw badModel(
            file,
            "inputs",
            "model inputs are "
                + inputs.keySet()
                + " but the "
                + layout
                + " layout needs "
                + layout.inputNames());
      long[] images = inputs.get("images");
      if (images.length != 4 || images[1] != 3 || images[2] <= 0 || images[2] != images[3])
        throw badModel(
            file,
            "images",
            "input must be [N,3,S,S] with a fixed S, got " + java.util.Arrays.toString(images));
      if (layout == DetectorLayout.DETR_LABELS_BOXES_SCORES) {
        long[] sizes = inputs.get("orig_target_sizes");
        if (sizes.length != 2 || sizes[1] != 2)
          throw badModel(
              file,
              "orig_target_sizes",
              "input must be [N,2], got " + java.util.Arrays.toString(sizes));
      }
      int size = (int) images[2];
      int maxBatch = images[0] > 0 ? (int) images[0] : options.batchSize();
      NoBatchifyTranslator<List<BufferedImage>, List<List<ModelDetection>>> translator =
          layout == DetectorLayout.DETR_LABELS_BOXES_SCORES
              ? new DetrTranslator(size, options.scoreThreshold())
              : new YoloxTranslator(size, options.scoreThreshold(), options.nmsIou());
      Predictor<List<BufferedImage>, List<List<ModelDetection>>> predictor =
          model.newPredictor(translator);
      try {
        predictor.predict(List.of(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB)));
      } catch (Exception e) {
        predictor.close();
        throw badModel(
            file,
            "outputs",
            "dry run failed for the " + layout + " layout (" + rootMessage(e) + ")",
            e);
      }
      return new DetectorModel(
          model,
          predictor,
          options,
          layout,
          file.getFileName().toString(),
          sha,
          Math.min(maxBatch, options.batchSize()));
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Input names (in graph order) and shapes (-1 = dynamic), read with ONNX Runtime directly because
   * DJL's ONNX block reports names only. Runs after DJL started its engine, which owns the
   * process-wide ORT environment.
   */
  private static Map<String, long[]> inputSignature(byte[] bytes) {
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        OrtSession session = OrtEnvironment.getEnvironment().createSession(bytes, so)) {
      Map<String, long[]> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet())
        out.put(
            e.getKey(),
            e.getValue().getInfo() instanceof TensorInfo t ? t.getShape() : new long[0]);
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX Runtime rejected a model DJL loaded: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the model file. */
  public String sha256() {
    return sha256;
  }

  /** The layout in use (given or guessed). */
  public DetectorLayout layout() {
    return layout;
  }

  /** Frames per forward call actually used. */
  public int batchSize() {
    return maxBatch;
  }

  /**
   * Raw model output for a batch of images (at most {@link #batchSize()}), before class mapping.
   */
  public List<List<ModelDetection>> detectRaw(List<BufferedImage> images) {
    try {
      return predictor.predict(images);
    } catch (ai.djl.translate.TranslateException e) {
      throw new IllegalStateException("detector failed: " + rootMessage(e), e);
    }
  }

  /** Untracked detections with project classes for {@code frames}, run in batches. */
  public List<Detection> detect(List<Frame> frames) {
    List<Detection> out = new ArrayList<>();
    for (int start = 0; start < frames.size(); start += maxBatch) {
      List<Frame> batch = frames.subList(start, Math.min(frames.size(), start + maxBatch));
      List<List<ModelDetection>> raw = detectRaw(batch.stream().map(Frame::image).toList());
      for (int i = 0; i < batch.size(); i++)
        for (ModelDetection d : raw.get(i)) {
          Optional<String> label = options.classes().projectClass(d.classIndex());
          if (label.isEmpty()) continue;
          out.add(
              new Detection(
                  batch.get(i).index(),
                  Detection.UNTRACKED,
                  label.get(),
                  d.box(),
                  null,
                  d.score(),
                  Map.of(),
                  -1,
                  false,
                  false,
                  false));
        }
    }
    return out;
  }

  /**
   * Detects on every frame of a video; the result's provenance names the model file and its
   * SHA-256.
   *
   * @param frames frames in ascending order
   * @param progress receives stage {@code detect}
   */
  public AnnotationSet detectVideo(Video video, Iterable<Frame> frames, ProgressListener progress) {
    ProgressListener p = progress == null ? ProgressListener.NONE : progress;
    List<Detection> out = new ArrayList<>();
    List<Frame> batch = new ArrayList<>(maxBatch);
    long done = 0;
    for (Frame f : frames) {
      batch.add(f);
      if (batch.size() == maxBatch) {
        out.addAll(detect(batch));
        done += batch.size();
        batch.clear();
        p.progress("detect", done, video.frameCount() > 0 ? video.frameCount() : -1);
      }
    }
    if (!batch.isEmpty()) {
      out.addAll(detect(batch));
      done += batch.size();
      p.progress("detect", done, video.frameCount() > 0 ? video.frameCount() : -1);
    }
    return new AnnotationSet(
        video, provenance(Instant.now()), options.classes().projectClasses(), out);
  }

  /** Provenance of this model's outputs at {@code time}. */
  public Provenance provenance(Instant time) {
    return Provenance.model(
        name, sha256, time, "keyframe-tracker/djl-" + layout.name().toLowerCase());
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /** A problem with the model file as a whole (no line or frame). */
  private static BadAnnotationException badModel(Path file, String field, String problem) {
    return new BadAnnotationException(file, -1, -1, field, problem);
  }

  private static BadAnnotationException badModel(
      Path file, String field, String problem, Throwable cause) {
    return new BadAnnotationException(file, -1, -1, field, problem, cause);
  }
}
