package io.keyframe.dataset;

import java.util.Arrays;

/**
 * A primitive array that cannot change and compares by value, for records to hold instead of a bare
 * array: the record then needs neither defensive copies in its accessors nor its own equals,
 * hashCode and toString. Hot loops read it per element with {@code get(i)} or take one copy out
 * with {@code toArray()}; the values are copied once on the way in and never handed out.
 */
public sealed interface FrozenArray permits FrozenArray.OfInt, FrozenArray.OfDouble {
  /** Number of values. */
  int length();

  /** {@code int} values. */
  final class OfInt implements FrozenArray {
    private final int[] values;

    public OfInt(int... values) {
      this.values = values.clone();
    }

    public int get(int i) {
      return values[i];
    }

    @Override
    public int length() {
      return values.length;
    }

    /** The values; a copy. */
    public int[] toArray() {
      return values.clone();
    }

    /** Sum of the values. */
    public long sum() {
      long s = 0;
      for (int v : values) s += v;
      return s;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OfInt a && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return Arrays.toString(values);
    }
  }

  /** {@code double} values, compared as {@link Arrays#equals(double[], double[])} does. */
  final class OfDouble implements FrozenArray {
    private final double[] values;

    public OfDouble(double... values) {
      this.values = values.clone();
    }

    public double get(int i) {
      return values[i];
    }

    @Override
    public int length() {
      return values.length;
    }

    /** The values; a copy. */
    public double[] toArray() {
      return values.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OfDouble a && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return Arrays.toString(values);
    }
  }
}
