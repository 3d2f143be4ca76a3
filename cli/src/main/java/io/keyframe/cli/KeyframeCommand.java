package io.keyframe.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A keyframe command: it prints to its command line's streams (which tests capture), and a value
 * the parser accepts but the command refuses is a usage error, exit 2, like those the parser finds.
 */
abstract class KeyframeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Where results go. */
  PrintWriter stdout() {
    return spec.commandLine().getOut();
  }

  /** Where progress, notes and warnings go. */
  PrintWriter stderr() {
    return spec.commandLine().getErr();
  }

  /** A usage error naming the option: one line and "see: keyframe COMMAND --help", exit 2. */
  ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
