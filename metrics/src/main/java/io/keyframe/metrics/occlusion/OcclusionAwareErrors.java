package io.keyframe.metrics.occlusion;

import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.metrics.clear.MotAccumulator;
import io.keyframe.metrics.sequence.TrackingSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ID switches and fragmentations (py-motmetrics' CLEAR-MOT events, Bernardin &amp; Stiefelhagen
 * 2008) split by whether they fall within an occlusion of the same ground-truth object or the
 * {@code window} frames after it: an error at frame f of object o is occlusion-related when some
 * event of o has {@code startFrame ≤ f ≤ endFrame + window}.
 *
 * @param window frames after an occlusion that still count
 * @param occlusionEvents events considered
 * @param switches all ID switches
 * @param switchesNearOcclusion those within an occlusion or its window
 * @param fragmentations all fragmentations (at the frame tracking was lost)
 * @param fragmentationsNearOcclusion those within an occlusion or its window
 * @param errors every switch/fragmentation with its frame, original ground-truth ID, whether it is
 *     near an occlusion and, for switches, the original predicted IDs before and after
 */
public record OcclusionAwareErrors(
    int window,
    int occlusionEvents,
    long switches,
    long switchesNearOcclusion,
    long fragmentations,
    long fragmentationsNearOcclusion,
    List<Error> errors) {

  /**
   * One identity error.
   *
   * @param kind {@code switch} or {@code fragmentation}
   * @param frame frame of the switch, or where tracking was lost
   * @param gtTrackId original ground-truth ID
   * @param nearOcclusion within an occlusion of that object or its window
   * @param oldPredId original predicted ID matched before a switch; -1 for fragmentations
   * @param newPredId original predicted ID matched from a switch on; -1 for fragmentations
   */
  public record Error(
      String kind, int frame, int gtTrackId, boolean nearOcclusion, int oldPredId, int newPredId) {}

  public OcclusionAwareErrors {
    if (window < 0) throw new IllegalArgumentException("window is negative: " + window);
    errors = List.copyOf(errors);
  }

  /** Share of switches near an occlusion; NaN without switches. */
  public double switchShareNearOcclusion() {
    return switches == 0 ? Double.NaN : (double) switchesNearOcclusion / switches;
  }

  /**
   * Runs CLEAR-MOT on the sequence (py-motmetrics rules, distance threshold {@code maxDistance})
   * and classifies its identity errors against the occlusion events (track IDs = ground-truth IDs).
   */
  public static OcclusionAwareErrors of(
      TrackingSequence seq, double maxDistance, List<OcclusionEvent> events, int window) {
    MotAccumulator acc = new MotAccumulator();
    acc.update(seq, maxDistance);
    Map<Integer, List<OcclusionEvent>> byTrack = new HashMap<>();
    for (OcclusionEvent e : events)
      byTrack.computeIfAbsent(e.trackId(), k -> new ArrayList<>()).add(e);
    List<Error> errors = new ArrayList<>();
    long sw = 0, swNear = 0, fr = 0, frNear = 0;
    int[][] switchEvents = acc.switchEvents(), switchHyps = acc.switchHypotheses();
    for (int k = 0; k < switchEvents.length; k++) {
      int[] e = switchEvents[k];
      int id = seq.gtIdName(e[1]);
      boolean near = near(byTrack.get(id), e[0], window);
      errors.add(
          new Error(
              "switch",
              e[0],
              id,
              near,
              seq.predIdName(switchHyps[k][0]),
              seq.predIdName(switchHyps[k][1])));
      sw++;
      if (near) swNear++;
    }
    for (int[] e : acc.fragmentationEvents()) {
      int id = seq.gtIdName(e[1]);
      boolean near = near(byTrack.get(id), e[0], window);
      errors.add(new Error("fragmentation", e[0], id, near, -1, -1));
      fr++;
      if (near) frNear++;
    }
    return new OcclusionAwareErrors(window, events.size(), sw, swNear, fr, frNear, errors);
  }

  private static boolean near(List<OcclusionEvent> events, int frame, int window) {
    if (events == null) return false;
    for (OcclusionEvent e : events)
      if (frame >= e.startFrame() && (long) frame <= (long) e.endFrame() + window) return true;
    return false;
  }
}
