package io.keyframe.cli;

import io.keyframe.dataset.FileHash;
import io.keyframe.dataset.audit.AuditEvent;
import io.keyframe.dataset.audit.AuditLog;
import io.keyframe.dataset.privacy.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Appends one entry per CLI run to the audit log: the command, its non-path parameters, the SHA-256
 * of every input and output file it named (never the paths: they can identify patients).
 */
final class AuditTrail {
  private AuditTrail() {}

  /**
   * {@code -Dkeyframe.audit.log}, else {@code $KEYFRAME_AUDIT_LOG}, else {@code
   * keyframe-out/audit/audit.jsonl}.
   */
  static Path defaultLog() {
    String env = System.getProperty("keyframe.audit.log", System.getenv("KEYFRAME_AUDIT_LOG"));
    return env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of("keyframe-out", "audit", "audit.jsonl");
  }

  static void record(ParseResult parsed, int exitCode) {
    // Nothing here may end the run: the command has finished and printed its own result or error.
    // A pseudonym key that cannot be loaded (the same failure the command itself may just have
    // reported) or an unwritable log is one warning, not a stack trace and another exit code.
    try {
      append(parsed, exitCode);
    } catch (IOException | RuntimeException e) {
      System.err.println("warning: could not append to the audit log: " + e.getMessage());
    }
  }

  private static void append(ParseResult parsed, int exitCode) throws IOException {
    ParseResult leaf = parsed;
    StringBuilder name = new StringBuilder();
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
      name.append(name.length() == 0 ? "" : " ").append(leaf.commandSpec().name());
    }
    if (name.length() == 0 || leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) return;
    if (name.toString().equals("help")) return;
    Map<String, String> params = new TreeMap<>();
    Map<String, String> inputs = new TreeMap<>();
    Map<String, String> outputs = new TreeMap<>();
    params.put("exit_code", Integer.toString(exitCode));
    Redactor redactor = new Redactor(Pseudonyms.get());
    for (ArgSpec arg : leaf.matchedArgs()) {
      String key =
          arg instanceof OptionSpec o ? o.longestName().replaceFirst("^-+", "") : arg.paramLabel();
      Object value = arg.getValue();
      if (key.toLowerCase(java.util.Locale.ROOT).contains("token")
          || key.toLowerCase(java.util.Locale.ROOT).contains("key")) continue;
      // Files named by an option (one or a list) are recorded by hash only; everything else by the
      // one redaction rule.
      List<Path> files = new ArrayList<>();
      if (value instanceof Path p) files.add(p);
      else if (value instanceof java.util.Collection<?> c
          && !c.isEmpty()
          && c.stream().allMatch(e -> e instanceof Path)) c.forEach(e -> files.add((Path) e));
      for (int i = 0; i < files.size(); i++) {
        Path p = files.get(i);
        String entry = files.size() == 1 && value instanceof Path ? key : key + "[" + i + "]";
        if (Files.isRegularFile(p)) {
          try {
            (isOutput(key) ? outputs : inputs).put(entry, FileHash.sha256(p));
          } catch (IOException ignored) {
            params.put(entry, "<unreadable file>");
          }
        } else params.put(entry, "<path>");
      }
      if (files.isEmpty() && value != null) params.put(key, redactor.option(key, value));
    }
    new AuditLog(defaultLog())
        .append(AuditEvent.command(actor(), name.toString(), params, inputs, outputs));
  }

  /** $KEYFRAME_ACTOR, else the operator's login as an annotator pseudonym. */
  static String actor() {
    return System.getenv()
        .getOrDefault(
            "KEYFRAME_ACTOR",
            "operator:" + Pseudonyms.get().annotator(System.getProperty("user.name", "unknown")));
  }

  private static boolean isOutput(String key) {
    return key.equals("out") || key.equals("output") || key.equals("OUTPUT");
  }

  /** Runs the parsed command, then records it. */
  static CommandLine.IExecutionStrategy strategy() {
    return parsed -> {
      int rc;
      try {
        rc = new CommandLine.RunLast().execute(parsed);
      } catch (CommandLine.ExecutionException e) {
        // Map the failure to its exit code here, so the audit entry records the code the user sees.
        Exception cause = e.getCause() instanceof Exception x ? x : e;
        CommandLine cl = parsed.commandSpec().commandLine();
        try {
          rc =
              cl.getExecutionExceptionHandler()
                  .handleExecutionException(cause, e.getCommandLine(), parsed);
        } catch (Exception handlerFailed) {
          record(parsed, 1);
          throw e;
        }
      }
      record(parsed, rc);
      return rc;
    };
  }
}
