package io.keyframe.cli;

import io.keyframe.dataset.privacy.Redactor;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/**
 * {@code --redact}: video and annotator IDs pseudonymised in what a command prints and writes, with
 * the CLI's one key ({@link Pseudonyms}), as scorecard and consensus take it.
 */
final class RedactOption {
  @Option(
      names = "--redact",
      description =
          "Pseudonymise video and annotator IDs in what is printed and written (keyed by $KEYFRAME_PSEUDONYM_KEY, else by the user's pseudonym.key).")
  boolean redact;

  /** {@code result} redacted by {@code redact} when {@code --redact} was given, else as it is. */
  <T> T applyTo(T result, BiFunction<T, Redactor, T> redact) {
    return this.redact ? redact.apply(result, new Redactor(Pseudonyms.get())) : result;
  }
}
