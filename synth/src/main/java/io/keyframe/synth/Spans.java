package io.keyframe.synth;

import java.util.Arrays;

/**
 * Sorted, disjoint half-open row intervals of one pixel column, in primitive arrays because the
 * generator evaluates millions of columns. Mutable scratch space: not shared between threads.
 */
final class Spans {
  private int[] lo = new int[8];
  private int[] hi = new int[8];
  private int n;

  /** Two ints of scratch for callers filling this column. */
  final int[] scratch = new int[2];

  void clear() {
    n = 0;
  }

  int size() {
    return n;
  }

  int lo(int i) {
    return lo[i];
  }

  int hi(int i) {
    return hi[i];
  }

  long length() {
    long s = 0;
    for (int i = 0; i < n; i++) s += hi[i] - lo[i];
    return s;
  }

  /** Adds {@code [a, b)}, merging with overlapping or touching intervals. */
  void add(int a, int b) {
    if (b <= a) return;
    if (n == 0 || a > hi[n - 1]) { // the common case: parts arrive top to bottom
      ensure(n + 1);
      lo[n] = a;
      hi[n++] = b;
      return;
    }
    int i = 0;
    while (i < n && hi[i] < a) i++;
    int j = i;
    while (j < n && lo[j] <= b) {
      a = Math.min(a, lo[j]);
      b = Math.max(b, hi[j]);
      j++;
    }
    int removed = j - i;
    if (removed == 0) {
      ensure(n + 1);
      System.arraycopy(lo, i, lo, i + 1, n - i);
      System.arraycopy(hi, i, hi, i + 1, n - i);
      n++;
    } else if (removed > 1) {
      System.arraycopy(lo, j, lo, i + 1, n - j);
      System.arraycopy(hi, j, hi, i + 1, n - j);
      n -= removed - 1;
    }
    lo[i] = a;
    hi[i] = b;
  }

  /** Removes every interval of {@code other}; returns how many rows were removed. */
  long subtract(Spans other) {
    long removed = 0;
    for (int k = 0; k < other.n; k++) removed += subtract(other.lo[k], other.hi[k]);
    return removed;
  }

  /** Removes {@code [a, b)}; returns how many rows were removed. */
  long subtract(int a, int b) {
    if (b <= a) return 0;
    long removed = 0;
    int i = 0;
    while (i < n) {
      if (hi[i] <= a || lo[i] >= b) {
        i++;
        continue;
      }
      removed += Math.min(hi[i], b) - Math.max(lo[i], a);
      boolean keepLeft = lo[i] < a, keepRight = hi[i] > b;
      if (keepLeft && keepRight) {
        ensure(n + 1);
        System.arraycopy(lo, i + 1, lo, i + 2, n - i - 1);
        System.arraycopy(hi, i + 1, hi, i + 2, n - i - 1);
        n++;
        lo[i + 1] = b;
        hi[i + 1] = hi[i];
        hi[i] = a;
        return removed;
      } else if (keepLeft) {
        hi[i] = a;
        i++;
      } else if (keepRight) {
        lo[i] = b;
        i++;
      } else {
        System.arraycopy(lo, i + 1, lo, i, n - i - 1);
        System.arraycopy(hi, i + 1, hi, i, n - i - 1);
        n--;
      }
    }
    return removed;
  }

  void copyFrom(Spans other) {
    ensure(other.n);
    System.arraycopy(other.lo, 0, lo, 0, other.n);
    System.arraycopy(other.hi, 0, hi, 0, other.n);
    n = other.n;
  }

  private void ensure(int cap) {
    if (cap > lo.length) {
      lo = Arrays.copyOf(lo, Math.max(cap, lo.length * 2));
      hi = Arrays.copyOf(hi, Math.max(cap, lo.length));
    }
  }
}
