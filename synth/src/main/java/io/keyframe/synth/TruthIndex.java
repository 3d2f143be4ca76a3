package io.keyframe.synth;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Track;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The ground truth's tracks (by id) and frames, computed once and shared by the simulators. */
record TruthIndex(AnnotationSet set, List<Track> tracks, Map<Integer, List<Detection>> byFrame) {
  static TruthIndex of(AnnotationSet gt) {
    List<Track> tracks = new ArrayList<>(gt.tracks());
    tracks.sort(Comparator.comparingInt(Track::id));
    return new TruthIndex(gt, List.copyOf(tracks), gt.byFrame());
  }
}
