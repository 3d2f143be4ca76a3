package io.keyframe.tracker.sam2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The SAM 2 values that hold arrays copy them on the way in and out, so a caller cannot change
 * them.
 */
class Sam2ResultArraysTest {

  @Test
  void aStepCannotBeChangedThroughItsArrays() {
    int[] memFrames = {0, -1};
    long[] tpos = {6, 0};
    float[] memValid = {1, 0};
    int[] ptrFrames = {0};
    long[] offsets = {1};
    float[] ptrValid = {1};
    float[] logits = {-2, 3};
    Sam2Step s = step(memFrames, tpos, memValid, ptrFrames, offsets, ptrValid, logits);
    memFrames[1] = 5;
    tpos[0] = 9;
    memValid[1] = 1;
    ptrFrames[0] = 3;
    offsets[0] = 7;
    ptrValid[0] = 0;
    logits[0] = 8;
    s.memoryFrames()[0] = 5;
    s.memoryTemporalIndex()[1] = 9;
    s.memoryValid()[0] = 0;
    s.pointerFrames()[0] = 3;
    s.pointerOffsets()[0] = 7;
    s.pointerValid()[0] = 0;
    s.lowResLogits()[1] = 8;
    assertThat(s.memoryFrames()).containsExactly(0, -1);
    assertThat(s.memoryTemporalIndex()).containsExactly(6, 0);
    assertThat(s.memoryValid()).containsExactly(1, 0);
    assertThat(s.pointerFrames()).containsExactly(0);
    assertThat(s.pointerOffsets()).containsExactly(1);
    assertThat(s.pointerValid()).containsExactly(1);
    assertThat(s.lowResLogits()).containsExactly(-2, 3);
    Sam2Step same =
        step(
            new int[] {0, -1},
            new long[] {6, 0},
            new float[] {1, 0},
            new int[] {0},
            new long[] {1},
            new float[] {1},
            new float[] {-2, 3});
    assertThat(s).isEqualTo(same).hasSameHashCodeAs(same);
  }

  /** Frame 1, object 4, tracked, with the given slots and logits. */
  private static Sam2Step step(
      int[] memFrames,
      long[] tpos,
      float[] memValid,
      int[] ptrFrames,
      long[] offsets,
      float[] ptrValid,
      float[] logits) {
    return new Sam2Step(
        1, 4, false, true, memFrames, tpos, memValid, ptrFrames, offsets, ptrValid, 0.5f, true,
        0.9f, logits);
  }

  @Test
  void aStoredMemoryCannotBeChangedThroughTheArraysItWasGiven() {
    float[] features = {1, 2}, positions = {3, 4}, pointer = {5};
    MemoryBank.Entry e = new MemoryBank.Entry(2, features, positions, pointer);
    features[0] = 9;
    positions[0] = 9;
    pointer[0] = 9;
    float[] packed = new float[4];
    e.copyFeaturesTo(packed, 1);
    assertThat(packed).containsExactly(0, 1, 2, 0);
    e.copyPositionsTo(packed, 2);
    assertThat(packed).containsExactly(0, 1, 3, 4);
    e.copyObjectPointerTo(packed, 0);
    assertThat(packed).containsExactly(5, 1, 3, 4);
    assertThat(e.frame()).isEqualTo(2);
  }

  @Test
  void aPromptCannotBeChangedThroughItsClicks() {
    float[] points = {10, 20};
    int[] labels = {1};
    Sam2Prompt p = new Sam2Prompt(0, 1, "bed rail", null, points, labels);
    points[0] = 99;
    labels[0] = 0;
    p.points()[1] = 99;
    p.labels()[0] = 0;
    assertThat(p.points()).containsExactly(10, 20);
    assertThat(p.labels()).containsExactly(1);
    assertThat(p.clickX(0)).isEqualTo(10);
    assertThat(p.clickY(0)).isEqualTo(20);
    assertThat(p.clickLabel(0)).isEqualTo(1);
    assertThat(p).isEqualTo(Sam2Prompt.click(0, 1, "bed rail", 10, 20, true));
  }

  @Test
  void aManifestsPixelStatisticsCannotBeChanged() throws Exception {
    Path dir = Path.of(getClass().getResource("sam2/manifest.json").toURI()).getParent();
    Sam2Manifest read = Sam2Manifest.read(dir);
    Sam2Manifest.Rgb mean = new Sam2Manifest.Rgb(0.5f, 0.5f, 0.5f),
        std = new Sam2Manifest.Rgb(0.25f, 0.25f, 0.25f);
    Sam2Manifest m =
        new Sam2Manifest(
            read.dir(),
            read.model(),
            read.layout(),
            read.imageSize(),
            mean,
            std,
            read.numMaskmem(),
            read.maxCondFrames(),
            read.maxObjectPointers(),
            read.memoryBfloat16(),
            read.objectBatch(),
            read.graphs(),
            read.precision());
    m.mean().toArray()[1] = 9;
    m.std().toArray()[1] = 9;
    assertThat(m.mean().toArray()).containsExactly(0.5f, 0.5f, 0.5f);
    assertThat(m.std().toArray()).containsExactly(0.25f, 0.25f, 0.25f);
    read.mean().toArray()[0] = 9;
    assertThat(read).isEqualTo(Sam2Manifest.read(dir));
  }
}
