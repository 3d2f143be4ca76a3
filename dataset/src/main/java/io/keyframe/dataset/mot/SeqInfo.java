package io.keyframe.dataset.mot;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MOTChallenge's {@code seqinfo.ini}: sequence name, frame rate, length and image size. */
final class SeqInfo {
  private SeqInfo() {}

  /** The seqinfo.ini beside {@code annotations} or one folder up ({@code seq/gt/gt.txt}). */
  static Optional<Video> near(Path annotations) throws IOException {
    Path dir = annotations.toAbsolutePath().getParent();
    for (Path d : new Path[] {dir, dir == null ? null : dir.getParent()}) {
      if (d == null) continue;
      Path ini = d.resolve("seqinfo.ini");
      if (Files.isRegularFile(ini)) return Optional.of(parse(ini));
    }
    return Optional.empty();
  }

  static Video parse(Path ini) throws IOException {
    List<String> lines = io.keyframe.dataset.Utf8Input.readAllLines(ini);
    Map<String, String> kv = new HashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).trim();
      int eq = l.indexOf('=');
      if (eq > 0) {
        String k = l.substring(0, eq).trim();
        kv.put(k, l.substring(eq + 1).trim());
        lineOf.put(k, i + 1);
      }
    }
    String name = kv.getOrDefault("name", ini.getParent().getFileName().toString());
    double fps = number(ini, kv, lineOf, "frameRate");
    int length = (int) number(ini, kv, lineOf, "seqLength");
    int width = (int) number(ini, kv, lineOf, "imWidth");
    int height = (int) number(ini, kv, lineOf, "imHeight");
    try {
      return new Video(name, fps, width, height, length, "");
    } catch (IllegalArgumentException e) {
      throw new BadAnnotationException(ini, -1, -1, "Sequence", e.getMessage(), e);
    }
  }

  private static double number(Path ini, Map<String, String> kv, Map<String, Integer> lineOf, String key) {
    String v = kv.get(key);
    if (v == null) throw new BadAnnotationException(ini, -1, -1, key, "missing");
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new BadAnnotationException(ini, lineOf.get(key), -1, key, "not a number: '" + v + "'");
    }
  }
}
