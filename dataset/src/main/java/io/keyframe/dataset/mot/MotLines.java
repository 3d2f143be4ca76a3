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

  /** Opens the file's lines. */
  static MotLines open(Path file) throws IOException {
    if (Files.size(file) <= IN_MEMORY_LIMIT) {
      byte[] b = Files.readAllBytes(file);
      int begin =
          b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf
              ? 3
              : 0;
      if (isAscii(b, begin)) return new MotLines(file, b, begin);
    }
    return new MotLines(file, null, 0);
  }

  /**
   * No byte at or after {@code from} is negative (0x80 or above). Eight bytes are or-ed per test:
   * the check runs over every byte of every file, as JIT-compiled code that does not unroll loops
   * for itself.
   */
  static boolean isAscii(byte[] b, int from) {
    int i = from;
    for (int n = b.length - 7; i < n; i += 8)
      if ((b[i] | b[i + 1] | b[i + 2] | b[i + 3] | b[i + 4] | b[i + 5] | b[i + 6] | b[i + 7]) < 0)
        return false;
    for (; i < b.length; i++) if (b[i] < 0) return false;
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
