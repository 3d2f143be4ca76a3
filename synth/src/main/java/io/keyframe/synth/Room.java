package io.keyframe.synth;

import io.keyframe.dataset.FrozenArray;

/**
 * The unannotated backdrop of a scene: wall above the horizon, floor below, a window and the
 * patient bed (with pillow) on the wall side. Rectangles are {x, y, w, h} in pixels.
 */
public record Room(
    int horizon, int wallRgb, int floorRgb, FrozenArray.OfInt window, FrozenArray.OfInt bed) {
  public Room {
    if (window.length() != 4 || bed.length() != 4)
      throw new IllegalArgumentException("rectangles are {x, y, w, h}");
  }
}
