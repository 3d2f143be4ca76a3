package io.keyframe.tracker.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeTest {
  @Test
  void yoloxDecodesOneAnchorByHand() {
    // 64x64 input: grids 8x8 (stride 8), 4x4 (16), 2x2 (32) = 84 anchors, 2 classes -> width 7.
    YoloxTranslator t = new YoloxTranslator(64, 0.3, 0.45);
    int width = 7;
    float[] raw = new float[84 * width];
    int anchor = 1 * 8 + 2; // stride 8, gy = 1, gx = 2
    float[] row = {0.5f, 0.5f, (float) Math.log(4), (float) Math.log(2), 0.9f, 0.1f, 0.8f};
    System.arraycopy(row, 0, raw, anchor * width, width);
    List<ModelDetection> out = t.decode(raw, 0, width, 0.5, 1000, 1000);
    // centre ((0.5+2)*8, (0.5+1)*8) = (20, 12); size (4*8, 2*8) = (32, 16) -> xyxy (4,4,36,20) in
    // input
    // pixels, / ratio 0.5 -> (8, 8, 72, 40) in the original; score 0.9 * 0.8.
    assertThat(out).hasSize(1);
    ModelDetection d = out.get(0);
    assertThat(d.classIndex()).isEqualTo(1);
    assertThat(d.score()).isCloseTo(0.72, within(1e-6));
    assertThat(d.box().x()).isCloseTo(8, within(1e-4));
    assertThat(d.box().y()).isCloseTo(8, within(1e-4));
    assertThat(d.box().w()).isCloseTo(64, within(1e-4));
    assertThat(d.box().h()).isCloseTo(32, within(1e-4));
  }

  @Test
  void nmsDropsOverlappingBoxesOfOneClassOnly() {
    ModelDetection a = new ModelDetection(0, 0.9, new Box(0, 0, 10, 10));
    ModelDetection b = new ModelDetection(0, 0.8, new Box(1, 0, 10, 10)); // IoU 90/110 with a
    ModelDetection c = new ModelDetection(1, 0.7, new Box(1, 0, 10, 10)); // other class: kept
    ModelDetection d = new ModelDetection(0, 0.6, new Box(5, 0, 10, 10)); // IoU 50/150 with a: kept
    assertThat(NonMaximumSuppression.classWise(List.of(d, c, b, a), 0.45)).containsExactly(a, c, d);
  }

  @Test
  void classMappingMapsDropsAndKeeps() {
    ClassMapping coco = ClassMapping.cocoDefault();
    assertThat(coco.modelClasses()).hasSize(80);
    assertThat(coco.projectClass(0)).contains("person");
    assertThat(coco.projectClass(59)).contains("bed");
    assertThat(coco.projectClass(62)).contains("monitor"); // tv
    assertThat(coco.projectClass(2)).isEmpty(); // car: dropped
  }

  @Test
  void classMappingFileErrorsNameTheLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("map.csv");
    Files.writeString(f, "# header\nperson,person\n*,keep\nbed\n");
    assertThatThrownBy(() -> ClassMapping.read(f, ClassMapping.coco80()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("line 4");
    Files.writeString(f, "person,person\nzebra crossing,road\n");
    assertThatThrownBy(() -> ClassMapping.read(f, ClassMapping.coco80()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("zebra crossing");
    Files.writeString(f, "person,patient\n*,keep\n");
    ClassMapping keep = ClassMapping.read(f, ClassMapping.coco80());
    assertThat(keep.projectClass(0)).contains("patient");
    assertThat(keep.projectClass(2)).contains("car");
    assertThat(keep.projectClasses()).startsWith("patient", "bicycle");
  }
}
