package io.keyframe.tracker.sam2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One frame's encoder outputs, fed to every call of the frame: kept as ONNX Runtime tensors when
 * reusing (no copy out and back in per call), else as Java arrays.
 */
final class FrameFeatures implements AutoCloseable {
  private final Map<String, Object> values = new HashMap<>();
  private final List<AutoCloseable> owned = new ArrayList<>();

  Object get(String name) {
    return values.get(name);
  }

  void add(Sam2Graphs.Outputs out, boolean keep) {
    for (String name : out.names())
      values.put(name, keep ? out.tensor(name) : (Object) out.copy(name));
    if (keep) owned.add(out);
    else out.close();
  }

  @Override
  public void close() {
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    owned.clear();
  }
}
