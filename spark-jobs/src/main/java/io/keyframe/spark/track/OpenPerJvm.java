package io.keyframe.spark.track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Native resources (ONNX Runtime sessions) opened once per key in this JVM: an executor opens a
 * model on its first task and every later task reuses it; all are closed when the JVM shuts down.
 * Safe to share between the tasks of one executor.
 */
final class OpenPerJvm<K, V extends AutoCloseable> {
  private final Map<K, V> open = new HashMap<>();
  private final String closeThreadName;
  private boolean hookInstalled;

  /**
   * @param closeThreadName the name of the shutdown hook's thread that closes them
   */
  OpenPerJvm(String closeThreadName) {
    this.closeThreadName = closeThreadName;
  }

  /**
   * The resource for {@code key}, opened with {@code opener} on first use. An opener that throws
   * leaves nothing cached, so the next task tries again.
   */
  V get(K key, Function<K, V> opener) {
    synchronized (open) {
      V v = open.get(key);
      if (v != null) return v;
      v = opener.apply(key);
      open.put(key, v);
      if (!hookInstalled) {
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, closeThreadName));
        hookInstalled = true;
      }
      return v;
    }
  }

  /** How many are open (for tests of the reuse). */
  int size() {
    synchronized (open) {
      return open.size();
    }
  }

  private void closeAll() {
    List<V> all;
    synchronized (open) {
      all = new ArrayList<>(open.values());
      open.clear();
    }
    for (V v : all) {
      try {
        v.close();
      } catch (Exception e) {
        // The JVM is going down; the native engine may already be gone, and there is nothing left
        // to release.
      }
    }
  }
}
