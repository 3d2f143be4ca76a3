package io.keyframe.report.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Views, pages and PNGs built once per data snapshot and query. Bounded: when full it is emptied
 * (views are cheap to rebuild; a full reset keeps memory bounded without bookkeeping).
 */
final class ViewCache {
  /** Most entries held before the cache is emptied. */
  static final int CAPACITY = 2000;

  private final Map<CacheKey<?>, Object> entries = new ConcurrentHashMap<>();

  /** The value under {@code key}, built (and kept) on a miss. */
  <T> T get(CacheKey<T> key, Supplier<T> build) {
    @SuppressWarnings("unchecked") // only this method stores, always a T under a CacheKey<T>
    T hit = (T) entries.get(key);
    if (hit != null) {
      return hit;
    }
    T value = build.get();
    if (entries.size() >= CAPACITY) {
      entries.clear();
    }
    entries.put(key, value);
    return value;
  }

  /** Forgets everything (after a reload). */
  void clear() {
    entries.clear();
  }
}
