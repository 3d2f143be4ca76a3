package io.keyframe.report.chart;

import io.keyframe.report.data.DetectionIndex;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one frame shows: every source's boxes in that source's colour, the objects a page points at,
 * and the video's size. The thumbnail PNG, the frame page and its JSON twin are all drawn from this
 * one value, so they cannot disagree.
 *
 * @param video video ID
 * @param frame 0-based frame
 * @param width frame width in pixels (the video's true size when {@code sizeKnown})
 * @param height frame height in pixels
 * @param sizeKnown whether the size comes from the {@code videos} table (else guessed from boxes)
 * @param sources one entry per source drawn, in legend order
 */
public record FrameView(
    String video, int frame, int width, int height, boolean sizeKnown, List<SourceBoxes> sources) {
  public FrameView {
    sources = List.copyOf(sources);
  }

  /** One box of a source, and whether it is one of the objects the page points at. */
  public record Box(
      int trackId, String label, double x, double y, double w, double h, boolean highlighted) {}

  /**
   * The boxes of one source on the frame.
   *
   * @param colour {@code #rrggbb}, the same for this source on every frame of the video
   */
  public record SourceBoxes(String source, String colour, List<Box> boxes) {
    public SourceBoxes {
      boxes = List.copyOf(boxes);
    }
  }

  /**
   * The frame as the index holds it. {@code only} limits the sources drawn (empty = every source
   * with boxes on the frame); {@code highlight} marks the objects a page points at.
   */
  public static FrameView of(
      DetectionIndex index, String video, int frame, List<ObjectRef> highlight, Set<String> only) {
    int[] size = index.frameSize(video);
    List<String> palette = index.sources(video);
    List<SourceBoxes> out = new ArrayList<>();
    for (String source : index.sources(video, frame)) {
      if (!only.isEmpty() && !only.contains(source)) {
        continue;
      }
      List<Box> boxes = new ArrayList<>();
      for (DetectionIndex.FrameBox b : index.boxes(video, frame)) {
        if (b.source().equals(source)) {
          boolean hot = highlight.stream().anyMatch(o -> o.matches(source, b.trackId()));
          boxes.add(
              new Box(
                  b.trackId(), b.label(), b.box().x(), b.box().y(), b.box().w(), b.box().h(), hot));
        }
      }
      out.add(new SourceBoxes(source, hex(colour(palette.indexOf(source))), boxes));
    }
    return new FrameView(video, frame, size[0], size[1], index.knowsSize(video), out);
  }

  /** The colour of the {@code i}-th source of a video. */
  static Color colour(int i) {
    return Charts.SERIES[Math.floorMod(i, Charts.SERIES.length)];
  }

  static String hex(Color c) {
    return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xffffff);
  }
}
