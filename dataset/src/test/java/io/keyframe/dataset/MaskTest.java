package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MaskTest {
  // 3 rows x 2 columns, column-major: column 0 = (0,1,1), column 1 = (1,0,0).
  private static final boolean[] PIXELS = {false, true, true, true, false, false};

  @Test
  void encodesColumnMajorRunsStartingWithBackground() {
    Mask m = Mask.fromColumnMajor(3, 2, PIXELS);
    assertThat(m.counts()).containsExactly(1, 3, 2);
    assertThat(m.area()).isEqualTo(3);
    assertThat(m.toColumnMajor()).containsExactly(PIXELS);
  }

  @Test
  void bboxSpansColumnsTheForegroundCrosses() {
    // Foreground runs over the column break, so the box is full height (pycocotools' rule).
    assertThat(Mask.fromColumnMajor(3, 2, PIXELS).bbox()).contains(new Box(0, 0, 2, 3));
    assertThat(Mask.empty(4, 4).bbox()).isEmpty();
  }

  @Test
  void rasterisesBoxesClippedToTheFrame() {
    Mask m = Mask.fromBox(10, 8, new Box(-2, 3, 5, 4));
    assertThat(m.area()).isEqualTo(3 * 4);
    assertThat(m.bbox()).contains(new Box(0, 3, 3, 4));
  }

  @Test
  void fullHeightAndEdgeBoxesEncodeLikePixelMasks() {
    for (Box b :
        new Box[] {
          new Box(2, 0, 3, 10), new Box(5, 4, 3, 6), new Box(0, 0, 8, 10), new Box(-1, -1, 3, 3)
        }) {
      Mask m = Mask.fromBox(10, 8, b);
      assertThat(Mask.fromColumnMajor(10, 8, m.toColumnMajor())).as(b.toString()).isEqualTo(m);
    }
  }

  @Test
  void rowMajorAndColumnMajorAgree() {
    boolean[] rowMajor = {false, true, true, false, true, false}; // rows (0,1),(1,0),(1,0)
    assertThat(Mask.fromRowMajor(3, 2, rowMajor)).isEqualTo(Mask.fromColumnMajor(3, 2, PIXELS));
    assertThat(Mask.fromColumnMajor(3, 2, PIXELS).toRowMajor()).containsExactly(rowMajor);
  }

  @Test
  void compressedStringsFromSaVRoundTripExactly() throws IOException {
    Path sav = SharedData.refdata("sav", "sav_000001_manual.json");
    Matcher m = Pattern.compile("\"counts\": \"([^\"]*)\"").matcher(Files.readString(sav));
    List<String> strings = new ArrayList<>();
    while (m.find()) strings.add(m.group(1).replace("\\\\", "\\"));
    assertThat(strings).hasSizeGreaterThan(100);
    for (String s : strings) {
      Mask mask = Mask.fromCompressedString(848, 480, s);
      assertThat(mask.toCompressedString()).isEqualTo(s);
      assertThat(Mask.fromColumnMajor(848, 480, mask.toColumnMajor())).isEqualTo(mask);
    }
  }

  @Test
  void rejectsCountsThatDoNotCoverTheImage() {
    assertThatThrownBy(() -> new Mask(2, 2, new int[] {1, 2})).hasMessageContaining("sum to 3");
    assertThatThrownBy(() -> Mask.fromCompressedString(2, 2, "\u0001"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
