package io.keyframe.dataset.mot;

import java.nio.charset.StandardCharsets;

/**
 * One line of a MOTChallenge text file as byte ranges of its comma-separated fields, so that a
 * reader parses numbers straight from the bytes instead of splitting into a String per field (the
 * reader's hot loop: a 1,800-frame x 100-object pair is 360,000 lines). Every answer equals what
 * the String route gives ({@code line.split(",", -1)}, {@code field.trim()}, {@link
 * Double#parseDouble}, {@link Integer#parseInt}): splitting UTF-8 at the comma byte and trimming
 * bytes {@code <= 0x20} is splitting and trimming the decoded text (multi-byte characters hold no
 * byte below 0x80); numbers the fast paths do not take (exponents, hex, suffixes, long mantissas,
 * non-ASCII digits) go to the JDK's parsers on the field's text.
 *
 * <p>Reused line after line; not thread-safe.
 */
final class MotLine {
  /** Exact powers of ten as doubles: 10^22 is the largest a double holds exactly. */
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int k = 0; k < POW10.length; k++, p *= 10) POW10[k] = p;
  }

  private byte[] buf = new byte[0];
  private int from, to;
  private boolean ascii;
  private long number;
  private int[] start = new int[16], end = new int[16];
  // Per column, from cut(): the value of a plain decimal field, or NaN when the field is left to
  // the text route; integral: the field is [+-]digits within int range (its value is also
  // Integer.parseInt's answer).
  private double[] value = new double[16];
  private boolean[] integral = new boolean[16];
  private int columns;

  /**
   * Points at {@code buf[from, to)}, line {@code number} of the file; {@code ascii} says every byte
   * is below 0x80. Every field goes the text route (trim, then parse).
   */
  void set(byte[] buf, int from, int to, boolean ascii, long number) {
    this.buf = buf;
    this.from = from;
    this.to = to;
    this.ascii = ascii;
    this.number = number;
    int n = 0, s = from;
    for (int i = from; i < to; i++) {
      if (buf[i] != ',') continue;
      add(n++, s, i, Double.NaN, false);
      s = i + 1;
    }
    add(n++, s, to, Double.NaN, false);
    columns = n;
  }

  /**
   * Points at the line that starts at {@code buf[pos]}, line {@code number} of a file, and returns
   * where the next line starts: the line ends before {@code \n}, {@code \r}, {@code \r\n} or at
   * {@code limit}, as {@link java.io.BufferedReader#readLine()} ends it. The same pass that cuts
   * the fields parses those that are plain decimals ({@code [+-]digits[.digits]}, no spaces) with
   * Clinger's fast path ({@link #fastReal}'s rules); any other field is left to the text route. One
   * pass over the bytes instead of three (line end, commas, digits).
   */
  int cut(byte[] buf, int pos, int limit, long number) {
    this.buf = buf;
    this.from = pos;
    this.ascii = true;
    this.number = number;
    int n = 0, i = pos;
    while (true) {
      int s = i;
      int c = i < limit ? buf[i] : '\n';
      boolean negative = c == '-';
      if (negative || c == '+') c = ++i < limit ? buf[i] : '\n';
      // One test per digit: leading zeros count as digits here, so a field of more than 18
      // digits (whose m might overflow) is left to the text route, which skips them exactly.
      long m = 0;
      int digits = 0, dot = -1;
      while (true) {
        int d = c - '0';
        if ((d | (9 - d)) >= 0) {
          m = 10 * m + d;
          digits++;
        } else if (c == '.' && dot < 0) dot = i;
        else break;
        c = ++i < limit ? buf[i] : '\n';
      }
      int fraction = dot < 0 ? -1 : i - dot - 1; // fraction digits; -1: no dot
      double v = Double.NaN;
      boolean whole = false;
      if (c != ',' && c != '\n' && c != '\r') {
        // not a plain decimal: find the field's end, leave it to the text route; a byte from
        // 0x80 up can only be here (a plain decimal is ASCII)
        int seen = c;
        do seen |= c = ++i < limit ? buf[i] : '\n';
        while (c != ',' && c != '\n' && c != '\r');
        if (seen < 0) ascii = false;
      } else if (digits > 0 && digits <= 18 && fraction < POW10.length && m <= (1L << 53)) {
        v = fraction <= 0 ? (double) m : m / POW10[fraction];
        if (negative) v = -v;
        whole = dot < 0 && m <= (negative ? 1L << 31 : Integer.MAX_VALUE);
      }
      if (n == start.length) grow();
      start[n] = s;
      end[n] = i;
      value[n] = v;
      integral[n++] = whole;
      if (c != ',') break;
      i++;
    }
    columns = n;
    to = i;
    if (i < limit) i += buf[i] == '\r' && i + 1 < limit && buf[i + 1] == '\n' ? 2 : 1;
    return i;
  }

  private void add(int k, int s, int e, double v, boolean whole) {
    if (k == start.length) grow();
    start[k] = s;
    end[k] = e;
    value[k] = v;
    integral[k] = whole;
  }

  private void grow() {
    int k = start.length;
    start = java.util.Arrays.copyOf(start, 2 * k);
    end = java.util.Arrays.copyOf(end, 2 * k);
    value = java.util.Arrays.copyOf(value, 2 * k);
    integral = java.util.Arrays.copyOf(integral, 2 * k);
  }

  /**
   * Every byte of the line is below 0x80 ({@link #cut} finds out while cutting; {@link #set} is
   * told).
   */
  boolean isAscii() {
    return ascii;
  }

  /** The 1-based line number. */
  long number() {
    return number;
  }

  /** Comma-separated columns: {@code split(",", -1).length}. */
  int columns() {
    return columns;
  }

  /** {@link String#isBlank()} of the line. */
  boolean isBlank() {
    if (!ascii) return new String(buf, from, to - from, StandardCharsets.UTF_8).isBlank();
    for (int i = from; i < to; i++) {
      byte b = buf[i];
      // Character.isWhitespace below 0x80: \t \n VT \f \r, the four separators 0x1C-0x1F, space.
      if (!(b == ' ' || (b >= 9 && b <= 13) || (b >= 0x1c && b <= 0x1f))) return false;
    }
    return true;
  }

  /**
   * The value {@link #cut} parsed: {@code real(col)} for a plain decimal field, NaN for a field it
   * left to the text route. A caller's check-free fast path: NaN means "ask {@link #real}".
   */
  double plain(int col) {
    return value[col];
  }

  /**
   * True when {@link #cut} found an int ({@code [+-]digits}): {@code integer(col)} is {@code (int)
   * plain(col)}.
   */
  boolean plainInteger(int col) {
    return integral[col];
  }

  /** The column's text, trimmed as {@link String#trim()} does. */
  String text(int col) {
    int s = trimmedStart(col), e = trimmedEnd(col, s);
    return new String(buf, s, e - s, StandardCharsets.UTF_8);
  }

  /**
   * {@code Double.parseDouble(text(col))}.
   *
   * @throws NumberFormatException as {@link Double#parseDouble} does
   */
  double real(int col) {
    double v = value[col];
    return v == v ? v : parseReal(col);
  }

  private double parseReal(int col) {
    int s = trimmedStart(col), e = trimmedEnd(col, s);
    double d = fastReal(buf, s, e);
    return d == d ? d : Double.parseDouble(new String(buf, s, e - s, StandardCharsets.UTF_8));
  }

  /**
   * {@code Integer.parseInt(text(col))}.
   *
   * @throws NumberFormatException as {@link Integer#parseInt(String)} does
   */
  int integer(int col) {
    return integral[col] ? (int) value[col] : parseInteger(col);
  }

  private int parseInteger(int col) {
    int s = trimmedStart(col), e = trimmedEnd(col, s);
    int i = s;
    boolean negative = false;
    if (i < e && (buf[i] == '-' || buf[i] == '+')) negative = buf[i++] == '-';
    // Up to 9 digits cannot overflow an int; longer ones, and anything else, go to the JDK.
    if (i < e && e - i <= 9) {
      int v = 0;
      for (; i < e; i++) {
        int d = buf[i] - '0';
        if (d < 0 || d > 9) break;
        v = 10 * v + d;
      }
      if (i == e) return negative ? -v : v;
    }
    return Integer.parseInt(new String(buf, s, e - s, StandardCharsets.UTF_8));
  }

  private int trimmedStart(int col) {
    int s = start[col], e = end[col];
    while (s < e && (buf[s] & 0xff) <= ' ') s++;
    return s;
  }

  private int trimmedEnd(int col, int s) {
    int e = end[col];
    while (e > s && (buf[e - 1] & 0xff) <= ' ') e--;
    return e;
  }

  /**
   * A plain decimal ({@code [+-]digits[.digits]}, no exponent) whose digits fit an exactly
   * representable mantissa ({@code <= 2^53}) with at most 22 fraction digits: then {@code m / 10^k}
   * is one correctly rounded division of two exact doubles, the value {@link Double#parseDouble}
   * returns (Clinger's fast path). NaN for anything else.
   */
  private static double fastReal(byte[] b, int s, int e) {
    int i = s;
    boolean negative = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) negative = b[i++] == '-';
    long m = 0;
    int significant = 0, fraction = 0;
    boolean dot = false, digit = false;
    for (; i < e; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        digit = true;
        if (dot) fraction++;
        if (m == 0 && c == '0') continue;
        if (++significant > 18) return Double.NaN;
        m = 10 * m + (c - '0');
      } else if (c == '.' && !dot) {
        dot = true;
      } else return Double.NaN;
    }
    if (!digit || fraction >= POW10.length || m > (1L << 53)) return Double.NaN;
    double v = fraction == 0 ? (double) m : m / POW10[fraction];
    return negative ? -v : v;
  }
}
