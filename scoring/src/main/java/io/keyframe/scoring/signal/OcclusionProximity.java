package io.keyframe.scoring.signal;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Occlusion proximity: 1 at the frames where an object disappears or re-emerges, falling linearly
 * to 0 over {@code window} frames, because that is where trackers lose identities and where
 * keyframes belong (Vondrick, Patterson &amp; Ramanan 2013, Efficiently Scaling up Crowdsourced
 * Video Annotation).
 *
 * <p>Events come from {@link VideoEvidence#occlusions()}, from runs of CVAT {@code occluded} flags
 * and from gaps inside tracks of the labels and tracker output.
 *
 * @param window frames on either side of a boundary that still score (linearly less)
 */
public record OcclusionProximity(int window) implements Signal {
  public OcclusionProximity {
    if (window < 0) throw new IllegalArgumentException("window must be >= 0: " + window);
  }

  /** Default: 5 frames either side (a sixth of a second at 30 fps). */
  public OcclusionProximity() {
    this(5);
  }

  @Override
  public String name() {
    return "occlusion";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    return MissingInput.when(
        evidence.occlusions().isEmpty()
            && evidence.annotators().isEmpty()
            && evidence.tracker() == null,
        "needs occlusion events, tracked labels or tracker output; pass --labels or --tracks");
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    FrameScores.Builder b = new FrameScores.Builder(evidence.frameCount());
    for (OcclusionEvent e : events(evidence)) {
      mark(b, e.startFrame(), e.trackId());
      mark(b, e.reemergenceFrame(), e.trackId());
    }
    return b.build();
  }

  private void mark(FrameScores.Builder b, int boundary, int trackId) {
    for (int d = -window; d <= window; d++) {
      double v = 1 - Math.abs(d) / (double) (window + 1);
      b.max(boundary + d, v);
      b.object(boundary + d, trackId);
    }
  }

  /** Given events plus those implied by occluded-flag runs and track gaps. */
  static List<OcclusionEvent> events(VideoEvidence evidence) {
    List<OcclusionEvent> out = new ArrayList<>(evidence.occlusions());
    List<AnnotationSet> sources = new ArrayList<>(evidence.annotators());
    if (evidence.tracker() != null) sources.add(evidence.tracker());
    for (AnnotationSet s : sources)
      for (Track t : s.tracks()) {
        Detection prev = null;
        int runStart = -1;
        for (Detection d : t.detections()) {
          if (prev != null && d.frame() - prev.frame() > 1)
            out.add(new OcclusionEvent(t.id(), prev.frame() + 1, d.frame() - 1, "unknown", true));
          if (d.occluded() && runStart < 0) runStart = d.frame();
          if (!d.occluded() && runStart >= 0) {
            out.add(new OcclusionEvent(t.id(), runStart, d.frame() - 1, "unknown", false));
            runStart = -1;
          }
          prev = d;
        }
        if (runStart >= 0)
          out.add(new OcclusionEvent(t.id(), runStart, prev.frame(), "unknown", false));
      }
    return out;
  }
}
