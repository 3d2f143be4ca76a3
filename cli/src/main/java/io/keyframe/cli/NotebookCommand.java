package io.keyframe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(
      names = "--data",
      defaultValue = "keyframe-out",
      description = "Output root of the jobs (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--notebooks",
      description = "Folder of .jsh notebooks (default: notebooks/ of the keyframe checkout).")
  Path notebooks;

  @Option(names = "--out", description = "Where pages go (default: DATA/notebooks).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path home = Path.of(System.getProperty("keyframe.home", "."));
    List<String> args = new ArrayList<>(names);
    args.addAll(
        List.of(
            "--data",
            data.toAbsolutePath().toString(),
            "--notebooks",
            (notebooks != null ? notebooks : home.resolve("notebooks"))
                .toAbsolutePath()
                .toString()));
    if (out != null) args.addAll(List.of("--out", out.toAbsolutePath().toString()));
    System.err.println(
        "notebook: running "
            + (names.isEmpty() ? "every notebook" : String.join(", ", names))
            + " in the report server's JVM; each cell is compiled by JShell, so allow a minute or two...");
    return ReportJvm.run("io.keyframe.report.notebook.NotebookMain", args);
  }
}
