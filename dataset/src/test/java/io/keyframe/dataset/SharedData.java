package io.keyframe.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where tests find /work/shared (surefire passes it as keyframe.shared). */
public final class SharedData {
  private SharedData() {}

  public static Path refdata(String first, String... more) {
    String shared = System.getProperty("keyframe.shared", "../shared");
    Path p = Paths.get(shared, "refdata").resolve(Paths.get(first, more));
    if (!Files.exists(p))
      throw new IllegalStateException("missing reference data " + p + " (set -Dkeyframe.shared)");
    return p;
  }
}
