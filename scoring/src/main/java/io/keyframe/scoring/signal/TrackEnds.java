package io.keyframe.scoring.signal;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Track;
import java.util.List;
import java.util.Optional;

/**
 * Track births and deaths away from the image border: people do not appear or vanish in the middle
 * of the picture, so a track that starts or ends there marks a lost object, a fragment or an ID
 * change (the persistence term of Milan, Roth &amp; Schindler 2014, Continuous Energy Minimization
 * for Multitarget Tracking, TPAMI 36(1)). The object is most likely still there but untracked on
 * the other side of the end, so the value is 1 on the frames just outside the track, falling
 * linearly to 0 over {@code window} frames (after a death, before a birth), and over {@code lead}
 * frames inside it (the box degrades before the tracker lets go). Measured on real MOT17 training
 * sequences, a real tracker's misses and ID switches cluster there (scoring/README).
 *
 * <p>Source: the delivered labels (first annotator), or the tracker output when there are none.
 * Ends on the video's first or last frame are not ends. With an unknown frame size (0) every end
 * counts.
 *
 * @param window frames outside the track that still score
 * @param lead frames inside the track that still score
 * @param margin pixels from an image border within which an end is a normal entry or exit
 */
public record TrackEnds(int window, int lead, double margin) implements Signal {
  public TrackEnds {
    if (window < 0) throw new IllegalArgumentException("window must be >= 0: " + window);
    if (lead < 0) throw new IllegalArgumentException("lead must be >= 0: " + lead);
    if (!(margin >= 0)) throw new IllegalArgumentException("margin must be >= 0: " + margin);
  }

  /** Defaults: 20 frames outside, 3 inside, 20 px margin. */
  public TrackEnds() {
    this(20, 3, 20);
  }

  @Override
  public String name() {
    return "track_ends";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    return MissingInput.when(source(evidence) == null, MissingInput.TRACKED_DETECTIONS);
  }

  /** The delivered labels, else the tracker; null when neither has track IDs. */
  static AnnotationSet source(VideoEvidence e) {
    AnnotationSet s = e.labels().orElse(e.tracker());
    if (s == null || s.detections().stream().allMatch(d -> d.trackId() == Detection.UNTRACKED))
      return null;
    return s;
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    int n = evidence.frameCount();
    int w = evidence.video().width(), h = evidence.video().height();
    FrameScores.Builder b = new FrameScores.Builder(n);
    for (Track t : source(evidence).tracks()) {
      List<Detection> ds =
          t.detections().stream().filter(d -> !d.outside() && d.boxOrMaskBox() != null).toList();
      if (t.id() == Detection.UNTRACKED || ds.isEmpty()) continue;
      Detection first = ds.get(0), last = ds.get(ds.size() - 1);
      if (first.frame() > 0 && inner(first.boxOrMaskBox(), w, h))
        mark(b, first.frame(), -1, t.id());
      if (last.frame() < n - 1 && inner(last.boxOrMaskBox(), w, h))
        mark(b, last.frame(), +1, t.id());
    }
    return b.build();
  }

  /**
   * Marks the frames around an end at {@code f}; {@code outward} is -1 for a birth (untracked
   * before), +1 for a death.
   */
  private void mark(FrameScores.Builder b, int f, int outward, int id) {
    for (int d = 1; d <= window; d++) {
      b.add(f + outward * d, 1 - (d - 1) / (double) window);
      b.object(f + outward * d, id);
    }
    for (int d = 0; d <= lead; d++) {
      b.add(f - outward * d, 1 - d / (double) (lead + 1));
      b.object(f - outward * d, id);
    }
  }

  private boolean inner(Box box, int w, int h) {
    if (w <= 0 || h <= 0) return true;
    return box.x() > margin && box.y() > margin && box.x2() < w - margin && box.y2() < h - margin;
  }
}
