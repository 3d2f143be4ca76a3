package io.keyframe.scoring.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackLabelsTest {
  private static final Box BOX = new Box(1, 1, 5, 5);

  /**
   * 10 frames. Labels: track 1 iv_pole on 0..9 except 4 (missed); track 2 monitor 0..4, bed_rail 5..9.
   * Model: untracked monitor on 8 and 9, and a box on frame 12, past the video's end.
   */
  private static VideoEvidence evidence() {
    Video v = new Video("v", 30, 100, 100, 10, "");
    List<Detection> labels = new ArrayList<>();
    for (int f = 0; f < 10; f++) {
      if (f != 4) labels.add(Detection.of(f, 1, "iv_pole", BOX));
      labels.add(Detection.of(f, 2, f < 5 ? "monitor" : "bed_rail", BOX));
    }
    List<Detection> model = List.of(Detection.of(8, Detection.UNTRACKED, "monitor", BOX), Detection.of(9, Detection.UNTRACKED, "monitor", BOX), Detection.of(12, 7, "cart", BOX));
    List<String> names = List.of("bed_rail", "cart", "iv_pole", "monitor");
    return new VideoEvidence(
        v, new AnnotationSet(v, Provenance.annotator("model", null, "t"), names, model), null,
        List.of(new AnnotationSet(v, Provenance.annotator("a", null, "t"), names, labels)), List.of());
  }

  @Test
  void each_track_and_class_becomes_runs_of_consecutive_frames_within_the_video() {
    assertThat(TrackLabels.of(evidence()).runs())
        .containsExactly(
            new TrackLabels.Run(Detection.UNTRACKED, "monitor", 8, 9),
            new TrackLabels.Run(1, "iv_pole", 0, 3),
            new TrackLabels.Run(1, "iv_pole", 5, 9),
            new TrackLabels.Run(2, "bed_rail", 5, 9),
            new TrackLabels.Run(2, "monitor", 0, 4));
  }

  @Test
  void labels_are_those_of_the_named_tracks_when_they_show_else_every_class_shown() {
    TrackLabels t = TrackLabels.of(evidence());
    assertThat(t.labels(3, 6, Set.of(2))).containsExactly("bed_rail", "monitor");
    assertThat(t.labels(4, 4, Set.of(1))).containsExactly("monitor"); // track 1 is missed there
    assertThat(t.labels(0, 9, Set.of())).containsExactly("bed_rail", "iv_pole", "monitor");
    assertThat(t.labels(9, 9, Set.of(7))).containsExactly("bed_rail", "iv_pole", "monitor");
  }

  @Test
  void survives_java_serialization() {
    TrackLabels t = TrackLabels.of(evidence());
    assertThat(JavaSerialization.roundTrip(t)).isEqualTo(t);
  }
}
