package io.keyframe.spark.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
  @TempDir Path dir;

  private FileSystem fs() throws Exception {
    return FileSystem.getLocal(new Configuration()).getRawFileSystem();
  }

  private org.apache.hadoop.fs.Path root() {
    return new org.apache.hadoop.fs.Path(dir.toUri());
  }

  @Test
  void aSecondWriterIsRefusedWithAMessageNamingTheHolder() throws Exception {
    try (OutputLock first = OutputLock.acquire(fs(), root(), "run-1")) {
      assertThatThrownBy(() -> OutputLock.acquire(fs(), root(), "run-2"))
          .isInstanceOf(OutputLock.HeldException.class)
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("run run-1")
          .hasMessageContaining(dir.resolve(".lock").toString());
    }
    assertThat(dir.resolve(".lock")).doesNotExist();
    OutputLock.acquire(fs(), root(), "run-2").close();
  }

  @Test
  void aLockWhoseProcessHasExitedIsStaleAndTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Files.writeString(
        dir.resolve(".lock"),
        "pid="
            + gone.pid()
            + "\nhost="
            + InetAddress.getLocalHost().getHostName()
            + "\nprocess_start=1\nrun=old\nsince=x\ntoken=t\n");
    try (OutputLock lock = OutputLock.acquire(fs(), root(), "new")) {
      assertThat(OutputLock.holder(fs(), root()))
          .get()
          .satisfies(
              h -> {
                assertThat(h.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(h.runId()).isEqualTo("new");
              });
    }
  }

  @Test
  void aWriterThatDiedInThisJvmLeavesAStaleLock() throws Exception {
    OutputLock.acquire(fs(), root(), "killed").die();
    assertThat(dir.resolve(".lock")).exists();
    OutputLock.acquire(fs(), root(), "next").close();
  }

  @Test
  void aLiveHolderOnAnotherHostIsNeverTakenOver() throws Exception {
    Files.writeString(
        dir.resolve(".lock"),
        "pid=1\nhost=elsewhere.example\nprocess_start=1\nrun=far\nsince=x\ntoken=t\n");
    assertThatThrownBy(() -> OutputLock.acquire(fs(), root(), "here"))
        .hasMessageContaining("pid 1 on elsewhere.example (run far");
    assertThat(Files.readString(dir.resolve(".lock"))).contains("elsewhere.example");
  }
}
