package io.keyframe.metrics.tracking;

import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.clear.Convention;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.identity.IdentityCounts;
import java.io.Serializable;

/**
 * The summable counts of every tracking metric family for one sequence, or several combined:
 * CLEAR-MOT, identity and HOTA. Combining videos or classes adds counts ({@link #plus}), as
 * TrackEval's {@code combine_sequences} does; every ratio is then read off the sum by a {@link
 * TrackingMetric}. Serializable, so Spark executors can ship them to the driver.
 *
 * @param clear CLEAR-MOT counts; their {@link ClearCounts#convention()} is the counts' convention
 * @param identity identity counts
 * @param hota HOTA sums
 */
public record TrackingCounts(ClearCounts clear, IdentityCounts identity, HotaCounts hota)
    implements Serializable {
  public TrackingCounts {
    if (clear == null || identity == null || hota == null)
      throw new IllegalArgumentException("tracking counts need all three families");
  }

  /** Nothing evaluated yet, under a convention. */
  public static TrackingCounts zero(Convention convention) {
    return new TrackingCounts(ClearCounts.zero(convention), IdentityCounts.ZERO, HotaCounts.zero());
  }

  /** Whose rules produced the counts. */
  public Convention convention() {
    return clear.convention();
  }

  /** Counts of two disjoint sequences (or classes) together; conventions are never mixed. */
  public TrackingCounts plus(TrackingCounts o) {
    return new TrackingCounts(clear.plus(o.clear), identity.plus(o.identity), hota.plus(o.hota));
  }

  // The family records are not Serializable (they are plain values of the metrics API); ship their
  // components.
  private Object writeReplace() {
    return new Wire(this);
  }

  private record Wire(
      String convention, long[] clearLongs, double motpSum, long[] identity, double[][] hota)
      implements Serializable {
    Wire(TrackingCounts c) {
      this(
          c.clear.convention().name(),
          new long[] {
            c.clear.frames(),
            c.clear.objects(),
            c.clear.predictions(),
            c.clear.matches(),
            c.clear.switches(),
            c.clear.falsePositives(),
            c.clear.misses(),
            c.clear.fragmentations(),
            c.clear.mostlyTracked(),
            c.clear.partiallyTracked(),
            c.clear.mostlyLost(),
            c.clear.uniqueObjects(),
            c.clear.transfers(),
            c.clear.ascends(),
            c.clear.migrates()
          },
          c.clear.motpSum(),
          new long[] {c.identity.idtp(), c.identity.idfp(), c.identity.idfn()},
          c.hota.sums());
    }

    private Object readResolve() {
      long[] l = clearLongs;
      ClearCounts clear =
          new ClearCounts(
              Convention.valueOf(convention),
              l[0],
              l[1],
              l[2],
              l[3],
              l[4],
              l[5],
              l[6],
              l[7],
              l[8],
              l[9],
              l[10],
              l[11],
              l[12],
              l[13],
              l[14],
              motpSum);
      return new TrackingCounts(
          clear,
          new IdentityCounts(identity[0], identity[1], identity[2]),
          HotaCounts.ofSums(hota));
    }
  }
}
