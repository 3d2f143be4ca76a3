package io.keyframe.tracker.bytetrack;

import io.keyframe.dataset.Box;
import java.util.ArrayList;
import java.util.List;

/** Mutable per-object state inside one tracking run; never leaves the tracker. */
final class TrackedObject {
  /** One output shape of this object. */
  static final class Row {
    final int frame;
    final Box box;
    final double score;
    final boolean partial;
    final boolean keyframe;

    Row(int frame, Box box, double score, boolean partial, boolean keyframe) {
      this.frame = frame;
      this.box = box;
      this.score = score;
      this.partial = partial;
      this.keyframe = keyframe;
    }
  }

  final String label;

  /** Output ID; -1 until the object is confirmed. */
  int id = -1;

  /** True once a keyframe named this object: its ID then comes from a human. */
  boolean bound;

  TrackState state;
  KalmanBoxFilter kalman;
  double[] histogram;
  int lastSeenFrame;
  Box lastBox;
  double lossVx;
  double lossVy;
  int updatedFrame = -1;
  final List<Row> rows = new ArrayList<>();

  TrackedObject(String label, Box box, int frame, TrackState state, ByteTrackConfig.Motion motion) {
    this.label = label;
    this.kalman = new KalmanBoxFilter(box, motion);
    this.state = state;
    this.lastSeenFrame = frame;
    this.lastBox = box;
  }

  int firstRowFrame() {
    return rows.isEmpty() ? Integer.MAX_VALUE : rows.get(0).frame;
  }

  int lastRowFrame() {
    return rows.isEmpty() ? -1 : rows.get(rows.size() - 1).frame;
  }

  boolean active() {
    return state == TrackState.TENTATIVE || state == TrackState.TRACKED || state == TrackState.LOST;
  }

  /** Records an observation at {@code frame}. */
  void observe(
      int frame,
      Box box,
      double score,
      boolean partial,
      boolean keyframe,
      double[] hist,
      double histAlpha) {
    rows.add(new Row(frame, box, score, partial, keyframe));
    lastSeenFrame = frame;
    lastBox = box;
    updatedFrame = frame;
    if (hist != null) {
      if (histogram == null) histogram = hist.clone();
      else io.keyframe.tracker.appearance.ColourHistogram.blend(histogram, hist, histAlpha);
    }
  }

  void markLost() {
    state = TrackState.LOST;
    lossVx = kalman.velocityX();
    lossVy = kalman.velocityY();
  }
}
