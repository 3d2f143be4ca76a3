package io.keyframe.dataset.audit;

import io.keyframe.dataset.AtomicOutput;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only audit log: one canonical JSON entry per line, each carrying the hash of the one
 * before. Appends from several threads or processes are serialised by a lock file beside the log
 * ({@code <log>.lock}); after each append the head file ({@code <log>.head}: last seq and hash) is
 * rewritten atomically so that {@link AuditVerifier} can tell a truncated log from a short one.
 *
 * <p>The log never rewrites existing bytes. Anyone who can write the file can still forge a whole
 * new chain; the chain makes that visible only against a head hash kept elsewhere (see QA.md).
 */
public final class AuditLog {
  // FileChannel.lock is per process; threads of one JVM queue on this lock first.
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final Path file;
  private final Clock clock;

  /** A log at {@code file} (created on first append) stamped by the system UTC clock. */
  public AuditLog(Path file) {
    this(file, Clock.systemUTC());
  }

  /** A log with an explicit clock, for tests. */
  public AuditLog(Path file, Clock clock) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Path file() {
    return file;
  }

  /** The head file beside {@code log}. */
  public static Path headFile(Path log) {
    return log.resolveSibling(log.getFileName() + ".head");
  }

  /**
   * Appends one event and returns the entry as written.
   *
   * @throws IllegalStateException when the log ends in a partial or unreadable entry (verify it
   *     first; appending would hide the damage)
   */
  public AuditEntry append(AuditEvent event) throws IOException {
    Objects.requireNonNull(event, "event");
    ReentrantLock local = IN_PROCESS.computeIfAbsent(file, k -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(file.getParent());
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      try (FileChannel lockChannel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = lockChannel.lock()) {
        AuditEntry last = lastEntry();
        long seq = last == null ? 1 : last.seq() + 1;
        String prev = last == null ? AuditEntry.GENESIS : last.hash();
        AuditEntry draft = new AuditEntry(seq, clock.instant(), event, prev, AuditEntry.GENESIS);
        AuditEntry entry = new AuditEntry(seq, draft.time(), event, prev, draft.expectedHash());
        byte[] line = (entry.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
          ByteBuffer buf = ByteBuffer.wrap(line);
          while (buf.hasRemaining()) out.write(buf);
          out.force(false);
        }
        AtomicOutput.write(
            headFile(file),
            o ->
                o.write(
                    (entry.seq() + " " + entry.hash() + "\n").getBytes(StandardCharsets.US_ASCII)));
        return entry;
      }
    } finally {
      local.unlock();
    }
  }

  /** The last complete entry, or null for an empty or missing log. */
  private AuditEntry lastEntry() throws IOException {
    if (!Files.exists(file)) return null;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long len = raf.length();
      if (len == 0) return null;
      raf.seek(len - 1);
      if (raf.read() != '\n')
        throw new IllegalStateException(
            "audit log ends in a partial entry (no final newline); run 'audit verify' before"
                + " appending");
      // Walk back in growing windows until the start of the last line is inside the window.
      for (int window = 4096; ; window *= 2) {
        long start = Math.max(0, len - 1 - window);
        byte[] buf = new byte[(int) (len - 1 - start)];
        raf.seek(start);
        raf.readFully(buf);
        int nl = lastIndexOf(buf, (byte) '\n');
        if (nl >= 0 || start == 0) {
          String line = new String(buf, nl + 1, buf.length - nl - 1, StandardCharsets.UTF_8);
          try {
            return CanonicalJson.read(line);
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                "last audit entry is unreadable (" + e.getMessage() + "); run 'audit verify'", e);
          }
        }
      }
    }
  }

  private static int lastIndexOf(byte[] b, byte x) {
    for (int i = b.length - 1; i >= 0; i--) if (b[i] == x) return i;
    return -1;
  }
}
