package io.keyframe.metrics.tracking;

import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.clear.Convention;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.identity.IdentityCounts;
import java.io.Serializable;

/**
 * The summed counts of one named scope (a video, a class of a video, or a combination); ratios are
 * read off the counts ({@link TrackingMetric}), so combining is addition.
 *
 * @param name scope name: video id, {@code video/class}, or {@code OVERALL}
 * @param counts CLEAR-MOT, identity and HOTA counts under one convention
 */
public record ScopeCounts(String name, TrackingCounts counts) implements Serializable {
  public ScopeCounts {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("result needs a name");
    if (counts == null) throw new IllegalArgumentException("result '" + name + "' has no counts");
  }

  public ScopeCounts(String name, ClearCounts clear, IdentityCounts identity, HotaCounts hota) {
    this(name, new TrackingCounts(clear, identity, hota));
  }

  /** Nothing evaluated (py-motmetrics convention), ready to be summed into. */
  public static ScopeCounts empty(String name) {
    return new ScopeCounts(name, TrackingCounts.zero(Convention.PY_MOTMETRICS));
  }

  /** CLEAR-MOT counts. */
  public ClearCounts clear() {
    return counts.clear();
  }

  /** Identity counts. */
  public IdentityCounts identity() {
    return counts.identity();
  }

  /** HOTA sums. */
  public HotaCounts hota() {
    return counts.hota();
  }

  /** One metric of this scope; NaN = undefined. */
  public double value(TrackingMetric metric) {
    return metric.of(counts);
  }

  /** This and another disjoint scope combined, under a new name. */
  public ScopeCounts plus(ScopeCounts o, String newName) {
    return new ScopeCounts(newName, counts.plus(o.counts));
  }
}
