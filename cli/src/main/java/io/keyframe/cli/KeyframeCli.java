package io.keyframe.cli;

import io.keyframe.dataset.BadAnnotationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keyframe}: what to label next in occlusion-heavy videos, and how good the labels are. */
@Command(
    name = "keyframe",
    mixinStandardHelpOptions = true,
    versionProvider = KeyframeCli.Version.class,
    description = "What to label next in occlusion-heavy videos, and how good the labels are.",
    subcommands = {
      DemoCommand.class,
      GenerateCommand.class,
      ConvertCommand.class,
      InfoCommand.class,
      IngestCommand.class,
      TrackCommand.class,
      RankCommand.class,
      SpotCheckCommand.class,
      SimulateCommand.class,
      MotMetricsCommand.class,
      AgreementCommand.class,
      AssignCommand.class,
      ConsensusCommand.class,
      ScorecardCommand.class,
      AuditCommand.class,
      ServeCommand.class,
      NotebookCommand.class,
      CommandLine.HelpCommand.class
    })
public final class KeyframeCli implements Runnable {
  /** Exit code for bad input (file, line/frame and field named in the message). */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int rc = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(rc);
  }

  /** Runs the CLI with the given streams; returns the exit code (used by tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new KeyframeCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionStrategy(AuditTrail.strategy());
    cli.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          Throwable cause = ex;
          while (cause != null && !(cause instanceof BadAnnotationException)) cause = cause.getCause();
          if (cause != null) {
            err.println("error: " + cause.getMessage());
            return EXIT_BAD_INPUT;
          }
          if (ex instanceof IllegalArgumentException || ex instanceof java.nio.file.NoSuchFileException) {
            err.println("error: " + describe(ex));
            return EXIT_BAD_INPUT;
          }
          err.println("error: " + describe(ex));
          if (Boolean.getBoolean("keyframe.debug")) ex.printStackTrace(err);
          return 1;
        });
    return cli.execute(args);
  }

  private static String describe(Throwable ex) {
    if (ex instanceof java.nio.file.NoSuchFileException nsf) return "no such file: " + nsf.getFile();
    return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
  }

  /** Version from the jar manifest (set by Maven), or "dev". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = KeyframeCli.class.getPackage().getImplementationVersion();
      return new String[] {"keyframe " + (v == null ? "dev" : v)};
    }
  }
}
