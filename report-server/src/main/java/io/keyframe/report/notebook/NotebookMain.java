package io.keyframe.report.notebook;

import io.keyframe.dataset.AtomicOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code keyframe notebook NAME|all [--data DIR] [--notebooks DIR] [--out DIR] [--classpath
 * PATHS]}: runs notebooks and writes {@code OUT/NAME.html} with charts under {@code OUT/NAME/}.
 * Exit 1 when a cell fails. {@code --classpath} (entries joined by the platform's path separator,
 * repeatable) adds jars or class folders to the notebooks' shell only; {@code keyframe notebook}
 * passes the tracker's there, since this JVM's class path is report-server's, which has no tracker.
 */
public final class NotebookMain {
  private NotebookMain() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("keyframe-out");
    Path dir = Path.of("notebooks");
    Path out = null;
    List<String> names = new ArrayList<>();
    List<Path> classPath = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--classpath" -> classPath.addAll(classPathEntries(args[++i]));
        case "--data" -> data = Path.of(args[++i]);
        case "--notebooks" -> dir = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> names.add(args[i]);
      }
    }
    if (out == null) out = data.resolve("notebooks");
    if (!Files.isDirectory(dir)) {
      System.err.println("error: notebooks folder not found: " + dir);
      System.exit(2);
    }
    if (names.isEmpty() || names.contains("all")) names = listNotebooks(dir);
    for (String name : names) {
      String problem = checkName(name, dir);
      if (problem != null) {
        System.err.println("error: " + problem);
        System.exit(2);
      }
    }
    int failed = 0;
    for (String name : names) {
      Path file = dir.resolve(name.endsWith(".jsh") ? name : name + ".jsh");
      try {
        Path html = runOne(file, data, out, classPath);
        System.out.println("notebook " + name + ": " + html);
      } catch (NotebookException e) {
        System.err.println("error: " + e.getMessage());
        failed++;
      }
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Runs one notebook file and writes its page; returns the page's path. */
  public static Path runOne(Path file, Path data, Path out) throws java.io.IOException {
    return runOne(file, data, out, List.of());
  }

  /** As {@link #runOne(Path, Path, Path)}, with extra class path entries for the notebook. */
  public static Path runOne(Path file, Path data, Path out, List<Path> classPath)
      throws java.io.IOException {
    Notebook nb = Notebook.read(file);
    Path charts = out.resolve(nb.name());
    var results = new NotebookRunner(data, charts, classPath).run(nb);
    Path html = out.resolve(nb.name() + ".html");
    String page = NotebookPage.render(nb, results, out.toAbsolutePath().normalize());
    AtomicOutput.write(html, o -> o.write(page.getBytes(StandardCharsets.UTF_8)));
    return html;
  }

  /**
   * Why {@code name} is not a notebook of {@code dir} (a bare name, no path; the file exists), or
   * null.
   */
  static String checkName(String name, Path dir) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}") || name.contains("..")) {
      return "notebook names are bare file names ([A-Za-z0-9._-]), not paths: "
          + name.substring(0, Math.min(name.length(), 100));
    }
    Path file = dir.resolve(name.endsWith(".jsh") ? name : name + ".jsh");
    if (!Files.isRegularFile(file)) {
      return "no notebook "
          + name
          + " in "
          + dir
          + "; available: "
          + String.join(", ", listOrEmpty(dir));
    }
    return null;
  }

  private static List<String> listOrEmpty(Path dir) {
    try {
      return listNotebooks(dir).stream().map(n -> n.substring(0, n.length() - 4)).toList();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  /** The entries of a {@code --classpath} value (platform path separator; blanks skipped). */
  static List<Path> classPathEntries(String value) {
    List<Path> entries = new ArrayList<>();
    for (String e : value.split(java.io.File.pathSeparator))
      if (!e.isBlank()) entries.add(Path.of(e));
    return entries;
  }

  static List<String> listNotebooks(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".jsh"))
          .sorted()
          .toList();
    }
  }
}
