package io.keyframe.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A long clinical-video CVAT export for the streaming test and the read benchmark: {@code objects}
 * tracks of one box per frame, occluded on every 7th frame, boxes 60 x 100 at x = (37 t + f) mod
 * 1800 + 0.5, y = 20 t.
 */
public final class LongCvatVideo {
  private LongCvatVideo() {}

  /** Writes the export to {@code file}: {@code frames} x {@code objects} shapes. */
  public static void write(Path file, int frames, int objects) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write(
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n  <version>1.1</version>\n  <meta>\n    <task>\n");
      w.write(
          "      <name>long</name>\n      <size>"
              + frames
              + "</size>\n      <labels><label><name>person</name></label></labels>\n");
      w.write(
          "      <original_size><width>1920</width><height>1080</height></original_size>\n    </task>\n  </meta>\n");
      for (int t = 0; t < objects; t++) {
        w.write("  <track id=\"" + t + "\" label=\"person\" source=\"manual\">\n");
        for (int f = 0; f < frames; f++) {
          int x = (t * 37 + f) % 1800;
          w.write(
              "    <box frame=\""
                  + f
                  + "\" outside=\"0\" occluded=\""
                  + (f % 7 == 0 ? 1 : 0)
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
  }
}
