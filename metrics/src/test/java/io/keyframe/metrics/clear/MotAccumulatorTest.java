package io.keyframe.metrics.clear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.metrics.identity.IdentityCounts;
import org.junit.jupiter.api.Test;

/** py-motmetrics' hand-built accumulator cases, as listed in ../shared/refdata/README.md. */
class MotAccumulatorTest {
  private static final double NaN = Double.NaN;

  @Test
  void eventsFollowPyMotmetricsRules() {
    MotAccumulator acc = new MotAccumulator();
    acc.update(0, new int[] {}, new int[] {1, 2}, new double[] {});
    acc.update(1, new int[] {1, 2}, new int[] {}, new double[] {});
    acc.update(2, new int[] {1, 2}, new int[] {1, 2}, new double[] {1, 0.5, 0.3, 1});
    acc.update(3, new int[] {1, 2}, new int[] {1, 2}, new double[] {0.2, NaN, NaN, 0.1});
    acc.update(4, new int[] {1, 2}, new int[] {1, 2}, new double[] {5, 1, 1, 5});
    acc.update(5, new int[] {}, new int[] {}, new double[] {});
    ClearCounts c = acc.clear();
    assertThat(c.matches()).isEqualTo(4);
    assertThat(c.falsePositives()).isEqualTo(2);
    assertThat(c.misses()).isEqualTo(2);
    assertThat(c.switches()).isEqualTo(2);
    assertThat(c.objects()).isEqualTo(8);
    assertThat(c.frames()).isEqualTo(6);
    assertThat(c.mota()).isCloseTo(0.25, within(1e-12));
    assertThat(c.motp()).isCloseTo(11.1 / 6, within(1e-12));
  }

  @Test
  void motaIsPooledNotAveragedPerFrame() {
    // Fig. 3 of Bernardin & Stiefelhagen 2008.
    MotAccumulator acc = new MotAccumulator();
    for (int f = 0; f < 4; f++)
      acc.update(f, new int[] {1, 2, 3, 4}, new int[] {}, new double[] {});
    for (int f = 4; f < 8; f++) acc.update(f, new int[] {4}, new int[] {4}, new double[] {0});
    assertThat(acc.clear().mota()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void emptyGroundTruthGivesOnlyFalsePositives() {
    MotAccumulator acc = new MotAccumulator();
    for (int f = 0; f < 4; f++)
      acc.update(f, new int[] {}, new int[] {1, 2, 3, 4}, new double[] {});
    ClearCounts c = acc.clear();
    IdentityCounts id = acc.identity();
    assertThat(c.falsePositives()).isEqualTo(16);
    assertThat(id.idfp()).isEqualTo(16);
    assertThat(c.mota()).isNaN();
    assertThat(c.motp()).isNaN();
  }

  @Test
  void emptyPredictionsGiveOnlyMisses() {
    MotAccumulator acc = new MotAccumulator();
    for (int f = 0; f < 4; f++)
      acc.update(f, new int[] {1, 2, 3, 4}, new int[] {}, new double[] {});
    ClearCounts c = acc.clear();
    assertThat(c.misses()).isEqualTo(16);
    assertThat(acc.identity().idfn()).isEqualTo(16);
    assertThat(c.motp()).isNaN();
  }

  @Test
  void noEventsLeaveMotaAndMotpUndefined() {
    ClearCounts c = new MotAccumulator().clear();
    assertThat(c.mota()).isNaN();
    assertThat(c.motp()).isNaN();
  }
}
