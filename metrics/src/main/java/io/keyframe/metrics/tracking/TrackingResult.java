package io.keyframe.metrics.tracking;

import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.clear.Convention;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.identity.IdentityCounts;

/**
 * The summed counts of every tracking metric family for one scope (a video, a class of a video,
 * or a combination); ratios are read off the counts, so combining is addition.
 *
 * @param name scope name: video id, {@code video/class}, or {@code OVERALL}
 * @param clear CLEAR-MOT counts (py-motmetrics conventions)
 * @param identity identity counts
 * @param hota HOTA sums
 */
public record TrackingResult(String name, ClearCounts clear, IdentityCounts identity, HotaCounts hota) {
  public TrackingResult {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("result needs a name");
  }

  /** Nothing evaluated, ready to be summed into. */
  public static TrackingResult empty(String name) {
    return new TrackingResult(name, ClearCounts.zero(Convention.PY_MOTMETRICS), IdentityCounts.ZERO, HotaCounts.zero());
  }

  /** This and another disjoint scope combined, under a new name. */
  public TrackingResult plus(TrackingResult o, String newName) {
    return new TrackingResult(newName, clear.plus(o.clear), identity.plus(o.identity), hota.plus(o.hota));
  }
}
