package io.keyframe.report.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A parsed notebook: its name and cells in order. */
public record Notebook(String name, List<Cell> cells) {
  /** One cell: Markdown text or Java (JShell) source, with the 1-based line it starts on. */
  public record Cell(boolean markdown, String text, int firstLine) {}

  public Notebook {
    cells = List.copyOf(cells);
  }

  private static final String CELL = "// %%";
  private static final String MARKDOWN = "// %% [markdown]";

  /** Reads a {@code .jsh} notebook. Text before the first marker is a code cell. */
  public static Notebook read(Path file) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.jsh$", "");
    return parse(name, Files.readAllLines(file));
  }

  static Notebook parse(String name, List<String> lines) {
    List<Cell> cells = new ArrayList<>();
    boolean markdown = false;
    int start = 1;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(CELL)) {
        add(cells, markdown, text, start);
        markdown = line.trim().equals(MARKDOWN);
        start = i + 2;
        text.setLength(0);
      } else {
        text.append(markdown ? line.replaceFirst("^//\\s?", "") : line).append('\n');
      }
    }
    add(cells, markdown, text, start);
    return new Notebook(name, cells);
  }

  private static void add(List<Cell> cells, boolean markdown, StringBuilder text, int start) {
    if (!text.toString().isBlank()) cells.add(new Cell(markdown, text.toString().strip(), start));
  }
}
