package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * When the first argument names a command, the CLI models only that command: what the user sees
 * (its help, its exit-code table, its errors) is what the full command line gives.
 */
class OneCommandLineTest {
  @Test
  void eachCommandAloneHasTheHelpItHasAmongAll() {
    CommandLine all = new CommandLine(new KeyframeCli());
    int checked = 0;
    for (var e : all.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) continue;
      CommandLine one = KeyframeCli.commandLine(new String[] {e.getKey(), "--help"});
      assertThat(one.getSubcommands()).containsOnlyKeys(e.getKey());
      CommandLine sub = one.getSubcommands().get(e.getKey());
      assertThat(sub.getCommandSpec().qualifiedName())
          .isEqualTo(e.getValue().getCommandSpec().qualifiedName());
      assertThat(sub.getUsageMessage(CommandLine.Help.Ansi.OFF))
          .as(e.getKey())
          .isEqualTo(e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF));
      checked++;
    }
    assertThat(checked).isEqualTo(all.getSubcommands().size() - 1);
  }

  @Test
  void anythingButACommandNameGetsEveryCommand() {
    int all = new CommandLine(new KeyframeCli()).getSubcommands().size();
    for (String first : new String[] {"--help", "help", "mot-metricz", "--version"})
      assertThat(KeyframeCli.commandLine(new String[] {first}).getSubcommands()).hasSize(all);
    assertThat(KeyframeCli.commandLine(new String[0]).getSubcommands()).hasSize(all);
  }

  @Test
  void aCommandsHelpAndExitCodesAreThoseOfTheFullCommandLine() {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int rc =
        KeyframeCli.execute(
            new String[] {"mot-metrics", "--help"}, new PrintWriter(out), new PrintWriter(err));
    assertThat(rc).isZero();
    assertThat(out.toString())
        .startsWith("Usage: keyframe mot-metrics")
        .contains("Exit codes:")
        .contains("bad input or usage");
    StringWriter err2 = new StringWriter();
    int bad =
        KeyframeCli.execute(
            new String[] {"mot-metrics", "--gt"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err2));
    assertThat(bad).isEqualTo(KeyframeCli.EXIT_BAD_INPUT);
    assertThat(err2.toString()).contains("see: keyframe mot-metrics --help");
  }
}
