package io.keyframe.spark.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer per output root: {@code OUT/.lock} names its holder (pid, host, process start, run,
 * time taken). Two jobs on one root would otherwise share {@code .staging/} and one commit would
 * sweep up the other's files. A lock whose holder is gone (same host, pid dead or reused) is stale
 * and taken over; a live holder, or one on another host, makes the second job fail with a message
 * naming it.
 *
 * <p>Creation is atomic: a hard link of a fully written temp file on local disks (link(2) fails if
 * the name exists), {@code create(overwrite=false)} on HDFS (the NameNode refuses a second create).
 */
public final class OutputLock implements AutoCloseable {
  /**
   * Lock tokens held by live writers of this JVM: a lock naming this pid but no live token is
   * stale.
   */
  private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

  private final FileSystem fs;
  private final Path file;
  private final String token;
  private boolean released;

  private OutputLock(FileSystem fs, Path file, String token) {
    this.fs = fs;
    this.file = file;
    this.token = token;
  }

  /** The holder a lock file names. */
  public record Holder(
      long pid, String host, long processStart, String runId, String since, String token) {
    String describe() {
      return "pid " + pid + " on " + host + " (run " + runId + ", since " + since + ")";
    }
  }

  /** Thrown when another live job holds the output root. */
  public static final class HeldException extends IllegalStateException {
    private final Holder holder;

    HeldException(Path file, Holder holder) {
      super(
          "output root is in use by another keyframe job: "
              + holder.describe()
              + "; wait for it to finish,"
              + " or, if that job is no longer running, remove "
              + file);
      this.holder = holder;
    }

    public Holder holder() {
      return holder;
    }
  }

  /**
   * Takes {@code root/.lock} for {@code runId}, taking over a stale lock; throws {@link
   * HeldException} if held.
   */
  public static OutputLock acquire(FileSystem fs, Path root, String runId) {
    Path file = new Path(root, ".lock");
    String token = UUID.randomUUID().toString();
    try {
      fs.mkdirs(root);
      for (int attempt = 0; attempt < 3; attempt++) {
        if (tryCreate(fs, file, content(runId, token))) {
          LIVE.add(token);
          return new OutputLock(fs, file, token);
        }
        Optional<Holder> holder = read(fs, file);
        if (holder.isEmpty()) continue; // released meanwhile, or still being written: try again
        if (!isStale(holder.get())) throw new HeldException(file, holder.get());
        // Re-read just before deleting: a job that took the stale lock a moment ago must keep it.
        Optional<Holder> again = read(fs, file);
        if (again.isPresent() && again.get().token().equals(holder.get().token())) {
          System.err.println(
              "keyframe: taking over a stale output lock of " + holder.get().describe());
          fs.delete(file, false);
        }
      }
      Optional<Holder> holder = read(fs, file);
      if (holder.isPresent()) throw new HeldException(file, holder.get());
      throw new IllegalStateException("cannot take the output lock " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the output lock " + file, e);
    }
  }

  /** The current holder of {@code root}'s lock, if any. */
  public static Optional<Holder> holder(FileSystem fs, Path root) {
    try {
      return read(fs, new Path(root, ".lock"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the lock if it is still ours; idempotent. */
  @Override
  public void close() {
    if (released) return;
    released = true;
    LIVE.remove(token);
    try {
      Optional<Holder> now = read(fs, file);
      if (now.isPresent() && now.get().token().equals(token)) fs.delete(file, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the output lock " + file, e);
    }
  }

  /**
   * Stands for this writer's process dying (kill -9) in in-process fault tests: the file stays, its
   * holder is gone.
   */
  void die() {
    released = true;
    LIVE.remove(token);
  }

  static boolean isStale(Holder h) {
    if (!h.host().equals(hostName()))
      return false; // another host's pid cannot be checked from here
    if (h.pid() == ProcessHandle.current().pid()) return !LIVE.contains(h.token());
    Optional<ProcessHandle> process = ProcessHandle.of(h.pid());
    if (process.isEmpty() || !process.get().isAlive()) return true;
    long start = process.get().info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    return h.processStart() > 0
        && start > 0
        && Math.abs(start - h.processStart()) > 1000; // pid reused
  }

  private static boolean tryCreate(FileSystem fs, Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if ("file".equals(fs.getUri().getScheme())) {
      java.nio.file.Path target = java.nio.file.Path.of(file.toUri());
      java.nio.file.Path temp = target.resolveSibling(".lock." + UUID.randomUUID() + ".tmp");
      Files.write(temp, bytes);
      try {
        Files.createLink(target, temp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } finally {
        Files.deleteIfExists(temp);
      }
    }
    try (OutputStream out = fs.create(file, false)) {
      out.write(bytes);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  private static Optional<Holder> read(FileSystem fs, Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = fs.open(file)) {
      p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    }
    if (p.getProperty("token") == null) return Optional.empty();
    return Optional.of(
        new Holder(
            Long.parseLong(p.getProperty("pid", "-1")), p.getProperty("host", "?"),
            Long.parseLong(p.getProperty("process_start", "-1")), p.getProperty("run", "?"),
            p.getProperty("since", "?"), p.getProperty("token")));
  }

  private static String content(String runId, String token) {
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    return "pid="
        + self.pid()
        + "\nhost="
        + hostName()
        + "\nprocess_start="
        + start
        + "\nrun="
        + runId
        + "\nsince="
        + Instant.now()
        + "\ntoken="
        + token
        + "\n";
  }

  private static String hostName() {
    return HOST;
  }

  private static final String HOST = lookUpHostName();

  private static String lookUpHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }
}
