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
public final class KeyframeCli implements java.util.concurrent.Callable<Integer> {
  /** Exit code for success. */
  public static final int EXIT_OK = 0;

  /**
   * Exit code for an unexpected failure (a bug or the environment, not the input); details with
   * -Dkeyframe.debug=true.
   */
  public static final int EXIT_FAILURE = 1;

  /** Exit code for bad input or usage (file, line/frame and field named in the message). */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit code of {@code audit verify} when the log was edited, dropped or reordered. */
  public static final int EXIT_VERIFICATION_FAILED = 3;

  /** Every exit code, as {@code --help} and the README list them. */
  static final java.util.Map<String, String> EXIT_CODES = exitCodes();

  private static java.util.Map<String, String> exitCodes() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(EXIT_OK + "", "ok");
    m.put(
        EXIT_FAILURE + "",
        "unexpected failure (rerun with KEYFRAME_JAVA_OPTS=-Dkeyframe.debug=true for the stack trace)");
    m.put(
        EXIT_BAD_INPUT + "",
        "bad input or usage: the message names the file, line/frame and field, or the option");
    m.put(
        EXIT_VERIFICATION_FAILED + "",
        "verification failed: 'audit verify' found an edited, dropped or reordered entry");
    return java.util.Collections.unmodifiableMap(m);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** No command given: the usage goes to stderr and the exit code says the call was incomplete. */
  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    cli.usage(cli.getErr());
    cli.getErr().println("error: no command given; see the list above");
    return EXIT_BAD_INPUT;
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
    CommandLine cli = commandLine(args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionStrategy(AuditTrail.strategy());
    documentExitCodes(cli);
    cli.setParameterExceptionHandler(
        (ex, arguments) -> {
          // One line naming the option, and where the full usage is: not 20 lines of it.
          CommandLine c = ex.getCommandLine();
          c.getErr().println("error: " + ex.getMessage());
          if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr()))
            c.getErr()
                .println(
                    "see: keyframe "
                        + (c.getCommandSpec().qualifiedName().replaceFirst("^keyframe ?", "")
                                + " --help")
                            .trim());
          return EXIT_BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          Throwable cause = ex;
          while (cause != null && !(cause instanceof BadAnnotationException))
            cause = cause.getCause();
          if (cause != null) {
            err.println("error: " + cause.getMessage());
            return EXIT_BAD_INPUT;
          }
          if (ex instanceof IllegalArgumentException
              || ex instanceof java.nio.file.NoSuchFileException) {
            err.println("error: " + describe(ex));
            return EXIT_BAD_INPUT;
          }
          // A file the process may not read (or that vanished) is the user's input, whichever
          // reader met it and however it was wrapped: exit 2 naming the file.
          for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof java.nio.file.AccessDeniedException
                || c instanceof java.nio.file.NoSuchFileException) {
              err.println("error: " + describe(c));
              return EXIT_BAD_INPUT;
            }
          }
          err.println("error: " + describe(ex));
          if (Boolean.getBoolean("keyframe.debug")) ex.printStackTrace(err);
          return EXIT_FAILURE;
        });
    return cli.execute(args);
  }

  /**
   * The command line for {@code args}. When the first argument names a command, only that command
   * is modelled, under a root of the same name and options: picocli reflects over every class it
   * registers (and loads the types their methods name, Spark's among them), which cost a short
   * command as much CPU as its work. Anything else (no arguments, an option, {@code help}, a
   * misspelt command) gets every command, for the list and the suggestions.
   */
  static CommandLine commandLine(String[] args) {
    Class<?> only = args.length == 0 ? null : commandClass(args[0]);
    if (only == null) return new CommandLine(new KeyframeCli());
    CommandLine root = new CommandLine(new KeyframeCli.Root());
    root.addSubcommand(new CommandLine(only));
    return root;
  }

  /** The class of the command called {@code name} (not {@code help}), or null. */
  static Class<?> commandClass(String name) {
    for (Class<?> c : KeyframeCli.class.getAnnotation(Command.class).subcommands()) {
      Command a = c.getAnnotation(Command.class);
      if (c != CommandLine.HelpCommand.class
          && a != null
          && (a.name().equals(name) || java.util.Arrays.asList(a.aliases()).contains(name)))
        return c;
    }
    return null;
  }

  /** The root when one command runs: {@link KeyframeCli}'s name and options, no subcommands. */
  @Command(
      name = "keyframe",
      mixinStandardHelpOptions = true,
      versionProvider = KeyframeCli.Version.class,
      description = "What to label next in occlusion-heavy videos, and how good the labels are.")
  static final class Root implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getErr().println("error: no command given; see: keyframe --help");
      return EXIT_BAD_INPUT;
    }
  }

  /** The exit-code table in every command's --help. */
  private static void documentExitCodes(CommandLine cli) {
    cli.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(EXIT_CODES);
    for (CommandLine sub : cli.getSubcommands().values()) documentExitCodes(sub);
  }

  private static String describe(Throwable ex) {
    if (ex instanceof java.nio.file.NoSuchFileException nsf)
      return "no such file: " + nsf.getFile();
    if (ex instanceof java.nio.file.AccessDeniedException ade)
      return ade.getFile() + ": cannot be read (permission denied; check its permissions)";
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
