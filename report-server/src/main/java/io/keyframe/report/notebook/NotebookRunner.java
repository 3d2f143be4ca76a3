package io.keyframe.report.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs a notebook top to bottom in an in-process JShell that sees this JVM's classpath, so cells
 * call keyframe's modules directly. Two variables are predefined: {@code DATA} (the jobs' output
 * root) and {@code OUT} (where cells write charts). Any rejected snippet or exception stops the run
 * with a {@link NotebookException} naming the cell and line.
 *
 * <p>Extra class path entries are seen by the notebook's shell only, not by this JVM: the report
 * server carries no tracker (ONNX Runtime, DJL), and {@code keyframe notebook} hands the tracker's
 * class path here for the notebooks that re-run it.
 */
public final class NotebookRunner {
  private final Path data;
  private final Path out;
  private final List<Path> classPath;

  public NotebookRunner(Path data, Path out) {
    this(data, out, List.of());
  }

  /** {@code classPath}: jars or class folders added to the notebook's shell, after this JVM's. */
  public NotebookRunner(Path data, Path out, List<Path> classPath) {
    this.data = data.toAbsolutePath().normalize();
    this.out = out.toAbsolutePath().normalize();
    this.classPath = List.copyOf(classPath);
  }

  /** The outputs of one cell: printed text, values of bare expressions, new chart files. */
  public record CellResult(Notebook.Cell cell, String output, List<Path> charts) {}

  /** Runs every code cell; returns one result per cell (Markdown cells have empty output). */
  public List<CellResult> run(Notebook notebook) throws IOException {
    Files.createDirectories(out);
    List<CellResult> results = new ArrayList<>();
    PrintStream hostOut = System.out;
    CellOutput sink = new CellOutput();
    PrintStream shellOut = new PrintStream(sink, true, StandardCharsets.UTF_8);
    try (JShell shell =
        JShell.builder().executionEngine("local").out(shellOut).err(shellOut).build()) {
      Set<Path> added = new java.util.HashSet<>();
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        if (!entry.isBlank() && added.add(Path.of(entry).toAbsolutePath().normalize()))
          shell.addToClasspath(entry);
      // The shell's loader asks this JVM's first, so an extra entry that repeats one adds nothing.
      for (Path entry : classPath)
        if (added.add(entry.toAbsolutePath().normalize()))
          shell.addToClasspath(entry.toAbsolutePath().normalize().toString());
      eval(
          shell,
          notebook,
          new Notebook.Cell(
              false,
              // Fully qualified types: JShell resets variables whose declarations depend on imports
              // when a later cell adds an on-demand import.
              "java.nio.file.Path DATA = java.nio.file.Path.of(\""
                  + escape(data.toString())
                  + "\"); java.nio.file.Path OUT = java.nio.file.Path.of(\""
                  + escape(out.toString())
                  + "\"); import java.nio.file.*;",
              0),
          new StringBuilder());
      for (Notebook.Cell cell : notebook.cells()) {
        if (cell.markdown()) {
          results.add(new CellResult(cell, "", List.of()));
          continue;
        }
        Set<Path> before = charts();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder values = new StringBuilder();
        try (PrintStream cellOut = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
          sink.target = captured;
          System.setOut(cellOut);
          eval(shell, notebook, cell, values);
          shellOut.flush();
        } finally {
          System.setOut(hostOut);
          sink.target = java.io.OutputStream.nullOutputStream();
        }
        Set<Path> after = charts();
        after.removeAll(before);
        results.add(
            new CellResult(
                cell, captured.toString(StandardCharsets.UTF_8) + values, List.copyOf(after)));
      }
    }
    return results;
  }

  /** JShell binds its output stream once; this lets each cell's output go to its own buffer. */
  private static final class CellOutput extends java.io.OutputStream {
    volatile java.io.OutputStream target = java.io.OutputStream.nullOutputStream();

    @Override
    public void write(int b) throws IOException {
      target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
    }
  }

  private static void eval(JShell shell, Notebook nb, Notebook.Cell cell, StringBuilder values) {
    String remaining = cell.text();
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (!info.completeness().isComplete())
        throw new NotebookException(
            nb.name(), cell.firstLine(), "incomplete statement: " + firstLine(remaining));
      for (SnippetEvent ev : shell.eval(info.source())) {
        if (ev.status() == Snippet.Status.REJECTED) {
          String why =
              shell
                  .diagnostics(ev.snippet())
                  .map(d -> d.getMessage(null))
                  .reduce((a, b) -> a + "; " + b)
                  .orElse("rejected");
          throw new NotebookException(
              nb.name(), cell.firstLine(), why + " in: " + firstLine(ev.snippet().source()));
        }
        if (ev.exception() != null) {
          Throwable ex = ev.exception();
          String type =
              ex instanceof EvalException ee ? ee.getExceptionClassName() : ex.getClass().getName();
          throw new NotebookException(
              nb.name(),
              cell.firstLine(),
              type + ": " + ex.getMessage() + " in: " + firstLine(ev.snippet().source()));
        }
        boolean bareExpression =
            ev.snippet().kind() == Snippet.Kind.EXPRESSION
                || ev.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        if (bareExpression && ev.value() != null) values.append(ev.value()).append('\n');
      }
      remaining = info.remaining();
    }
  }

  private Set<Path> charts() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files
          .filter(p -> p.toString().endsWith(".png"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl) + " ...";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
