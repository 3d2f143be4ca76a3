package io.keyframe.metrics.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.metrics.iou.BoxIou;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SequenceFrameTest {
  private final Random rnd = new Random(20261202);

  @Test
  void denseMatrixKeepsOnlyItsNonZeroEntriesAndGivesThemBack() {
    double[] dense = {0, 0.25, 0, 0.5, 0, 0};
    SequenceFrame f = SequenceFrame.ofDense(3, new int[] {0, 1}, new int[] {0, 1, 2}, dense);

    assertThat(f.nonZero()).containsExactly(1, 3);
    assertThat(f.values()).containsExactly(0.25, 0.5);
    assertThat(f.similarity()).containsExactly(dense);
    assertThat(f.similarity(0, 1)).isEqualTo(0.25);
    assertThat(f.similarity(1, 0)).isEqualTo(0.5);
    assertThat(f.similarity(1, 2)).isZero();
  }

  @Test
  void aReusedBufferIsOverwrittenWithTheFramesMatrix() {
    SequenceFrame f =
        new SequenceFrame(0, new int[] {0}, new int[] {0, 1}, new int[] {1}, new double[] {0.75});
    double[] buffer = {9, 9, 9, 9};

    assertThat(f.similarity(buffer)).isSameAs(buffer).startsWith(0.0, 0.75);
    assertThat(f.similarity(new double[1])).containsExactly(0.0, 0.75);
  }

  @Test
  void unorderedOrZeroEntriesAreRefused() {
    int[] two = {0, 1};
    assertThatThrownBy(() -> new SequenceFrame(0, two, two, new int[] {2, 1}, new double[] {1, 1}))
        .hasMessageContaining("unordered");
    assertThatThrownBy(() -> new SequenceFrame(0, two, two, new int[] {4}, new double[] {1}))
        .hasMessageContaining("bad");
    assertThatThrownBy(() -> new SequenceFrame(0, two, two, new int[] {1}, new double[] {0}))
        .hasMessageContaining("is 0.0");
    assertThatThrownBy(() -> SequenceFrame.ofDense(0, two, two, new double[] {0, Double.NaN, 0, 0}))
        .hasMessageContaining("NaN");
  }

  @RepeatedTest(40)
  void sparseBoxIousArePairwiseIousBitForBitWithEveryOverlapInColumnOrder() {
    int ng = 1 + rnd.nextInt(80), np = 1 + rnd.nextInt(120);
    double[] gt = boxes(ng), pred = boxes(np);
    double[] expected = new double[ng * np];
    for (int i = 0; i < ng; i++)
      for (int j = 0; j < np; j++)
        expected[i * np + j] =
            BoxIou.of(
                gt[4 * i],
                gt[4 * i + 1],
                gt[4 * i + 2],
                gt[4 * i + 3],
                pred[4 * j],
                pred[4 * j + 1],
                pred[4 * j + 2],
                pred[4 * j + 3]);
    int[] index = new int[ng * np];
    double[] value = new double[ng * np];
    int n = BoxIou.nonZero(gt, ng, pred, np, index, value);

    SequenceFrame want = SequenceFrame.ofDense(0, new int[ng], new int[np], expected);
    assertThat(java.util.Arrays.copyOf(index, n)).containsExactly(want.nonZero());
    assertThat(java.util.Arrays.copyOf(value, n)).containsExactly(want.values());
    double[] dense = new double[ng * np];
    BoxIou.matrix(gt, ng, pred, np, dense);
    assertThat(dense).containsExactly(expected);
  }

  /**
   * Corner arrays of boxes in a 400 x 100 field, a few empty, a few NaN, one in a hundred with a
   * huge coordinate.
   */
  private double[] boxes(int n) {
    double[] c = new double[4 * n];
    for (int k = 0; k < n; k++) {
      double x = rnd.nextDouble() * 400, y = rnd.nextDouble() * 100;
      int kind = rnd.nextInt(100);
      c[4 * k] = kind == 0 ? -1e13 : x;
      c[4 * k + 1] = kind == 1 ? Double.NaN : y;
      c[4 * k + 2] = x + (kind < 10 ? 0 : rnd.nextDouble() * (kind < 20 ? 120 : 40));
      c[4 * k + 3] = y + rnd.nextDouble() * 30;
    }
    return c;
  }
}
