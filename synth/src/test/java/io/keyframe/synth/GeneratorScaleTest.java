package io.keyframe.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.Frame;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * A small slice of the 3 x 1,800 x 50 scale run (the full run is bench/generate.sh): 50 objects
 * over 300 frames must cost well under the per-frame budget that the full run needs to finish in a
 * minute. CPU time, not wall time, so a busy build machine does not make it flaky.
 */
class GeneratorScaleTest {

  @Test
  void fiftyObjectsOverThreeHundredFramesFitTheBudget() {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long start = cpu.getCurrentThreadCpuTime();
    GeneratedVideo v = new ClinicVideoGenerator(GeneratorSpec.of(1, 300, 50, 9)).generate(0);
    double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
    assertThat(v.groundTruth().detections()).hasSizeGreaterThan(300 * 40);
    // The full run is 18x this slice; 60 s / 18 = 3.3 s, and this includes JIT warm-up.
    assertThat(seconds).isLessThan(3.3);
  }

  @Test
  void theRendererIsAFrameSourceOverTheVideo() {
    GeneratedVideo v = new ClinicVideoGenerator(GeneratorSpec.of(1, 12, 8, 2)).generate(0);
    try (FrameRenderer r = v.renderer()) {
      assertThat(r.frameCount()).isEqualTo(12);
      assertThat(r.fps()).isEqualTo(15.0);
      int n = 0;
      for (Frame f : r) {
        assertThat(f.width()).isEqualTo(640);
        assertThat(f.height()).isEqualTo(360);
        n++;
      }
      assertThat(n).isEqualTo(12);
    }
  }
}
