package io.keyframe.dataset.deid;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a de-identification did, as counts only (never values or tags' contents), for the audit log
 * and the CLI summary.
 *
 * @param actions count of attributes per applied action: removed, emptied, dummy, uid, shifted,
 *     kept, pseudonym, private-removed, private-kept
 */
public record DeidReport(Map<String, Integer> actions) {
  public DeidReport {
    actions = Collections.unmodifiableMap(new TreeMap<>(actions));
  }

  public int count(String action) {
    return actions.getOrDefault(action, 0);
  }

  /** The sum of two reports (a batch). */
  public DeidReport plus(DeidReport other) {
    TreeMap<String, Integer> m = new TreeMap<>(actions);
    other.actions.forEach((k, v) -> m.merge(k, v, Integer::sum));
    return new DeidReport(m);
  }

  public static DeidReport empty() {
    return new DeidReport(Map.of());
  }
}
