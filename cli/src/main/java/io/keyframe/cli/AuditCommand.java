package io.keyframe.cli;

import io.keyframe.dataset.audit.AuditVerification;
import io.keyframe.dataset.audit.AuditVerifier;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The tamper-evident audit trail: {@code audit verify} checks its hash chain. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Tamper-evident audit trail of every command run.",
    subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // 'audit' alone names no action: usage on stderr, exit 2 (like 'keyframe' alone).
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "give a subcommand: verify");
  }

  /** Verifies the chain; exit 3 and the first broken line when the log was edited. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Detect edited, dropped or reordered entries.")
  static final class Verify extends KeyframeCommand {
    @Option(
        names = "--log",
        description = "Audit log (default: $KEYFRAME_AUDIT_LOG or keyframe-out/audit/audit.jsonl).")
    Path log;

    @Override
    public Integer call() throws Exception {
      Path file = log != null ? log : AuditTrail.defaultLog();
      if (!java.nio.file.Files.exists(file))
        throw new java.nio.file.NoSuchFileException(file.toString());
      AuditVerification v = AuditVerifier.verify(file);
      (v.ok() ? stdout() : stderr()).println(v.report());
      return v.ok() ? KeyframeCli.EXIT_OK : KeyframeCli.EXIT_VERIFICATION_FAILED;
    }
  }
}
