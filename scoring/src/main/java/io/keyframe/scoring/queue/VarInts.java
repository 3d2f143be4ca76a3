package io.keyframe.scoring.queue;

import java.io.ByteArrayOutputStream;
import java.io.InvalidObjectException;

/**
 * Integers as zigzag varints: a value near zero takes one byte instead of four. {@link VideoScores}
 * ships sorted track IDs as differences from the previous one, which are small.
 */
final class VarInts {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  void write(long v) {
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      out.write((int) ((z & 0x7F) | 0x80));
      z >>>= 7;
    }
    out.write((int) z);
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  /** Reads back what {@link #write} wrote. */
  static final class Reader {
    private final byte[] bytes;
    private int pos;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean hasNext() {
      return pos < bytes.length;
    }

    long next() throws InvalidObjectException {
      long z = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= bytes.length) throw new InvalidObjectException("truncated varint");
        byte b = bytes[pos++];
        z |= (long) (b & 0x7F) << shift;
        if (b >= 0) return (z >>> 1) ^ -(z & 1);
      }
      throw new InvalidObjectException("varint longer than 64 bits");
    }
  }
}
