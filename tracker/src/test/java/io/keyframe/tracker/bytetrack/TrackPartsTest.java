package io.keyframe.tracker.bytetrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.Box;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.tracker.appearance.ColourHistogram;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TrackPartsTest {
  @Test
  void assignmentPicksTheMinimumTotalCost() {
    // Greedy would take (0,0)=1 then (1,1)=10 -> 11; optimum is (0,1)+(1,0) = 2 + 3 = 5.
    double[] cost = {1, 2, 3, 10};
    assertThat(GatedAssignment.solve(cost, 2, 2, 100)).containsExactly(1, 0);
  }

  @Test
  void assignmentLeavesPairsAtOrAboveTheLimitUnmatched() {
    double[] cost = {0.1, 0.9, 0.95, 0.2, Double.POSITIVE_INFINITY, 0.85};
    // 3 rows x 2 cols, limit 0.8: row 0 -> 0, row 1 -> 1, row 2 has nothing below the limit.
    assertThat(GatedAssignment.solve(cost, 3, 2, 0.8)).containsExactly(0, 1, -1);
    assertThat(GatedAssignment.solve(new double[0], 0, 3, 0.8)).isEmpty();
  }

  @Test
  void kalmanFilterLearnsAConstantVelocity() {
    KalmanBoxFilter k =
        new KalmanBoxFilter(new Box(0, 0, 50, 100), ByteTrackConfig.defaults().motion());
    for (int f = 1; f <= 40; f++) {
      k.predict(false);
      k.update(new Box(3.0 * f, -1.0 * f, 50, 100));
    }
    assertThat(k.velocityX()).isCloseTo(3.0, within(0.05));
    assertThat(k.velocityY()).isCloseTo(-1.0, within(0.05));
    k.predict(false);
    assertThat(k.box().x()).isCloseTo(123.0, within(0.5));
    assertThat(k.box().w()).isCloseTo(50.0, within(0.5));
  }

  @Test
  void fourByFourInverseTimesMatrixIsIdentity() {
    double[] a = {4, 1, 0, 0, 1, 3, 0.5, 0, 0, 0.5, 2, 0.1, 0, 0, 0.1, 1};
    double[] inv = KalmanBoxFilter.invert4(a);
    for (int i = 0; i < 4; i++)
      for (int j = 0; j < 4; j++) {
        double v = 0;
        for (int m = 0; m < 4; m++) v += a[i * 4 + m] * inv[m * 4 + j];
        assertThat(v).isCloseTo(i == j ? 1 : 0, within(1e-12));
      }
  }

  @Test
  void histogramDistanceIsZeroForSameColourAndOneForDisjointColours() {
    BufferedImage img = new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 50; y++)
      for (int x = 0; x < 100; x++) img.setRGB(x, y, (x < 50 ? Color.RED : Color.BLUE).getRGB());
    double[] red1 = ColourHistogram.of(img, new Box(0, 0, 20, 20));
    double[] red2 = ColourHistogram.of(img, new Box(20, 20, 25, 25));
    double[] blue = ColourHistogram.of(img, new Box(60, 10, 30, 30));
    assertThat(ColourHistogram.distance(red1, red2)).isCloseTo(0, within(1e-9));
    assertThat(ColourHistogram.distance(red1, blue)).isCloseTo(1, within(1e-9));
    assertThat(ColourHistogram.of(img, new Box(200, 200, 5, 5))).isNull();
  }

  @Test
  void iouMatchesHandArithmetic() {
    // Overlap 5x10 = 50; union 100 + 100 - 50 = 150.
    assertThat(BoxIou.of(new Box(0, 0, 10, 10), new Box(5, 0, 10, 10)))
        .isCloseTo(50.0 / 150, within(1e-12));
    assertThat(BoxIou.of(new Box(0, 0, 10, 10), new Box(20, 0, 10, 10))).isZero();
  }
}
