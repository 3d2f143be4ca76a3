package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoxTest {
  @ParameterizedTest
  @CsvSource({
    "NaN,0,1,1,x",
    "0,Infinity,1,1,y",
    "0,0,0,1,width",
    "0,0,-3,1,width",
    "0,0,1,0,height",
    "0,0,1,NaN,height"
  })
  void rejectsBoxesWithoutAFiniteArea(double x, double y, double w, double h, String field) {
    assertThatThrownBy(() -> new Box(x, y, w, h))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field);
  }

  @ParameterizedTest
  @CsvSource({"-5,-5,10,20", "0.5,1.25,3.75,2"})
  void cornersRoundTrip(double x, double y, double w, double h) {
    Box b = new Box(x, y, w, h);
    assertThat(Box.fromCorners(b.x(), b.y(), b.x2(), b.y2())).isEqualTo(b);
    assertThat(b.area()).isEqualTo(w * h);
  }
}
