package io.keyframe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs this CLI in a child JVM on the test class path, with its home and
 * audit log under a test folder: for tests that need what a process sees (its own file permissions,
 * a second JVM it starts, its exit code).
 */
final class ChildCli {
  private ChildCli() {}

  /** {@code java [flags] -cp ... KeyframeCli args...}, the home and audit log under {@code tmp}. */
  static List<String> command(Path tmp, List<String> jvmFlags, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.addAll(jvmFlags);
    cmd.add("-Duser.home=" + tmp.resolve("home"));
    cmd.add("-Dkeyframe.audit.log=" + tmp.resolve("audit.jsonl"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(KeyframeCli.class.getName());
    cmd.addAll(args);
    return cmd;
  }
}
