package io.keyframe.dataset;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens annotation text for the readers so that a binary or non-UTF-8 file ends in one {@link
 * BadAnnotationException} naming the file, the line and the byte offset of the first bad byte,
 * rather than the JDK's bare "Input length = 1". Decoding streams; nothing is read ahead whole.
 */
public final class Utf8Input {
  private Utf8Input() {}

  /**
   * A reader of the file's text that fails on the first byte that is not UTF-8. A leading BOM is
   * dropped.
   */
  public static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(new StrictReader(file, Files.newInputStream(file)), 1 << 16);
  }

  /** Every line of a small file (e.g. {@code seqinfo.ini}), strictly decoded. */
  public static List<String> readAllLines(Path file) throws IOException {
    try (BufferedReader r = reader(file)) {
      List<String> out = new ArrayList<>();
      for (String l = r.readLine(); l != null; l = r.readLine()) out.add(l);
      return out;
    }
  }

  /** A buffered byte stream, for parsers (Jackson, StAX) that decode themselves. */
  public static InputStream open(Path file) throws IOException {
    return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  /** The error for a parser's own decoding failure (Jackson's {@link CharConversionException}). */
  public static BadAnnotationException notText(Path file, IOException e) {
    return new BadAnnotationException(
        file,
        -1,
        -1,
        "encoding",
        "not UTF-8 text (a binary file, or another encoding): " + e.getMessage(),
        e);
  }

  private static final class StrictReader extends Reader {
    private final Path file;
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private long bytesBefore; // bytes of the file before the start of {@code bytes}
    private long line = 1;
    private boolean eof;
    private boolean first = true;

    StrictReader(Path file, InputStream in) {
      this.file = file;
      this.in = in;
      bytes.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) return 0;
      CharBuffer out = CharBuffer.wrap(cbuf, off, len);
      while (out.position() == off) {
        if (!bytes.hasRemaining() && eof) {
          CoderResult r = decoder.flush(out);
          if (r.isError()) throw bad(bytesBefore + bytes.position(), cbuf, off, out.position());
          return out.position() == off ? -1 : count(cbuf, off, out.position());
        }
        if (!eof && bytes.remaining() < 4) fill();
        CoderResult r = decoder.decode(bytes, out, eof);
        if (r.isError()) throw bad(bytesBefore + bytes.position(), cbuf, off, out.position());
        if (first && out.position() > off) {
          first = false;
          if (cbuf[off] == '\uFEFF') { // BOM: not part of the text
            System.arraycopy(cbuf, off + 1, cbuf, off, out.position() - off - 1);
            out.position(out.position() - 1);
          }
        }
      }
      return count(cbuf, off, out.position());
    }

    private int count(char[] cbuf, int off, int end) {
      for (int i = off; i < end; i++) if (cbuf[i] == '\n') line++;
      return end - off;
    }

    private void fill() throws IOException {
      bytesBefore += bytes.position();
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) eof = true;
      else bytes.position(bytes.position() + n);
      bytes.flip();
    }

    private BadAnnotationException bad(long offset, char[] cbuf, int off, int end) {
      long at = line;
      for (int i = off; i < end; i++) if (cbuf[i] == '\n') at++;
      int b =
          offset < bytesBefore + bytes.limit()
              ? bytes.get((int) (offset - bytesBefore)) & 0xff
              : -1;
      return new BadAnnotationException(
          file,
          at,
          -1,
          "encoding",
          "not UTF-8 text (a binary file, or another encoding): "
              + (b < 0 ? "truncated character" : String.format("byte 0x%02x", b))
              + " at byte offset "
              + offset);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
