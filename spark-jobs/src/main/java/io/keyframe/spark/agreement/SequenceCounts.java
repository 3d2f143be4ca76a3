package io.keyframe.spark.agreement;

import io.keyframe.metrics.clear.ClearCounts;
import io.keyframe.metrics.clear.Convention;
import io.keyframe.metrics.hota.HotaCounts;
import io.keyframe.metrics.identity.IdentityCounts;
import java.io.Serializable;

/**
 * The summable counts of one tracking sequence (one video, one prediction source, one class) as they
 * travel from an executor to the driver: CLEAR-MOT, identity and HOTA counts. Combining videos or
 * classes adds counts ({@link #plus}), exactly as TrackEval's {@code combine_sequences} does; ratios
 * are derived afterwards by the metrics records themselves.
 */
public record SequenceCounts(ClearCounts clear, IdentityCounts identity, HotaCounts hota) implements Serializable {
  /** Nothing evaluated yet (TrackEval conventions). */
  public static SequenceCounts zero() {
    return new SequenceCounts(ClearCounts.zero(Convention.TRACKEVAL), IdentityCounts.ZERO, HotaCounts.zero());
  }

  public SequenceCounts plus(SequenceCounts o) {
    return new SequenceCounts(clear.plus(o.clear), identity.plus(o.identity), hota.plus(o.hota));
  }

  // The metrics records are not Serializable; ship them as their components.
  private Object writeReplace() {
    return new Wire(this);
  }

  private record Wire(
      long[] clearLongs, double motpSum, long[] identity, double[][] hota) implements Serializable {
    Wire(SequenceCounts c) {
      this(
          new long[] {
            c.clear.frames(), c.clear.objects(), c.clear.predictions(), c.clear.matches(), c.clear.switches(),
            c.clear.falsePositives(), c.clear.misses(), c.clear.fragmentations(), c.clear.mostlyTracked(),
            c.clear.partiallyTracked(), c.clear.mostlyLost(), c.clear.uniqueObjects(), c.clear.transfers(),
            c.clear.ascends(), c.clear.migrates()
          },
          c.clear.motpSum(),
          new long[] {c.identity.idtp(), c.identity.idfp(), c.identity.idfn()},
          new double[][] {
            c.hota.tp(), c.hota.fn(), c.hota.fp(), c.hota.assASum(), c.hota.assReSum(), c.hota.assPrSum(), c.hota.locASum()
          });
    }

    private Object readResolve() {
      long[] l = clearLongs;
      ClearCounts clear =
          new ClearCounts(
              Convention.TRACKEVAL, l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7], l[8], l[9], l[10], l[11], l[12],
              l[13], l[14], motpSum);
      double[][] h = hota;
      return new SequenceCounts(
          clear,
          new IdentityCounts(identity[0], identity[1], identity[2]),
          new HotaCounts(h[0], h[1], h[2], h[3], h[4], h[5], h[6]));
    }
  }
}
