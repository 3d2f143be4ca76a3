package io.keyframe.report.notebook;

import io.keyframe.dataset.AtomicOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code keyframe notebook NAME|all [--data DIR] [--notebooks DIR] [--out DIR]}: runs notebooks and
 * writes {@code OUT/NAME.html} with charts under {@code OUT/NAME/}. Exit 1 when a cell fails.
 */
public final class NotebookMain {
  private NotebookMain() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("keyframe-out");
    Path dir = Path.of("notebooks");
    Path out = null;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--notebooks" -> dir = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> names.add(args[i]);
      }
    }
    if (out == null) out = data.resolve("notebooks");
    if (names.isEmpty() || names.contains("all")) names = listNotebooks(dir);
    int failed = 0;
    for (String name : names) {
      Path file = dir.resolve(name.endsWith(".jsh") ? name : name + ".jsh");
      try {
        Path html = runOne(file, data, out);
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
    Notebook nb = Notebook.read(file);
    Path charts = out.resolve(nb.name());
    var results = new NotebookRunner(data, charts).run(nb);
    Path html = out.resolve(nb.name() + ".html");
    String page = NotebookPage.render(nb, results, out.toAbsolutePath().normalize());
    AtomicOutput.write(html, o -> o.write(page.getBytes(StandardCharsets.UTF_8)));
    return html;
  }

  static List<String> listNotebooks(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsh")).sorted().toList();
    }
  }
}
