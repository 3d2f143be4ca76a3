package io.keyframe.dataset.mot;

import static io.keyframe.dataset.CanonicalNumber.format;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.AtomicOutput;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.TrackFrames;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a MOTChallenge text file atomically. When every detection has the label {@value
 * MotOptions#DEFAULT_LABEL} and unknown visibility the results layout ({@code ...,conf,-1,-1,-1})
 * is written, otherwise the ground-truth layout ({@code ...,conf,class,visibility}). Masks, flags,
 * class probabilities and provenance have no column and are not written; a mask-only detection is
 * written as its mask's bounding box, and one whose mask is empty is left out. MOT15-2D world
 * coordinates are not read, so a MOT15 file comes back with -1 in columns 8-10.
 */
public final class MotWriter {
  private MotWriter() {}

  /** Writes with no class list (see {@link #write(Path, AnnotationSet, MotOptions)}). */
  public static void write(Path target, AnnotationSet set) throws IOException {
    write(target, set, MotOptions.defaults());
  }

  /**
   * Class ids come from {@code options.classes()} when given, else from labels that are numbers,
   * else from the label's position in {@code set.labels()} (1-based): then the names are lost
   * unless the same class list is given when reading.
   */
  public static void write(Path target, AnnotationSet set, MotOptions options) throws IOException {
    TrackFrames.requireUnique(set);
    boolean results =
        set.detections().stream()
            .allMatch(d -> d.label().equals(MotOptions.DEFAULT_LABEL) && d.visibility() == -1);
    AtomicOutput.write(
        target,
        out -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          StringBuilder line = new StringBuilder(96);
          for (Detection d : set.detections()) {
            Box b = d.boxOrMaskBox();
            if (b == null) continue;
            line.setLength(0);
            line.append(d.frame() + 1)
                .append(',')
                .append(d.trackId())
                .append(',')
                .append(format(b.x()))
                .append(',')
                .append(format(b.y()))
                .append(',')
                .append(format(b.w()))
                .append(',')
                .append(format(b.h()))
                .append(',')
                .append(format(d.score()));
            if (results) line.append(",-1,-1,-1");
            else
              line.append(',')
                  .append(classId(d.label(), set.labels(), options.classes()))
                  .append(',')
                  .append(format(d.visibility()));
            w.write(line.append('\n').toString());
          }
          w.flush();
        });
  }

  static int classId(String label, List<String> setLabels, List<String> classes) {
    if (label.equals(MotOptions.DEFAULT_LABEL)) return -1;
    int i = classes.indexOf(label);
    if (i >= 0) return i + 1;
    if (label.matches("0|[1-9][0-9]{0,8}")) return Integer.parseInt(label);
    return setLabels.indexOf(label) + 1;
  }
}
