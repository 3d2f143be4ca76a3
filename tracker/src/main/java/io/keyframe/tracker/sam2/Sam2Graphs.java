package io.keyframe.tracker.sam2;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.keyframe.dataset.BadAnnotationException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX Runtime session per bundle graph, created once and reused for every frame and object.
 * Opening checks that every graph file exists, loads, and has the inputs and outputs the manifest
 * names, so a bad bundle fails before any frame is processed.
 */
final class Sam2Graphs implements AutoCloseable {
  /** A float tensor as a flat array and its shape. */
  record Tensor(float[] data, long[] shape) {
    int size() {
      return data.length;
    }
  }

  private final Sam2Manifest manifest;
  private final OrtEnvironment env;
  private final Map<String, OrtSession> sessions = new LinkedHashMap<>();
  private final Map<String, long[]> timing = new LinkedHashMap<>(); // graph -> {calls, nanos}
  private final boolean reuseBuffers;
  private final Map<String, ByteBuffer> scratch = new HashMap<>(); // graph/input -> direct buffer

  Sam2Graphs(Sam2Manifest manifest, Sam2SessionSettings settings) {
    this(manifest, settings, true);
  }

  Sam2Graphs(Sam2Manifest manifest, Sam2SessionSettings settings, boolean reuseBuffers) {
    this.manifest = manifest;
    this.reuseBuffers = reuseBuffers;
    startDjlEngineIfPresent();
    this.env = OrtEnvironment.getEnvironment();
    settings.checkDevice();
    try {
      for (String g : manifest.layout().graphNames()) {
        Sam2Manifest.Graph spec = manifest.graphs().get(g);
        Path file = manifest.dir().resolve(spec.file());
        if (!Files.isRegularFile(file))
          throw badGraph(file, "graphs." + g + ".file", "graph file not found");
        OrtSession session;
        try (OrtSession.SessionOptions so = settings.sessionOptions()) {
          session = env.createSession(file.toString(), so);
        } catch (OrtException e) {
          throw badGraph(
              file, "graphs." + g, "not a loadable ONNX graph (" + firstLine(e) + ")", e);
        }
        sessions.put(g, session);
        for (String in : Sam2Manifest.logicalInputs(g))
          if (!session.getInputNames().contains(spec.input(in)))
            throw badGraph(
                file,
                "graphs." + g + ".inputs." + in,
                "graph has no input '" + spec.input(in) + "'; it has " + session.getInputNames());
        for (String out : Sam2Manifest.logicalOutputs(g, manifest.layout()))
          if (!session.getOutputNames().contains(spec.output(out)))
            throw badGraph(
                file,
                "graphs." + g + ".outputs." + out,
                "graph has no output '"
                    + spec.output(out)
                    + "'; it has "
                    + session.getOutputNames());
      }
      long[] image = inputShape(manifest.layout().encoderGraph(), "image");
      if (image.length != 4 || image[1] != 3 || (image[2] > 0 && image[2] != manifest.imageSize()))
        throw badGraph(
            manifest.dir().resolve(manifest.graphs().get(manifest.layout().encoderGraph()).file()),
            "image",
            "encoder input must be [1,3,"
                + manifest.imageSize()
                + ","
                + manifest.imageSize()
                + "], got "
                + java.util.Arrays.toString(image));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * DJL's ONNX Runtime engine owns the process-wide ORT environment when DJL is in use: start it
   * first.
   */
  static void startDjlEngineIfPresent() {
    try {
      ai.djl.engine.Engine.getEngine("OnnxRuntime");
    } catch (RuntimeException | LinkageError e) {
      // DJL absent or its engine unavailable: plain ORT is fine on its own.
    }
  }

  /** Whether the graph has this (optional) input. */
  boolean hasInput(String graph, String logical) {
    return sessions
        .get(graph)
        .getInputNames()
        .contains(manifest.graphs().get(graph).input(logical));
  }

  /** Declared shape of a graph input (-1 for dynamic dimensions). */
  long[] inputShape(String graph, String logical) {
    try {
      NodeInfo info =
          sessions.get(graph).getInputInfo().get(manifest.graphs().get(graph).input(logical));
      return info.getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code graph} on named inputs (float tensors, long[] tensors given as {@code long[][]
   * {data, shape}}, or {@link OnnxTensor}s the caller owns and closes) and returns the outputs
   * keyframe reads, by logical name, copied into Java arrays.
   */
  Map<String, Tensor> run(String graph, Map<String, Object> inputs) {
    try (Outputs out = runKeeping(graph, inputs)) {
      Map<String, Tensor> copies = new HashMap<>();
      for (String logical : out.names()) copies.put(logical, out.copy(logical));
      return copies;
    }
  }

  /**
   * Runs {@code graph} and keeps its outputs as ONNX Runtime tensors (no copy), to be fed to later
   * calls as they are; the caller closes them.
   */
  Outputs runKeeping(String graph, Map<String, Object> inputs) {
    Sam2Manifest.Graph spec = manifest.graphs().get(graph);
    Map<String, OnnxTensor> feed = new HashMap<>();
    List<OnnxTensor> owned = new ArrayList<>();
    try {
      for (Map.Entry<String, Object> e : inputs.entrySet()) {
        OnnxTensor t;
        if (e.getValue() instanceof OnnxTensor borrowed) t = borrowed;
        else {
          if (e.getValue() instanceof Tensor f) t = floatTensor(graph, e.getKey(), f);
          else if (e.getValue() instanceof long[][] l)
            t = OnnxTensor.createTensor(env, LongBuffer.wrap(l[0]), l[1]);
          else throw new IllegalArgumentException("unsupported input type for " + e.getKey());
          owned.add(t);
        }
        feed.put(spec.input(e.getKey()), t);
      }
      long t0 = System.nanoTime();
      OrtSession.Result result = sessions.get(graph).run(feed);
      long[] clock = timing.computeIfAbsent(graph, g -> new long[2]);
      clock[0]++;
      clock[1] += System.nanoTime() - t0;
      Map<String, OnnxTensor> byName = new LinkedHashMap<>();
      for (String logical : Sam2Manifest.logicalOutputs(graph, manifest.layout()))
        byName.put(logical, (OnnxTensor) result.get(spec.output(logical)).orElseThrow());
      return new Outputs(result, byName);
    } catch (OrtException e) {
      throw new IllegalStateException("graph " + graph + " failed: " + firstLine(e), e);
    } finally {
      owned.forEach(OnnxTensor::close);
    }
  }

  /**
   * A float input tensor. With reusable buffers the data goes into a direct buffer kept per graph
   * input (ONNX Runtime then reads it in place, no second copy, no allocation once it is large
   * enough); else a fresh tensor is built from the array.
   */
  private OnnxTensor floatTensor(String graph, String name, Tensor f) throws OrtException {
    if (!reuseBuffers) return OnnxTensor.createTensor(env, FloatBuffer.wrap(f.data()), f.shape());
    String key = graph + "/" + name;
    ByteBuffer buf = scratch.get(key);
    int bytes = f.size() * Float.BYTES;
    if (buf == null || buf.capacity() < bytes) {
      buf = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
      scratch.put(key, buf);
    }
    FloatBuffer fb =
        buf.clear().limit(bytes).slice().order(ByteOrder.nativeOrder()).asFloatBuffer();
    fb.put(f.data()).flip();
    return OnnxTensor.createTensor(env, fb, f.shape());
  }

  /** A graph's outputs held as ONNX Runtime tensors until closed. */
  static final class Outputs implements AutoCloseable {
    private final OrtSession.Result result;
    private final Map<String, OnnxTensor> tensors;

    private Outputs(OrtSession.Result result, Map<String, OnnxTensor> tensors) {
      this.result = result;
      this.tensors = tensors;
    }

    java.util.Set<String> names() {
      return tensors.keySet();
    }

    OnnxTensor tensor(String logical) {
      return tensors.get(logical);
    }

    /** The output copied into a Java array. */
    Tensor copy(String logical) {
      OnnxTensor t = tensors.get(logical);
      FloatBuffer fb = t.getFloatBuffer();
      float[] data = new float[fb.remaining()];
      fb.get(data);
      return new Tensor(data, t.getInfo().getShape());
    }

    @Override
    public void close() {
      result.close();
    }
  }

  /** Number of runs of each graph so far, in first-run order. */
  Map<String, Long> calls() {
    Map<String, Long> out = new LinkedHashMap<>();
    timing.forEach((g, t) -> out.put(g, t[0]));
    return out;
  }

  /** Mean wall milliseconds per run of each graph so far (session.run only), in first-run order. */
  Map<String, Double> millisPerCall() {
    Map<String, Double> out = new LinkedHashMap<>();
    timing.forEach((g, t) -> out.put(g, t[1] / 1e6 / t[0]));
    return out;
  }

  @Override
  public void close() {
    for (OrtSession s : sessions.values()) {
      try {
        s.close();
      } catch (OrtException e) {
        // closing: nothing left to do
      }
    }
    sessions.clear();
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.lines().findFirst().orElse(m);
  }

  /** A problem with a graph file as a whole (no line or frame). */
  private static BadAnnotationException badGraph(Path file, String field, String problem) {
    return new BadAnnotationException(file, -1, -1, field, problem);
  }

  private static BadAnnotationException badGraph(
      Path file, String field, String problem, Throwable cause) {
    return new BadAnnotationException(file, -1, -1, field, problem, cause);
  }
}
