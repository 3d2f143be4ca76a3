package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.cvat.CvatVideoReader;
import io.keyframe.dataset.mot.MotReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long clinical video: 1,800 frames x 50 tracked objects (90,000 shapes). The readers pull one
 * line or element at a time; a generous time bound catches accidental quadratic work, not speed.
 */
class StreamingReadTest {
  private static final int FRAMES = 1800;
  private static final int OBJECTS = 50;

  @TempDir Path tmp;

  @Test
  void readsA1800FrameBy50ObjectCvatFile() throws IOException {
    Path f = tmp.resolve("long.xml");
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write(
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n  <version>1.1</version>\n  <meta>\n    <task>\n");
      w.write(
          "      <name>long</name>\n      <size>"
              + FRAMES
              + "</size>\n      <labels><label><name>person</name></label></labels>\n");
      w.write(
          "      <original_size><width>1920</width><height>1080</height></original_size>\n    </task>\n  </meta>\n");
      for (int t = 0; t < OBJECTS; t++) {
        w.write("  <track id=\"" + t + "\" label=\"person\" source=\"manual\">\n");
        for (int fr = 0; fr < FRAMES; fr++) {
          int x = (t * 37 + fr) % 1800;
          w.write(
              "    <box frame=\""
                  + fr
                  + "\" outside=\"0\" occluded=\""
                  + (fr % 7 == 0 ? 1 : 0)
                  + "\" keyframe=\"0\" xtl=\""
                  + x
                  + ".5\" ytl=\""
                  + (t * 20)
                  + "\" xbr=\""
                  + (x + 60)
                  + ".5\" ybr=\""
                  + (t * 20 + 100)
                  + "\" z_order=\"0\"/>\n");
        }
        w.write("  </track>\n");
      }
      w.write("</annotations>\n");
    }
    long t0 = System.nanoTime();
    AnnotationSet set = CvatVideoReader.read(f);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(set.detections()).hasSize(FRAMES * OBJECTS);
    assertThat(set.tracks()).hasSize(OBJECTS);
    assertThat(set.detections().stream().filter(Detection::occluded).count())
        .isEqualTo(OBJECTS * ((FRAMES + 6) / 7));
    assertThat(seconds).isLessThan(120);
  }

  @Test
  void readsA1800FrameBy50ObjectMotFile() throws IOException {
    Path f = tmp.resolve("long.txt");
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      for (int fr = 1; fr <= FRAMES; fr++)
        for (int t = 1; t <= OBJECTS; t++)
          w.write(
              fr
                  + ","
                  + t
                  + ","
                  + ((t * 37 + fr) % 1800)
                  + ".25,"
                  + (t * 20)
                  + ",60,100,1,1,0.75\n");
    }
    long t0 = System.nanoTime();
    AnnotationSet set = MotReader.read(f);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(set.detections()).hasSize(FRAMES * OBJECTS);
    assertThat(set.video().frameCount()).isEqualTo(FRAMES);
    assertThat(set.detections().get(0).visibility()).isEqualTo(0.75);
    assertThat(seconds).isLessThan(120);
  }
}
