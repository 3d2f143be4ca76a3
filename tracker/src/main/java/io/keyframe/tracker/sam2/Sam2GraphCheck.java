package io.keyframe.tracker.sam2;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX Runtime side of {@code tracker/export/export_sam2_bundle.py}'s check where the Python
 * {@code onnxruntime} package is not installed: runs each case (graph, raw little-endian input
 * tensors) and prints {@code diff <graph> <output> <max |ORT - PyTorch|> <max |PyTorch|>} per
 * output. The index file has lines {@code case <graph> <onnx file>} followed by {@code in|out
 * <name> float|int64 <d0,d1,..|-> <raw file>}.
 */
public final class Sam2GraphCheck {
  private Sam2GraphCheck() {}

  private record Raw(String name, String dtype, long[] shape, Path file) {}

  public static void main(String[] args) throws IOException, OrtException {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OrtSession> sessions = new HashMap<>();
    try {
      for (int i = 0; i < lines.size(); ) {
        String[] c = lines.get(i++).split(" ");
        if (!c[0].equals("case"))
          throw new IllegalArgumentException("line " + i + ": expected 'case'");
        String graph = c[1];
        OrtSession session = sessions.get(graph);
        if (session == null)
          sessions.put(graph, session = env.createSession(c[2], new OrtSession.SessionOptions()));
        List<Raw> ins = new ArrayList<>(), outs = new ArrayList<>();
        while (i < lines.size() && !lines.get(i).startsWith("case")) {
          String[] t = lines.get(i++).split(" ");
          long[] shape =
              t[3].equals("-")
                  ? new long[0]
                  : java.util.Arrays.stream(t[3].split(",")).mapToLong(Long::parseLong).toArray();
          (t[0].equals("in") ? ins : outs).add(new Raw(t[1], t[2], shape, Path.of(t[4])));
        }
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
          for (Raw r : ins) {
            // the exporter drops inputs a model does not use (EdgeTAM's memory encoder ignores the
            // object score)
            if (!session.getInputNames().contains(r.name())) continue;
            ByteBuffer b =
                ByteBuffer.wrap(Files.readAllBytes(r.file())).order(ByteOrder.LITTLE_ENDIAN);
            feed.put(
                r.name(),
                r.dtype().equals("int64")
                    ? OnnxTensor.createTensor(env, b.asLongBuffer(), r.shape())
                    : OnnxTensor.createTensor(env, b.asFloatBuffer(), r.shape()));
          }
          try (OrtSession.Result res = session.run(feed)) {
            for (Raw r : outs) {
              FloatBuffer want =
                  ByteBuffer.wrap(Files.readAllBytes(r.file()))
                      .order(ByteOrder.LITTLE_ENDIAN)
                      .asFloatBuffer();
              OnnxTensor got =
                  (OnnxTensor)
                      res.get(r.name())
                          .orElseThrow(() -> new IllegalStateException("no output " + r.name()));
              long[] gs = got.getInfo().getShape();
              if (!java.util.Arrays.equals(gs, r.shape()))
                throw new IllegalStateException(
                    graph
                        + "."
                        + r.name()
                        + ": shape "
                        + java.util.Arrays.toString(gs)
                        + ", PyTorch "
                        + java.util.Arrays.toString(r.shape()));
              FloatBuffer g = got.getFloatBuffer();
              double diff = 0, scale = 0;
              for (int k = 0; k < want.limit(); k++) {
                diff = Math.max(diff, Math.abs(g.get(k) - want.get(k)));
                scale = Math.max(scale, Math.abs(want.get(k)));
              }
              System.out.println("diff " + graph + " " + r.name() + " " + diff + " " + scale);
            }
          }
        } finally {
          feed.values().forEach(OnnxTensor::close);
        }
      }
    } finally {
      for (OrtSession s : sessions.values()) s.close();
    }
  }
}
