package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Polygon rasterisation against pycocotools' own C code (formats/polygon_masks.md says how the
 * table was made).
 */
class PolygonMaskTest {
  static Stream<Arguments> pycocotoolsCases() throws IOException {
    List<String> rows = Files.readAllLines(Path.of("src/test/resources/formats/polygon_masks.tsv"));
    return rows.stream()
        .skip(1)
        .map(
            r -> {
              String[] c = r.split("\t", -1);
              double[] xy =
                  Arrays.stream(c[2].split(" ")).mapToDouble(Double::parseDouble).toArray();
              double[] bbox =
                  Arrays.stream(c[5].split(" ")).mapToDouble(Double::parseDouble).toArray();
              return Arguments.of(
                  Integer.parseInt(c[0]),
                  Integer.parseInt(c[1]),
                  xy,
                  c[3],
                  Long.parseLong(c[4]),
                  bbox);
            });
  }

  @ParameterizedTest(name = "{0}x{1} polygon {index}")
  @MethodSource("pycocotoolsCases")
  void rasterisesExactlyAsPycocotoolsFrPoly(
      int h, int w, double[] xy, String rle, long area, double[] bbox) {
    Mask m = PolygonMask.of(new Polygon(xy), h, w);
    assertThat(m.toCompressedString()).isEqualTo(rle);
    assertThat(m.area()).isEqualTo(area);
    if (area > 0) assertThat(m.bbox()).contains(new Box(bbox[0], bbox[1], bbox[2], bbox[3]));
  }

  @Test
  void severalPolygonsOfOneAnnotationAreMergedAsTheirUnion() {
    Polygon left = new Polygon(new double[] {0, 0, 2, 0, 2, 4, 0, 4});
    Polygon right = new Polygon(new double[] {1, 0, 4, 0, 4, 4, 1, 4});
    Mask union = PolygonMask.of(List.of(left, right), 4, 5);
    // Each rectangle covers pixel columns [x0, x1) of all 4 rows: columns 0..3 together, 16 pixels.
    assertThat(union.area()).isEqualTo(16);
    assertThat(union.bbox()).contains(new Box(0, 0, 4, 4));
  }

  @Test
  void shoelaceAreaOfAUnitSquareAndATriangle() {
    assertThat(new Polygon(new double[] {0, 0, 1, 0, 1, 2, 0, 2}).area()).isEqualTo(2.0);
    assertThat(new Polygon(new double[] {1, 2, 3, 4, 6, 5}).area())
        .isEqualTo(Math.abs(1 * 4 - 3 * 2 + 3 * 5 - 6 * 4 + 6 * 2 - 1 * 5) / 2.0);
  }
}
