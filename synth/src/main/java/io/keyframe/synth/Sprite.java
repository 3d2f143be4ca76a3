package io.keyframe.synth;

import java.util.List;

/**
 * The drawable shape of a thing in the scene: parts drawn in order (later over earlier), all inside
 * a {@code width x height} box anchored at the sprite's top-left corner. Geometry is answered per
 * pixel column as row intervals, which is all that masks and rendering need.
 */
public record Sprite(int width, int height, List<Part> parts) {
  public Sprite {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) throw new IllegalArgumentException("a sprite needs at least one part");
    for (Part p : parts)
      if (p.dx() < 0 || p.dy() < 0 || p.dx() + p.w() > width || p.dy() + p.h() > height)
        throw new IllegalArgumentException(
            "part " + p + " leaves the " + width + "x" + height + " sprite box");
  }

  /**
   * Writes the union of the parts' rows in sprite column {@code cx} into {@code spans} as sorted,
   * disjoint {@code [top, bottom)} pairs offset by {@code y0}, clipped to {@code [0, limit)}.
   */
  void column(int cx, int y0, int limit, Spans spans) {
    spans.clear();
    int[] r = spans.scratch;
    for (Part p : parts)
      if (p.rows(cx, r)) spans.add(Math.max(0, r[0] + y0), Math.min(limit, r[1] + y0));
  }
}
