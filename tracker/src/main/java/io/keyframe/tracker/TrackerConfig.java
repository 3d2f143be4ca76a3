package io.keyframe.tracker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A tracker's settings as a record (nested records for groups of settings). {@link #fields} reads
 * every component reflectively, so a setting added to the record reaches the run's provenance
 * without anyone remembering to list it.
 */
public interface TrackerConfig {
  /**
   * Every setting by component name in snake case, nested records as nested maps, keys sorted: the
   * form written to provenance (equal settings give equal JSON bytes).
   */
  default SortedMap<String, Object> fields() {
    if (!(this instanceof Record r))
      throw new IllegalStateException(getClass().getName() + " is not a record");
    return fieldsOf(r);
  }

  private static SortedMap<String, Object> fieldsOf(Record r) {
    SortedMap<String, Object> out = new TreeMap<>();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(r);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read setting " + c.getName(), e);
      }
      if (v instanceof Record nested) v = fieldsOf(nested);
      else if (!(v instanceof Number || v instanceof Boolean || v instanceof String))
        throw new IllegalStateException(
            "setting " + c.getName() + " is not a number, boolean, string or record: " + v);
      out.put(snakeCase(c.getName()), v);
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /** {@code maxLostFrames} -> {@code max_lost_frames}: the project's JSON key style. */
  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
