package io.keyframe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs JShell notebooks over the jobs' outputs and writes an HTML page per notebook. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description =
        "Run notebooks/NAME.jsh (or all) over the outputs; writes HTML with tables and charts.")
public final class NotebookCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", description = "Notebook names (default: all).")
  List<String> names = new ArrayList<>();

  @Mixin OutputRootOption outputRoot;

  @Option(
      names = "--notebooks",
      description = "Folder of .jsh notebooks (default: notebooks/ of the keyframe checkout).")
  Path notebooks;

  @Option(names = "--out", description = "Where pages go (default: DATA/notebooks).")
  Path out;

  @Option(
      names = "--classpath",
      paramLabel = "PATHS",
      description =
          "More jars or class folders for the notebooks (joined with the path separator), after keyframe's own.")
  List<String> classPath = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path home = ReportJvm.home();
    List<String> args = new ArrayList<>(names);
    args.addAll(
        List.of(
            "--data",
            outputRoot.data.toAbsolutePath().toString(),
            "--notebooks",
            (notebooks != null ? notebooks : home.resolve("notebooks"))
                .toAbsolutePath()
                .toString()));
    if (out != null) args.addAll(List.of("--out", out.toAbsolutePath().toString()));
    args.addAll(List.of("--classpath", notebookClassPath(home)));
    System.err.println(
        "notebook: running "
            + (names.isEmpty() ? "every notebook" : String.join(", ", names))
            + " in the report server's JVM; each cell is compiled by JShell, so allow a minute or two...");
    return ReportJvm.run("io.keyframe.report.notebook.NotebookMain", args);
  }

  /**
   * What the notebooks' shell gets beyond the report server's class path: the tracker (its jar and
   * runtime class path, ONNX Runtime and DJL included), which the report server itself never
   * carries, so notebooks can re-run it (occlusion-identity does); then the user's {@code
   * --classpath}.
   */
  String notebookClassPath(Path home) throws java.io.IOException {
    List<String> entries = new ArrayList<>(ReportJvm.moduleClassPath(home, "tracker"));
    entries.addAll(classPath);
    return String.join(java.io.File.pathSeparator, entries);
  }
}
