package io.keyframe.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where tests find /work/shared (surefire passes it as keyframe.shared). */
public final class SharedData {
  private SharedData() {}

  /** A file under shared/refdata (third-party data and reference values). */
  public static Path refdata(String first, String... more) {
    return file("refdata", Paths.get(first, more).toString());
  }

  /** A file under shared, e.g. {@code file("videos", "bedroom.mp4")}; it must exist. */
  public static Path file(String first, String... more) {
    String shared = System.getProperty("keyframe.shared", "../shared");
    Path p = Paths.get(shared).resolve(Paths.get(first, more));
    if (!Files.exists(p))
      throw new IllegalStateException("missing shared data " + p + " (set -Dkeyframe.shared)");
    return p;
  }
}
