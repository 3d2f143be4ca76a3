package io.keyframe.spark.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of keyframe that produced an output, from the build (Maven version + git commit when
 * known).
 */
public final class CodeVersion {
  private static final String VERSION = load();

  private CodeVersion() {}

  /**
   * e.g. {@code 0.1.0-SNAPSHOT}, or {@code 0.1.0-SNAPSHOT+abc1234} when the build knew its commit.
   */
  public static String current() {
    return VERSION;
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in =
        CodeVersion.class.getResourceAsStream("/io/keyframe/spark/version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      return "unknown";
    }
    String version = p.getProperty("version", "unknown");
    String commit = p.getProperty("commit", "");
    boolean known = !commit.isBlank() && !commit.startsWith("${");
    return known ? version + "+" + commit : version;
  }
}
