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
 * A long clinical video: 1,800 frames x 50 tracked objects (90,000 shapes), read whole: every
 * shape, track and flag. How fast, and in how small a heap, is measured by bench/formats-read.sh
 * (StAX against a DOM baseline, then in a 64 MB heap), not here.
 */
class StreamingReadTest {
  private static final int FRAMES = 1800;
  private static final int OBJECTS = 50;

  @TempDir Path tmp;

  @Test
  void readsA1800FrameBy50ObjectCvatFile() throws IOException {
    Path f = tmp.resolve("long.xml");
    LongCvatVideo.write(f, FRAMES, OBJECTS);
    AnnotationSet set = CvatVideoReader.read(f);
    assertThat(set.detections()).hasSize(FRAMES * OBJECTS);
    assertThat(set.tracks()).hasSize(OBJECTS);
    assertThat(set.detections().stream().filter(Detection::occluded).count())
        .isEqualTo(OBJECTS * ((FRAMES + 6) / 7));
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
    AnnotationSet set = MotReader.read(f);
    assertThat(set.detections()).hasSize(FRAMES * OBJECTS);
    assertThat(set.video().frameCount()).isEqualTo(FRAMES);
    assertThat(set.detections().get(0).visibility()).isEqualTo(0.75);
  }
}
