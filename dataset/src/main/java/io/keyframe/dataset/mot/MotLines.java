package io.keyframe.dataset.mot;

import io.keyframe.dataset.Utf8Input;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a MOTChallenge text file, one {@link MotLine} at a time, numbered as {@link
 * BufferedReader#readLine()} numbers them ({@code \n}, {@code \r} or {@code \r\n} ends a line). MOT
 * files are ASCII numbers: such a file (after an optional UTF-8 BOM) is read in one go and its
 * lines are cut from the bytes. Any other file goes through {@link Utf8Input}'s strict decoding,
 * line by line, so a non-UTF-8 file fails with the same error naming its line and byte offset.
 *
 * <p>{@link #read} does not look at every byte first to choose: it reads the bytes as ASCII, and
 * cutting the lines sees every byte anyway. At the first line that is not ASCII, or at an error
 * (when a byte after it is not ASCII), it reads the file again, decoded from the start, as a
 * non-ASCII file is read: the answer, or the error, is the one that route gives.
 */
final class MotLines implements Closeable {
  /** Files above this size are streamed rather than held in memory. */
  private static final long IN_MEMORY_LIMIT = 1L << 30;

  private final Path file;
  private final byte[] bytes; // null: streamed
  private final int begin;
  private int pos;
  private BufferedReader reader;
  private long number;

  private MotLines(Path file, byte[] bytes, int begin) {
    this.file = file;
    this.bytes = bytes;
    this.begin = begin;
    this.pos = begin;
  }

  /** What a reader does with a file's lines. */
  @FunctionalInterface
  interface Reading<T> {
    T from(MotLines lines) throws IOException;
  }

  /**
   * {@code reading} over the file's lines: held in memory when the file is ASCII, strictly decoded
   * line by line otherwise. {@code reading} may run twice (first over the bytes, then decoded); it
   * must have no effect outside itself before it returns.
   */
  static <T> T read(Path file, Reading<T> reading) throws IOException {
    if (Files.size(file) <= IN_MEMORY_LIMIT) {
      MotLines lines = inMemory(file);
      try (lines) {
        return reading.from(lines);
      } catch (NotAscii e) {
        // a line that is not ASCII: read the file decoded
      } catch (RuntimeException | IOException e) {
        if (isAscii(lines.bytes, lines.begin)) throw e;
        // an error before a byte that is not ASCII: the decoded read has the say
      }
    }
    return decoded(file, reading);
  }

  /** {@code reading} over the file's lines strictly decoded, line by line. */
  static <T> T decoded(Path file, Reading<T> reading) throws IOException {
    try (MotLines lines = new MotLines(file, null, 0)) {
      return reading.from(lines);
    }
  }

  /**
   * The file's bytes as lines; {@link #next} throws {@link NotAscii} at a line that is not ASCII.
   */
  private static MotLines inMemory(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    int begin =
        b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf
            ? 3
            : 0;
    return new MotLines(file, b, begin);
  }

  /** A line of an in-memory file is not ASCII: the file is to be read decoded. */
  static final class NotAscii extends RuntimeException {
    NotAscii() {
      super("a line that is not ASCII", null, false, false);
    }
  }

  /** No byte at or after {@code from} is negative (0x80 or above). */
  static boolean isAscii(byte[] b, int from) {
    for (int i = from; i < b.length; i++) if (b[i] < 0) return false;
    return true;
  }

  /** Points {@code line} at the next line; false at the end of the file. */
  boolean next(MotLine line) throws IOException {
    if (bytes == null) {
      if (reader == null) reader = Utf8Input.reader(file);
      String text = reader.readLine();
      if (text == null) return false;
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      line.set(b, 0, b.length, b.length == text.length(), ++number);
      return true;
    }
    if (pos >= bytes.length) return false;
    pos = line.cut(bytes, pos, bytes.length, ++number);
    if (!line.isAscii()) throw new NotAscii();
    return true;
  }

  /** True when the file is held in memory ({@link #rest} works). */
  boolean inMemory() {
    return bytes != null;
  }

  /**
   * The lines after the current one, as a second cursor over the same bytes (numbered on from
   * here); this cursor does not move. Only for files held in memory.
   */
  MotLines rest() {
    if (bytes == null) throw new IllegalStateException("a streamed file has no second cursor");
    MotLines r = new MotLines(file, bytes, begin);
    r.pos = pos;
    r.number = number;
    return r;
  }

  /** Back to the first line. */
  void restart() throws IOException {
    close();
    pos = begin;
    number = 0;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) reader.close();
    reader = null;
  }
}
