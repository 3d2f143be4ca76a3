package io.keyframe.tracker.detector;

import io.keyframe.dataset.BadAnnotationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Model classes to project classes, read from a small CSV file: one {@code
 * model_class,project_class} per line, {@code #} comments, and {@code *,drop} or {@code *,keep} for
 * classes not listed (keep = under the model's own name).
 *
 * @param modelClasses the model's class names by index (COCO's 80 for the shipped models)
 * @param mapping model class name to project class
 * @param keepUnmapped whether unlisted classes are kept under their model name
 */
public record ClassMapping(
    List<String> modelClasses, Map<String, String> mapping, boolean keepUnmapped) {
  public ClassMapping {
    modelClasses = List.copyOf(modelClasses);
    mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    for (String k : mapping.keySet())
      if (!modelClasses.contains(k))
        throw new IllegalArgumentException("mapped class '" + k + "' is not a model class");
  }

  /**
   * COCO's 80 classes mapped to the project's (person, bed, chair, couch, monitor, ...), others
   * dropped.
   */
  public static ClassMapping cocoDefault() {
    try (InputStream in = resource("coco-to-project.csv")) {
      return parse(coco80(), in, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** COCO's 80 class names in the contiguous index order the shipped models use. */
  public static List<String> coco80() {
    try (InputStream in = resource("coco80.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a mapping file for a model with {@code modelClasses}; bad lines raise {@link
   * BadAnnotationException}.
   */
  public static ClassMapping read(Path file, List<String> modelClasses) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(modelClasses, in, file);
    }
  }

  private static ClassMapping parse(List<String> modelClasses, InputStream in, Path file)
      throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    boolean keep = false;
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int lineNo = 0;
    for (String line; (line = r.readLine()) != null; ) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) continue;
      String[] parts = t.split(",", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank())
        throw new BadAnnotationException(
            file, lineNo, -1, "", "expected 'model_class,project_class', got '" + t + "'");
      String from = parts[0].strip();
      String to = parts[1].strip();
      if (from.equals("*")) {
        if (!to.equals("keep") && !to.equals("drop"))
          throw new BadAnnotationException(
              file, lineNo, -1, "project_class", "'*' takes 'keep' or 'drop', got '" + to + "'");
        keep = to.equals("keep");
        continue;
      }
      if (!modelClasses.contains(from))
        throw new BadAnnotationException(
            file, lineNo, -1, "model_class", "'" + from + "' is not one of the model's classes");
      if (map.putIfAbsent(from, to) != null)
        throw new BadAnnotationException(
            file, lineNo, -1, "model_class", "'" + from + "' is mapped twice");
    }
    return new ClassMapping(modelClasses, map, keep);
  }

  /** The project class for model class {@code index}, or empty when it is dropped. */
  public Optional<String> projectClass(int index) {
    if (index < 0 || index >= modelClasses.size())
      return keepUnmapped ? Optional.of("class_" + index) : Optional.empty();
    String name = modelClasses.get(index);
    String to = mapping.get(name);
    if (to != null) return Optional.of(to);
    return keepUnmapped ? Optional.of(name) : Optional.empty();
  }

  /**
   * Project classes this mapping can produce, in first-mapped order (plus model names when kept).
   */
  public List<String> projectClasses() {
    List<String> out = new ArrayList<>();
    for (String v : mapping.values()) if (!out.contains(v)) out.add(v);
    if (keepUnmapped)
      for (String m : modelClasses) if (!mapping.containsKey(m) && !out.contains(m)) out.add(m);
    return out;
  }

  private static InputStream resource(String name) {
    return Objects.requireNonNull(ClassMapping.class.getResourceAsStream(name), name);
  }
}
