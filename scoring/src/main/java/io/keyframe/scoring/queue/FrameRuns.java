package io.keyframe.scoring.queue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The runs of consecutive frames set in a frame bitmap, as {first, last} pairs in frame order. */
final class FrameRuns {
  private FrameRuns() {}

  static List<int[]> of(BitSet frames) {
    List<int[]> out = new ArrayList<>();
    int first = frames.nextSetBit(0);
    while (first >= 0) {
      int end = frames.nextClearBit(first);
      out.add(new int[] {first, end - 1});
      first = frames.nextSetBit(end);
    }
    return out;
  }
}
