package io.keyframe.dataset.mot;

import io.keyframe.dataset.BadAnnotationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MOTChallenge's {@code seqinfo.ini}: sequence name, frame rate, length and image size. Any key may
 * be missing (mmtracking's test data has only {@code name} and {@code seqLength}); a missing key is
 * null here and the reader derives it as it does without a file. Keys are matched ignoring case, as
 * Python's configparser (which MOTChallenge tools use) does.
 *
 * @param file the ini file
 * @param name {@code name}, else the folder's name
 * @param fps {@code frameRate}, or null
 * @param length {@code seqLength}, or null
 * @param width {@code imWidth}, or null
 * @param height {@code imHeight}, or null
 */
record SeqInfo(Path file, String name, Double fps, Integer length, Integer width, Integer height) {

  /** The seqinfo.ini beside {@code annotations} or one folder up ({@code seq/gt/gt.txt}). */
  static Optional<SeqInfo> near(Path annotations) throws IOException {
    Path dir = annotations.toAbsolutePath().getParent();
    for (Path d : new Path[] {dir, dir == null ? null : dir.getParent()}) {
      if (d == null) continue;
      Path ini = d.resolve("seqinfo.ini");
      if (Files.isRegularFile(ini)) return Optional.of(parse(ini));
    }
    return Optional.empty();
  }

  static SeqInfo parse(Path ini) throws IOException {
    List<String> lines = io.keyframe.dataset.Utf8Input.readAllLines(ini);
    Map<String, String> kv = new HashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).trim();
      int eq = l.indexOf('=');
      if (eq > 0 && !l.startsWith(";") && !l.startsWith("#")) {
        String k = l.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        kv.put(k, l.substring(eq + 1).trim());
        lineOf.put(k, i + 1);
      }
    }
    Path parent = ini.toAbsolutePath().getParent();
    String name =
        kv.getOrDefault(
            "name",
            parent == null || parent.getFileName() == null
                ? "sequence"
                : parent.getFileName().toString());
    if (name.isBlank())
      throw new BadAnnotationException(ini, lineOf.get("name"), -1, "name", "is empty");
    Double fps = number(ini, kv, lineOf, "frameRate");
    if (fps != null && !(fps > 0))
      throw new BadAnnotationException(
          ini, lineOf.get("framerate"), -1, "frameRate", "must be > 0, got " + fps);
    return new SeqInfo(
        ini,
        name,
        fps,
        count(ini, kv, lineOf, "seqLength", 0),
        count(ini, kv, lineOf, "imWidth", 1),
        count(ini, kv, lineOf, "imHeight", 1));
  }

  private static Integer count(
      Path ini, Map<String, String> kv, Map<String, Integer> lineOf, String key, int min) {
    Double d = number(ini, kv, lineOf, key);
    if (d == null) return null;
    if (d != Math.rint(d) || d < min || d > Integer.MAX_VALUE)
      throw new BadAnnotationException(
          ini,
          lineOf.get(key.toLowerCase(Locale.ROOT)),
          -1,
          key,
          "expected a whole number >= "
              + min
              + ", got '"
              + kv.get(key.toLowerCase(Locale.ROOT))
              + "'");
    return (int) (double) d;
  }

  private static Double number(
      Path ini, Map<String, String> kv, Map<String, Integer> lineOf, String key) {
    String k = key.toLowerCase(Locale.ROOT);
    String v = kv.get(k);
    if (v == null || v.isEmpty()) return null;
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw new BadAnnotationException(ini, lineOf.get(k), -1, key, "not a number: '" + v + "'");
    }
  }
}
